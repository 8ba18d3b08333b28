import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import { createOrderMachine, effects, effectActions, sampleOrder, type EffectAction, type OrderContext, type OrderEvent } from '../../machines/order/v2/index.ts';

// Version 2's notifications: the kind of each effect, which are e-mailed and to whom, and what
// each e-mail tells the seller, rendered from the effect the machine asked for and the order as it
// stood then. The sample order: two blue mugs and a plate from Tmall Store 1, ship by 2026-03-04.
const createdAt = Date.parse('2026-03-02T00:00:00Z');
const at = (hours: number) => createdAt + hours * 3_600_000;
const DAY = 86_400_000;

type Step = { type: string; [key: string]: unknown };

/** The order after `steps` (each an hour apart, timers at their due time). */
function orderAfter(steps: Step[], overrides: Partial<ReturnType<typeof sampleOrder>> = {}) {
  return play(steps, overrides).snapshot.context as OrderContext;
}

/** The last effect of `action` the order asked for during `steps`, with the order as it stood then. */
function effectOf(action: EffectAction, steps: Step[], overrides: Partial<ReturnType<typeof sampleOrder>> = {}) {
  const { found } = play(steps, overrides, action);
  if (!found) throw new Error(`no ${action} after ${steps.map((s) => s.type).join(', ')}`);
  return found;
}

function play(steps: Step[], overrides: Partial<ReturnType<typeof sampleOrder>>, action?: EffectAction) {
  const machine = createOrderMachine();
  let [snapshot]: [AnyMachineSnapshot, unknown] = initialTransition(machine, { ...sampleOrder({ id: 'E-1', ...overrides }), createdAt });
  let found: { params: Record<string, unknown>; context: OrderContext; at: number } | undefined;
  steps.forEach((step, i) => {
    const receivedAt = typeof step.dueAt === 'number' ? step.dueAt : at(i + 1);
    const [next, actions] = transition(machine, snapshot as never, { ...step, receivedAt } as unknown as OrderEvent);
    expect(next, `step ${i}: ${step.type}`).not.toBe(snapshot);
    snapshot = next;
    const effect = actions.find((a) => a.type === action);
    if (effect) found = { params: effect.params as Record<string, unknown>, context: next.context as OrderContext, at: receivedAt };
  });
  return { snapshot, found };
}

function render(action: EffectAction, input: { params: Record<string, unknown>; context: OrderContext | undefined; at: number }) {
  const email = effects[action].email;
  if (!email) throw new Error(`${action} is not e-mailed`);
  return email.render({ orderId: 'E-1', ...input });
}

const shipped: Step[] = [{ type: 'SHIPPED', carrier: 'Cainiao', trackingNumber: 'LP1' }];
const evidence: Step = { type: 'EVIDENCE_SUBMITTED', media: [{ kind: 'photo', url: 'https://img.example/1.jpg' }] };
const plate = { sku: 'plate', quantity: 1 };

describe('version 2: the notification of each effect', () => {
  it('has a kind per effect; the seller is e-mailed the reminders, escalations and closures, not the requests to other systems', () => {
    expect(Object.fromEntries(effectActions.map((a) => [a, [effects[a].kind, effects[a].email !== undefined]]))).toEqual({
      requestExpedite: ['expedite.requested', true],
      alertStockProblem: ['stock.problem', true],
      sendCustomsReminder: ['customs.reminder', true],
      requestInterception: ['interception.requested', false],
      requestVerification: ['verification.requested', false],
      requestRefund: ['refund.requested', false],
      escalateResolution: ['resolution.escalated', true],
      escalateCustomsHold: ['customs.escalated', true],
      remindSupplierRefund: ['supplier_refund.reminder', true],
      notifyClaimClosed: ['claim.closed', true],
    });
  });

  it('goes to the address the effect names, else to the seller of the order, else nowhere', () => {
    const email = effects.requestExpedite.email!;
    const { context } = effectOf('requestExpedite', [{ type: 'TIMER.EXPEDITE', dueAt: Date.parse('2026-03-06T00:00:00Z') }], { sellerEmail: 'ops@seller.example' });
    expect(email.to({ to: 'someone@else.example' }, context)).toBe('someone@else.example');
    expect(email.to({ supplierId: 'tmall-store-1' }, context)).toBe('ops@seller.example');
    expect(email.to({}, undefined)).toBeNull();
  });
});

describe('version 2: the e-mails', () => {
  it('customs reminder: the parcel, its carrier, the reminder number and how often it comes', () => {
    const effect = effectOf('sendCustomsReminder', [...shipped, { type: 'CUSTOMS_HELD' }, { type: 'TIMER.CUSTOMS_REMINDER', dueAt: at(2) + 3 * DAY }], { scope: 'international' });
    expect(effect.params).toEqual({ to: 'seller@shop.example', trackingNumber: 'LP1', reminder: 2 });
    expect(render('sendCustomsReminder', effect)).toEqual({
      subject: 'Order E-1: parcel LP1 is held in customs (reminder 2)',
      intro: 'The parcel of order E-1 is held in customs clearance in the destination country. Please let your buyer know.',
      facts: [['Order', 'E-1'], ['Tracking number', 'LP1 (Cainiao)'], ['Reminder', '2']],
      sections: [
        {
          title: 'What to tell the buyer',
          text:
            'Your parcel has arrived at customs in your country and is waiting for clearance. This is a routine check that neither we nor the carrier ' +
            'can speed up. The parcel continues as soon as customs releases it, and you can follow it with tracking number LP1. We will keep you informed.',
        },
        { title: 'What happens next', text: 'You get this reminder every 3 days while the parcel is held. When customs releases it, send CUSTOMS_CLEARED for the order.' },
      ],
    });
  });

  it('customs reminder without the order or a tracking number says what it does not know', () => {
    const body = render('sendCustomsReminder', { params: { trackingNumber: null }, context: undefined, at: at(1) });
    expect(body.subject).toBe('Order E-1: parcel not known is held in customs (reminder 1)');
    expect(body.facts).toEqual([['Order', 'E-1'], ['Tracking number', 'not known'], ['Reminder', '1']]);
    expect(body.sections[1]!.text).toBe('You keep getting reminders while the parcel is held. When customs releases it, send CUSTOMS_CLEARED for the order.');
    // The order is known but not the parcel: no carrier is guessed.
    const { context } = effectOf('sendCustomsReminder', [...shipped, { type: 'CUSTOMS_HELD' }], { scope: 'international' });
    expect(render('sendCustomsReminder', { params: { trackingNumber: null, reminder: 1 }, context, at: at(3) }).facts[1]).toEqual(['Tracking number', 'not known']);
    expect(render('sendCustomsReminder', { params: { trackingNumber: 'LP7', reminder: 1 }, context, at: at(3) }).facts[1]).toEqual(['Tracking number', 'LP7']);
  });

  it('expedite: the overdue shipment, the supplier by name, and when it becomes a stock problem', () => {
    const effect = effectOf('requestExpedite', [{ type: 'TIMER.EXPEDITE', dueAt: Date.parse('2026-03-06T00:00:00Z') }]);
    expect(effect.params).toEqual({ supplierId: 'tmall-store-1' });
    expect(render('requestExpedite', effect)).toEqual({
      subject: 'Order E-1: shipment is overdue, contact your supplier to expedite',
      intro: 'Order E-1 was due to ship by 2026-03-04 00:00 UTC and has not shipped. Contact the supplier now and ask them to ship at once.',
      facts: [['Order', 'E-1'], ['Supplier', 'Tmall Store 1 (tmall-store-1)'], ['Ship by', '2026-03-04 00:00 UTC'], ['Noticed', '2026-03-06 00:00 UTC']],
      sections: [
        { title: 'What to do', text: 'Ask the supplier to expedite the shipment, then send SUPPLIER_CONTACTED for the order. When it ships, send SHIPPED with the tracking number.' },
        { title: 'If it still does not ship', text: 'By 2026-03-08 00:00 UTC the order counts as a stock problem: switch to another supplier or refund (rule R4).' },
      ],
    });
  });

  it('expedite of a supplier without a name, or without the order, names what it can', () => {
    const effect = effectOf('requestExpedite', [{ type: 'TIMER.EXPEDITE', dueAt: Date.parse('2026-03-06T00:00:00Z') }], { supplier: { id: 'shop-9' } });
    expect(render('requestExpedite', effect).facts[1]).toEqual(['Supplier', 'shop-9']);
    const bare = render('requestExpedite', { params: { supplierId: 'shop-9' }, context: undefined, at: at(1) });
    expect(bare.intro).toBe('Order E-1 was due to ship by unknown and has not shipped. Contact the supplier now and ask them to ship at once.');
    expect(bare.facts).toEqual([['Order', 'E-1'], ['Supplier', 'shop-9'], ['Ship by', 'unknown'], ['Noticed', '2026-03-02 01:00 UTC']]);
    expect(bare.sections[1]!.text).toBe('A few days later the order counts as a stock problem: switch to another supplier or refund (rule R4).');
    expect(render('requestExpedite', { params: {}, context: undefined, at: at(1) }).facts[1]).toEqual(['Supplier', 'your supplier']);
  });

  it('expedite names the supplier it was sent for, not another one of the order', () => {
    const effect = effectOf('requestExpedite', [
      { type: 'SWITCH_SUPPLIER', supplier: { id: 'alt-1', name: 'Alt One' }, shipBy: '2026-03-05T00:00:00Z' },
      { type: 'TIMER.EXPEDITE', dueAt: Date.parse('2026-03-07T00:00:00Z') },
    ]);
    expect(effect.params).toEqual({ supplierId: 'alt-1' });
    expect(render('requestExpedite', effect).facts[1]).toEqual(['Supplier', 'Alt One (alt-1)']);
    expect(render('requestExpedite', { ...effect, params: { supplierId: 'tmall-store-1' } }).facts[1]).toEqual(['Supplier', 'Tmall Store 1 (tmall-store-1)']);
    // An id the order does not know: the active supplier.
    expect(render('requestExpedite', { ...effect, params: { supplierId: 'gone' } }).facts[1]).toEqual(['Supplier', 'Alt One (alt-1)']);
  });

  it('stock problem: four days overdue, switch or refund', () => {
    const effect = effectOf('alertStockProblem', [{ type: 'TIMER.SWITCH_SUPPLIER', dueAt: Date.parse('2026-03-08T00:00:00Z') }]);
    expect(effect.params).toEqual({ to: 'seller@shop.example' });
    expect(render('alertStockProblem', effect)).toEqual({
      subject: 'Order E-1: shipment is 4 days overdue, switch supplier or refund',
      intro: 'Order E-1 has still not shipped (ship by 2026-03-04 00:00 UTC). This points to a deeper stock problem with the supplier.',
      facts: [['Order', 'E-1'], ['Supplier', 'Tmall Store 1 (tmall-store-1)'], ['Ship by', '2026-03-04 00:00 UTC']],
      sections: [{ title: 'What to do', text: 'Switch to an alternative supplier (send SWITCH_SUPPLIER), or refund the buyer (send REQUEST_REFUND).' }],
    });
    const bare = render('alertStockProblem', { params: {}, context: undefined, at: at(1) });
    expect(bare.intro).toBe('Order E-1 has still not shipped (ship by unknown). This points to a deeper stock problem with the supplier.');
    expect(bare.facts).toEqual([['Order', 'E-1'], ['Supplier', 'your supplier'], ['Ship by', 'unknown']]);
  });

  const approved = (items?: { sku: string; quantity: number }[], kind = 'damaged'): Step[] => [
    ...shipped,
    { type: 'DELIVERED' },
    { type: 'ISSUE_REPORTED', kind, ...(items ? { items } : {}) },
    evidence,
    { type: 'VERIFICATION_APPROVED' },
  ];

  it('resolution escalated: the claim, its items and the deadline that passed', () => {
    const steps = approved([plate, { sku: 'mug-blue', quantity: 2 }], 'wrong_item');
    const due = orderAfter(steps);
    expect(due.deadlines.resolutionDueAt).toBeDefined();
    const effect = effectOf('escalateResolution', [...steps, { type: 'TIMER.RESOLUTION_DUE', dueAt: due.deadlines.resolutionDueAt }]);
    expect(effect.params).toEqual({ to: 'seller@shop.example', resolutionDueAt: Date.parse('2026-03-24T00:00:00Z') });
    expect(render('escalateResolution', effect)).toEqual({
      subject: 'Order E-1: resolution deadline missed, reship or refund now',
      intro: "The buyer's claim on order E-1 was verified, and the reship or refund was due within 15 working days, by 2026-03-24 00:00 UTC. The deadline has passed.",
      facts: [['Order', 'E-1'], ['Claim', 'wrong item: 1 x plate, 2 x mug-blue'], ['Was due', '2026-03-24 00:00 UTC']],
      sections: [{ title: 'What to do', text: 'Execute the resolution now: a reship (REQUEST_RESHIP, then RESHIPPED) or a refund (REQUEST_REFUND, then REFUND_ISSUED).' }],
    });
  });

  it('resolution escalated without a due time in the effect takes the order\'s; a claim without items is its kind', () => {
    const body = render('escalateResolution', { params: {}, context: orderAfter(approved(undefined, 'missing_item')), at: at(6) });
    expect(body.facts).toEqual([['Order', 'E-1'], ['Claim', 'missing item'], ['Was due', '2026-03-24 00:00 UTC']]);
    const bare = render('escalateResolution', { params: {}, context: undefined, at: at(1) });
    expect(bare.facts).toEqual([['Order', 'E-1'], ['Claim', 'verified claim'], ['Was due', 'unknown']]);
    const fromEffect = render('escalateResolution', { params: { resolutionDueAt: Date.parse('2026-03-24T00:00:00Z') }, context: undefined, at: at(1) });
    expect(fromEffect.facts[2]).toEqual(['Was due', '2026-03-24 00:00 UTC']);
  });

  it('customs escalated: the parcel, since when it is held, and for how long', () => {
    const steps: Step[] = [...shipped, { type: 'CUSTOMS_HELD' }, { type: 'TIMER.CUSTOMS_ESCALATE', dueAt: at(2) + 15 * DAY }];
    const effect = effectOf('escalateCustomsHold', steps, { scope: 'international' });
    expect(effect.params).toEqual({ to: 'seller@shop.example', trackingNumber: 'LP1', heldSince: at(2) });
    expect(render('escalateCustomsHold', effect)).toEqual({
      subject: 'Order E-1: parcel LP1 has been held in customs for 15 days',
      intro: 'The parcel of order E-1 has been held in customs since 2026-03-02 02:00 UTC and has not cleared. The reminders stop here: this needs you.',
      facts: [['Order', 'E-1'], ['Tracking number', 'LP1'], ['Held since', '2026-03-02 02:00 UTC']],
      sections: [
        {
          title: 'What to do',
          text: 'Contact the carrier about the hold. If the parcel is lost or will not clear, reship the same items (REQUEST_RESHIP) or refund them (REQUEST_REFUND). If it clears, send CUSTOMS_CLEARED.',
        },
      ],
    });
    const bare = render('escalateCustomsHold', { params: { trackingNumber: null, heldSince: null }, context: undefined, at: at(1) });
    expect(bare.subject).toBe('Order E-1: parcel not known has been held in customs too long');
    expect(bare.facts).toEqual([['Order', 'E-1'], ['Tracking number', 'not known'], ['Held since', 'unknown']]);
  });

  it('owed supplier refund: who owes it, since when, and what to send when it arrives', () => {
    const steps: Step[] = [{ type: 'SWITCH_SUPPLIER', supplier: { id: 'alt-1' } }, { type: 'TIMER.SUPPLIER_REFUND_REMINDER', dueAt: at(1) + 7 * DAY }];
    const effect = effectOf('remindSupplierRefund', steps);
    expect(effect.params).toEqual({ to: 'seller@shop.example', supplierIds: ['tmall-store-1'] });
    expect(render('remindSupplierRefund', effect)).toEqual({
      subject: 'Order E-1: Tmall Store 1 (tmall-store-1) still owes you the refund of the original order',
      intro:
        'You switched order E-1 away from Tmall Store 1 (tmall-store-1) on 2026-03-02 01:00 UTC, 7 days ago. ' +
        'That supplier owes you the refund of the original order, and it has not been recorded yet.',
      facts: [['Order', 'E-1'], ['Owed by', 'Tmall Store 1 (tmall-store-1)'], ['Switched on', '2026-03-02 01:00 UTC']],
      sections: [{ title: 'What to do', text: 'Ask the supplier for the refund (through the marketplace if needed). When it arrives, send SUPPLIER_REFUNDED with the supplier id and the amount.' }],
    });
    const two = effectOf('remindSupplierRefund', [
      { type: 'SWITCH_SUPPLIER', supplier: { id: 'alt-1' } },
      { type: 'SWITCH_SUPPLIER', supplier: { id: 'alt-2', name: 'Alt Two' } },
      { type: 'TIMER.SUPPLIER_REFUND_REMINDER', dueAt: at(2) + 7 * DAY },
    ]);
    expect(two.params).toEqual({ to: 'seller@shop.example', supplierIds: ['tmall-store-1', 'alt-1'] });
    expect(render('remindSupplierRefund', two).facts[1]).toEqual(['Owed by', 'Tmall Store 1 (tmall-store-1), alt-1']);
    // A supplier the order does not know: named by its id, the switch date unknown.
    expect(render('remindSupplierRefund', { ...two, params: { supplierIds: ['gone'] } }).facts.slice(1)).toEqual([['Owed by', 'Alt Two (alt-2)'], ['Switched on', 'unknown']]);
    const bare = render('remindSupplierRefund', { params: { supplierIds: 'tmall-store-1' }, context: undefined, at: at(1) });
    expect(bare.subject).toBe('Order E-1: your replaced supplier still owes you the refund of the original order');
    expect(bare.intro).toBe(
      'You switched order E-1 away from your replaced supplier on unknown. That supplier owes you the refund of the original order, and it has not been recorded yet.',
    );
  });

  it('claim closed: the claim, when it was reported, why it closed and until when another can be reported', () => {
    const steps: Step[] = [...shipped, { type: 'DELIVERED' }, { type: 'ISSUE_REPORTED', kind: 'damaged', items: [plate] }, { type: 'TIMER.EVIDENCE_DUE', dueAt: at(3) + 7 * DAY }];
    const effect = effectOf('notifyClaimClosed', steps);
    expect(effect.params).toEqual({ to: 'seller@shop.example', kind: 'damaged', outcome: 'evidence_missing' });
    expect(render('notifyClaimClosed', effect)).toEqual({
      subject: "Order E-1: the buyer's claim was closed, no evidence arrived in time",
      intro: 'The buyer reported a problem with order E-1 (damaged: 1 x plate), but no photo or video evidence arrived before the evidence deadline, so the claim was closed.',
      facts: [['Order', 'E-1'], ['Claim', 'damaged: 1 x plate'], ['Reported', '2026-03-02 03:00 UTC'], ['Closed because', 'evidence missing']],
      sections: [
        {
          title: 'What to do',
          text: 'Until 2026-03-17 02:00 UTC the buyer-protection window is open: if the buyer still has the problem, report it again (ISSUE_REPORTED) and submit the evidence (EVIDENCE_SUBMITTED).',
        },
      ],
    });
    const bare = render('notifyClaimClosed', { params: {}, context: undefined, at: at(1) });
    expect(bare.facts).toEqual([['Order', 'E-1'], ['Claim', 'verified claim'], ['Reported', 'unknown'], ['Closed because', 'evidence missing']]);
    expect(bare.sections[0]!.text).toBe('if the buyer still has the problem, report it again (ISSUE_REPORTED) and submit the evidence (EVIDENCE_SUBMITTED).');
  });
});
