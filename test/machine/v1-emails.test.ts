import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import { createOrderMachine, effectKinds, effects, type OrderContext, type OrderEvent, type OrderInput } from '../../machines/order/v1/index.ts';

// Version 1's notifications, word for word: the kind of each effect (what webhook subscribers
// choose), which ones are e-mailed, to whom, and what each e-mail says, rendered from an order as
// version 1 keeps it. Orders pinned to version 1 still send these.
const createdAt = Date.parse('2026-03-02T00:00:00Z');
const HOUR = 3_600_000;
const input: OrderInput = {
  id: 'E-1',
  scope: 'international',
  sellerEmail: 'seller@shop.example',
  supplier: { id: 'sup-1', name: 'Mugs Ltd' },
  items: [
    { sku: 'mug', quantity: 2, unitPrice: 1250 },
    { sku: 'plate', quantity: 1, unitPrice: 3000 },
  ],
  currency: 'CNY',
  shipBy: '2026-03-04T00:00:00Z',
  createdAt,
};

/** The context after the events, each received an hour after the last. */
function contextAfter(steps: Record<string, unknown>[], orderInput: OrderInput = input): OrderContext {
  const machine = createOrderMachine();
  let [snapshot]: [AnyMachineSnapshot, unknown] = initialTransition(machine, orderInput);
  steps.forEach((step, i) => {
    [snapshot] = transition(machine, snapshot as never, { receivedAt: createdAt + (i + 1) * HOUR, ...step } as unknown as OrderEvent);
  });
  return snapshot.context as OrderContext;
}

const render = (action: keyof typeof effects, params: Record<string, unknown>, context: OrderContext | undefined, at = createdAt) =>
  effects[action].email!.render({ orderId: 'E-1', params, context, at });

describe("version 1's effects", () => {
  it('each has its notification kind; the customs reminder, expedite request, stock problem and escalation are e-mailed', () => {
    expect(effectKinds).toEqual({
      requestExpedite: 'expedite.requested',
      alertStockProblem: 'stock.problem',
      sendCustomsReminder: 'customs.reminder',
      requestInterception: 'interception.requested',
      requestVerification: 'verification.requested',
      requestRefund: 'refund.requested',
      escalateResolution: 'resolution.escalated',
    });
    const kinds = Object.fromEntries(Object.entries(effects).map(([action, e]) => [action, e.kind]));
    expect(kinds).toEqual(effectKinds);
    const emailed = Object.entries(effects).filter(([, e]) => e.email).map(([action]) => action);
    expect(emailed).toEqual(['requestExpedite', 'alertStockProblem', 'sendCustomsReminder', 'escalateResolution']);
    expect(Object.values(effects).filter((e) => !e.email).map((e) => Object.keys(e))).toEqual([['kind'], ['kind'], ['kind']]);
  });

  it('e-mails go to the address the effect names, else to the seller, else nowhere', () => {
    const to = effects.sendCustomsReminder.email!.to;
    const context = contextAfter([]);
    expect(to({ to: 'ops@shop.example' }, context)).toBe('ops@shop.example');
    expect(to({}, context)).toBe('seller@shop.example');
    expect(to({ to: 42 }, context)).toBe('seller@shop.example');
    expect(to({}, undefined)).toBeNull();
  });
});

describe("version 1's e-mails", () => {
  it('the customs reminder names the tracking number with its carrier, the reminder, and how often it comes', () => {
    const held = contextAfter([{ type: 'SHIPPED', carrier: 'Cainiao', trackingNumber: 'LP1' }, { type: 'CUSTOMS_HELD' }]);
    expect(render('sendCustomsReminder', { to: 'seller@shop.example', trackingNumber: 'LP1', reminder: 2 }, held)).toEqual({
      subject: 'Order E-1: parcel LP1 is held in customs (reminder 2)',
      intro: 'The parcel of order E-1 is held in customs clearance in the destination country. Please let your buyer know.',
      facts: [
        ['Order', 'E-1'],
        ['Tracking number', 'LP1 (Cainiao)'],
        ['Reminder', '2'],
      ],
      sections: [
        {
          title: 'What to tell the buyer',
          text:
            'Your parcel has arrived at customs in your country and is waiting for clearance. This is a routine check that ' +
            'neither we nor the carrier can speed up. The parcel continues as soon as customs releases it, and you can follow it ' +
            'with tracking number LP1. We will keep you informed.',
        },
        { title: 'What happens next', text: 'You get this reminder every 3 days while the parcel is held. When customs releases it, send CUSTOMS_CLEARED for the order.' },
      ],
    });
  });

  it('the customs reminder without a known tracking number, carrier or order', () => {
    const held = contextAfter([{ type: 'SHIPPED', carrier: 'Cainiao', trackingNumber: 'LP1' }, { type: 'CUSTOMS_HELD' }]);
    const other = render('sendCustomsReminder', { trackingNumber: 'LP9', reminder: 1 }, held);
    expect(other.facts[1]).toEqual(['Tracking number', 'LP9']);
    const bare = render('sendCustomsReminder', { trackingNumber: 7 }, undefined);
    expect(bare.subject).toBe('Order E-1: parcel not known is held in customs (reminder 1)');
    expect(bare.facts).toEqual([
      ['Order', 'E-1'],
      ['Tracking number', 'not known'],
      ['Reminder', '1'],
    ]);
    expect(bare.sections[0]!.text).toContain('with tracking number not known.');
    expect(bare.sections[1]!.text).toBe('You keep getting reminders while the parcel is held. When customs releases it, send CUSTOMS_CLEARED for the order.');
  });

  it('the expedite request names the supplier, the ship-by date, when it was noticed and when the stock problem follows (R3, R4)', () => {
    const order = contextAfter([]);
    expect(render('requestExpedite', { supplierId: 'sup-1' }, order, Date.parse('2026-03-06T00:05:30Z'))).toEqual({
      subject: 'Order E-1: shipment is overdue, contact your supplier to expedite',
      intro: 'Order E-1 was due to ship by 2026-03-04 00:00 UTC and has not shipped. Contact the supplier now and ask them to ship at once.',
      facts: [
        ['Order', 'E-1'],
        ['Supplier', 'Mugs Ltd (sup-1)'],
        ['Ship by', '2026-03-04 00:00 UTC'],
        ['Noticed', '2026-03-06 00:05 UTC'],
      ],
      sections: [
        { title: 'What to do', text: 'Ask the supplier to expedite the shipment, then send SUPPLIER_CONTACTED for the order. When it ships, send SHIPPED with the tracking number.' },
        { title: 'If it still does not ship', text: 'By 2026-03-08 00:00 UTC the order counts as a stock problem: switch to another supplier or refund (rule R4).' },
      ],
    });
  });

  it('the expedite request without the order: the supplier as named, dates unknown', () => {
    const bare = render('requestExpedite', { supplierId: 'sup-7' }, undefined);
    expect(bare.intro).toBe('Order E-1 was due to ship by unknown and has not shipped. Contact the supplier now and ask them to ship at once.');
    expect(bare.facts).toEqual([
      ['Order', 'E-1'],
      ['Supplier', 'sup-7'],
      ['Ship by', 'unknown'],
      ['Noticed', '2026-03-02 00:00 UTC'],
    ]);
    expect(bare.sections[1]!.text).toBe('A few days later the order counts as a stock problem: switch to another supplier or refund (rule R4).');
    expect(render('requestExpedite', {}, undefined).facts[1]).toEqual(['Supplier', 'your supplier']);
  });

  it('the expedite request of a supplier the order does not know names the active one, by id when it has no name', () => {
    const switched = contextAfter([{ type: 'SWITCH_SUPPLIER', supplier: { id: 'alt-2' } }]);
    expect(render('requestExpedite', { supplierId: 'gone' }, switched).facts[1]).toEqual(['Supplier', 'alt-2']);
    expect(render('requestExpedite', { supplierId: 'sup-1' }, switched).facts[1]).toEqual(['Supplier', 'Mugs Ltd (sup-1)']);
  });

  it('the stock problem names the active supplier and the ship-by date (R4)', () => {
    const order = contextAfter([]);
    expect(render('alertStockProblem', { to: 'seller@shop.example' }, order)).toEqual({
      subject: 'Order E-1: shipment is 4 days overdue, switch supplier or refund',
      intro: 'Order E-1 has still not shipped (ship by 2026-03-04 00:00 UTC). This points to a deeper stock problem with the supplier.',
      facts: [
        ['Order', 'E-1'],
        ['Supplier', 'Mugs Ltd (sup-1)'],
        ['Ship by', '2026-03-04 00:00 UTC'],
      ],
      sections: [{ title: 'What to do', text: 'Switch to an alternative supplier (send SWITCH_SUPPLIER), or refund the buyer (send REQUEST_REFUND).' }],
    });
    expect(render('alertStockProblem', {}, undefined).facts).toEqual([
      ['Order', 'E-1'],
      ['Supplier', 'your supplier'],
      ['Ship by', 'unknown'],
    ]);
  });

  it('the escalation names the claim with its items and when the resolution was due (R7)', () => {
    const approved = contextAfter([
      { type: 'SHIPPED', carrier: 'SF', trackingNumber: 'SF1' },
      { type: 'DELIVERED' },
      { type: 'ISSUE_REPORTED', kind: 'wrong_item', items: [{ sku: 'mug', quantity: 2 }, { sku: 'plate', quantity: 1 }] },
      { type: 'EVIDENCE_SUBMITTED', media: [{ kind: 'photo', url: 'https://img.example/1.jpg' }] },
      { type: 'VERIFICATION_APPROVED' },
    ]);
    // A due time other than the order's own (2026-03-24), so that the e-mail shows the effect's.
    const due = Date.parse('2026-03-25T00:00:00Z');
    expect(approved.deadlines.resolutionDueAt).toBe(Date.parse('2026-03-24T00:00:00Z'));
    expect(render('escalateResolution', { to: 'seller@shop.example', resolutionDueAt: due }, approved)).toEqual({
      subject: 'Order E-1: resolution deadline missed, reship or refund now',
      intro: "The buyer's claim on order E-1 was verified, and the reship or refund was due within 15 working days, by 2026-03-25 00:00 UTC. The deadline has passed.",
      facts: [
        ['Order', 'E-1'],
        ['Claim', 'wrong item: 2 x mug, 1 x plate'],
        ['Was due', '2026-03-25 00:00 UTC'],
      ],
      sections: [{ title: 'What to do', text: 'Execute the resolution now: a reship (REQUEST_RESHIP, then RESHIPPED) or a refund (REQUEST_REFUND, then REFUND_ISSUED).' }],
    });
    // Without a due time in the effect: the order's own deadline.
    const own = render('escalateResolution', { resolutionDueAt: null }, approved);
    expect(own.facts[2]).toEqual(['Was due', new Date(approved.deadlines.resolutionDueAt!).toISOString().slice(0, 16).replace('T', ' ') + ' UTC']);
  });

  it('the escalation of a claim without items, and without the order', () => {
    const approved = contextAfter([
      { type: 'SHIPPED', carrier: 'SF', trackingNumber: 'SF1' },
      { type: 'DELIVERED' },
      { type: 'ISSUE_REPORTED', kind: 'missing_item' },
      { type: 'EVIDENCE_SUBMITTED', media: [{ kind: 'photo', url: 'https://img.example/1.jpg' }] },
      { type: 'VERIFICATION_APPROVED' },
    ]);
    expect(render('escalateResolution', {}, approved).facts[1]).toEqual(['Claim', 'missing item']);
    const bare = render('escalateResolution', {}, undefined);
    expect(bare.intro).toBe("The buyer's claim on order E-1 was verified, and the reship or refund was due within 15 working days, by unknown. The deadline has passed.");
    expect(bare.facts).toEqual([
      ['Order', 'E-1'],
      ['Claim', 'verified claim'],
      ['Was due', 'unknown'],
    ]);
  });
});
