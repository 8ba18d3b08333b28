import { initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { armedDeadlines, createOrderMachine, valueOf, type OrderEvent, type OrderInput } from '../../machines/order/v1/index.ts';
import type { AnyMachineSnapshot } from 'xstate';

// The pure machine, event by event: what it keeps in context and which effects it asks for,
// where the order view shows only part of it. Times are hours after creation.
const DAY = 86_400_000;
const createdAt = Date.parse('2026-03-02T00:00:00Z');
const at = (hours: number) => createdAt + hours * 3_600_000;
const input: OrderInput = {
  id: 'M-1',
  scope: 'domestic',
  sellerEmail: 'seller@shop.example',
  supplier: { id: 'sup-1' },
  items: [
    { sku: 'mug', quantity: 2, unitPrice: 1250 },
    { sku: 'plate', quantity: 1, unitPrice: 3000 },
  ],
  currency: 'CNY',
  shipBy: '2026-03-04T00:00:00Z',
  createdAt,
};

type Step = { type: string; [key: string]: unknown };

/** Runs the events from a new order; answers the last snapshot and the effects of each step. */
function run(steps: Step[], orderInput: OrderInput = input) {
  const machine = createOrderMachine();
  let [snapshot]: [AnyMachineSnapshot, unknown] = initialTransition(machine, orderInput);
  const effects: { type: string; params?: unknown }[][] = [];
  steps.forEach((step, i) => {
    const event = { receivedAt: at(i + 1), ...step } as unknown as OrderEvent;
    expect(snapshot.can(event), `step ${i}: ${step.type} in ${JSON.stringify(snapshot.value)}`).toBe(true);
    const [next, actions] = transition(machine, snapshot as never, event);
    snapshot = next;
    effects.push(actions.filter((a) => !a.type.startsWith('xstate.')).map((a) => ({ type: a.type, params: a.params })));
  });
  return { snapshot, context: snapshot.context, effects, machine };
}

const shipped = [{ type: 'SHIPPED', carrier: 'SF', trackingNumber: 'SF1' }];
const delivered = [...shipped, { type: 'DELIVERED' }];
const verified = (items?: { sku: string; quantity: number }[]) => [
  ...delivered,
  { type: 'ISSUE_REPORTED', kind: 'damaged', ...(items ? { items } : {}), description: 'cracked' },
  { type: 'EVIDENCE_SUBMITTED', media: [{ kind: 'photo', url: 'https://img.example/1.jpg' }] },
  { type: 'VERIFICATION_APPROVED', reason: 'photo is clear' },
];

describe('the order machine, purely', () => {
  it('starts with what was paid and the overdue deadlines of the default policy', () => {
    const { context } = run([]);
    expect(context).toMatchObject({
      paid: 5500,
      refunds: [],
      refundRequest: null,
      suppliers: [{ id: 'sup-1', status: 'active', since: createdAt }],
      shipBy: Date.parse('2026-03-04T00:00:00Z'),
      customsHolds: 0,
      remindersSent: 0,
      deliveredAt: null,
      claim: null,
      cancellation: null,
      escalatedAt: null,
      calendarGaps: [],
      outcome: null,
      lastNote: null,
      policy: { expediteAfterDays: 2, switchSupplierAfterDays: 4, evidenceDays: 7, protectionWindowDays: 15, customsReminderDays: 3, resolutionWorkingDays: 15 },
    });
    expect(context.deadlines).toEqual({ expediteAt: Date.parse('2026-03-06T00:00:00Z'), switchSupplierAt: Date.parse('2026-03-08T00:00:00Z') });
  });

  it('an order policy overrides the protection window and evidence days, and deployment defaults the rest', () => {
    const { context } = run([], { ...input, policy: { protectionWindowDays: 30, evidenceDays: 3 }, policyDefaults: { customsReminderDays: 5, evidenceDays: 9 } });
    expect(context.policy).toEqual({ expediteAfterDays: 2, switchSupplierAfterDays: 4, evidenceDays: 3, protectionWindowDays: 30, customsReminderDays: 5, resolutionWorkingDays: 15 });
  });

  it('a supplier switch with a shipBy uses it; without one, it keeps at least a day of lead time', () => {
    const given = run([{ type: 'SWITCH_SUPPLIER', supplier: { id: 'alt' }, shipBy: '2026-03-10T00:00:00Z' }]);
    expect(given.context.shipBy).toBe(Date.parse('2026-03-10T00:00:00Z'));
    expect(given.context.deadlines).toEqual({ expediteAt: Date.parse('2026-03-12T00:00:00Z'), switchSupplierAt: Date.parse('2026-03-14T00:00:00Z') });
    expect(given.context.suppliers).toEqual([
      { id: 'sup-1', status: 'replaced', since: createdAt, replacedAt: at(1), originalOrderRefund: 'owed' },
      { id: 'alt', status: 'active', since: at(1) },
    ]);
    // Ordered with shipBy an hour after creation: the new supplier still gets a day.
    const rushed = run([{ type: 'SWITCH_SUPPLIER', supplier: { id: 'alt' } }], { ...input, shipBy: '2026-03-02T01:00:00Z' });
    expect(rushed.context.shipBy).toBe(at(1) + DAY);
  });

  it('notes come from `note`, else from a text `reason`; a step without one keeps the last note', () => {
    const { context } = run([{ type: 'SUPPLIER_CONTACTED', note: 'called' }, { type: 'SUPPLIER_CONTACTED' }]);
    expect(context.lastNote).toEqual({ text: 'called', at: at(1), event: 'SUPPLIER_CONTACTED' });
    const failed = run([{ type: 'CANCEL_REQUESTED', reason: 'wrong_address' }, { type: 'INTERCEPT_FAILED' }]);
    expect(failed.context.lastNote).toBeNull();
    const noted = run([{ type: 'CANCEL_REQUESTED', reason: 'wrong_address' }, { type: 'INTERCEPT_FAILED', note: 'too late' }]);
    expect(noted.context.lastNote).toEqual({ text: 'too late', at: at(2), event: 'INTERCEPT_FAILED' });
    const rejected = run([...verified().slice(0, 4), { type: 'VERIFICATION_REJECTED', reason: 'blurry' }]);
    expect(rejected.context.claim).toMatchObject({ verification: 'rejected', verificationReason: 'blurry' });
    expect(rejected.context.outcome).toBe('dispute_rejected');
  });

  it('an interception records when it was asked for and how it ended; success requests the full refund', () => {
    const { context, effects, snapshot } = run([{ type: 'CANCEL_REQUESTED', reason: 'customer_cancelled' }, { type: 'INTERCEPT_SUCCEEDED' }]);
    expect(effects[0]).toEqual([{ type: 'requestInterception', params: { reason: 'customer_cancelled' } }]);
    expect(effects[1]).toEqual([{ type: 'requestRefund', params: { amount: 5500 } }]);
    expect(context.cancellation).toEqual({ reason: 'customer_cancelled', requestedAt: at(1), outcome: 'intercepted' });
    expect(context.refundRequest).toEqual({ amount: 5500, requestedAt: at(2) });
    expect(snapshot.value).toBe('refund');
  });

  it('customs holds count, each hold and reminder e-mails the seller with the reminder number, due from the firing time', () => {
    const { context, effects } = run([
      ...shipped,
      { type: 'CUSTOMS_HELD' },
      { type: 'TIMER.CUSTOMS_REMINDER', dueAt: at(2) + 3 * DAY, receivedAt: at(2) + 3 * DAY + 5 },
      { type: 'CUSTOMS_CLEARED' },
      { type: 'CUSTOMS_HELD' },
    ]);
    expect(effects.flat()).toEqual([
      { type: 'sendCustomsReminder', params: { to: 'seller@shop.example', trackingNumber: 'SF1', reminder: 1 } },
      { type: 'sendCustomsReminder', params: { to: 'seller@shop.example', trackingNumber: 'SF1', reminder: 2 } },
      { type: 'sendCustomsReminder', params: { to: 'seller@shop.example', trackingNumber: 'SF1', reminder: 3 } },
    ]);
    expect(context.customsHolds).toBe(2);
    expect(context.remindersSent).toBe(3);
    expect(context.deadlines.customsReminderAt).toBe(at(5) + 3 * DAY);
  });

  it('the overdue timers ask the active supplier to expedite, then alert the seller', () => {
    const { effects, snapshot } = run([
      { type: 'SWITCH_SUPPLIER', supplier: { id: 'alt' }, shipBy: '2026-03-03T00:00:00Z' },
      { type: 'TIMER.EXPEDITE', dueAt: Date.parse('2026-03-05T00:00:00Z') },
      { type: 'TIMER.SWITCH_SUPPLIER', dueAt: Date.parse('2026-03-07T00:00:00Z') },
    ]);
    expect(effects.slice(1)).toEqual([[{ type: 'requestExpedite', params: { supplierId: 'alt' } }], [{ type: 'alertStockProblem', params: { to: 'seller@shop.example' } }]]);
    expect(snapshot.value).toEqual({ preShipment: { processing: 'stockProblem' } });
  });

  it('a claim keeps its description, evidence and verification; a verified claim is refunded by its items', () => {
    const { context, effects } = run([...verified([{ sku: 'mug', quantity: 1 }]), { type: 'REQUEST_REFUND', reason: 'broken mug' }]);
    expect(effects[3]).toEqual([{ type: 'requestVerification', params: { kind: 'damaged', evidence: 1 } }]);
    expect(context.claim).toEqual({
      kind: 'damaged',
      items: [{ sku: 'mug', quantity: 1 }],
      description: 'cracked',
      reportedAt: at(3),
      evidence: [{ kind: 'photo', url: 'https://img.example/1.jpg', at: at(4) }],
      verification: 'approved',
      verificationReason: 'photo is clear',
      resolution: 'refund',
    });
    expect(context.refundRequest).toEqual({ amount: 1250, requestedAt: at(6), reason: 'broken mug', items: [{ sku: 'mug', quantity: 1 }] });
    expect(effects[5]).toEqual([{ type: 'requestRefund', params: { amount: 1250 } }]);
  });

  it('a claim without items, or a refund after its claim was resolved, refunds what is left', () => {
    expect(run([...verified(), { type: 'REQUEST_REFUND' }]).context.refundRequest).toEqual({ amount: 5500, requestedAt: at(6), items: [] });
    const asked = run([...verified([{ sku: 'plate', quantity: 1 }]), { type: 'REQUEST_REFUND', amount: 4000 }]);
    expect(asked.context.refundRequest?.amount).toBe(4000);
  });

  it('a partial payment keeps the resolution deadline armed; the final one clears it', () => {
    const steps = [...verified([{ sku: 'mug', quantity: 2 }]), { type: 'REQUEST_REFUND' }, { type: 'REFUND_ISSUED', amount: 1000, reference: 'P1' }];
    const part = run(steps);
    expect(part.context.refundRequest?.amount).toBe(1500);
    expect(part.context.deadlines.resolutionDueAt).toBeDefined();
    expect(part.context.refunds).toEqual([{ amount: 1000, at: at(7), reference: 'P1' }]);
    const done = run([...steps, { type: 'REFUND_ISSUED', amount: 1500 }]);
    expect(done.context.deadlines.resolutionDueAt).toBeUndefined();
    expect(done.context.refunds).toEqual([{ amount: 1000, at: at(7), reference: 'P1' }, { amount: 1500, at: at(8) }]);
    expect(done.context).toMatchObject({ refundRequest: null, outcome: 'refunded' });
    // Paying more than was asked (but no more than is left) settles the refund.
    expect(run([{ type: 'REQUEST_REFUND', amount: 100 }, { type: 'REFUND_ISSUED', amount: 200 }]).snapshot.value).toBe('refunded');
  });

  it('the resolution deadline escalates once, to the seller, with its due time; a new approval re-arms it', () => {
    const dueAt = Date.parse('2026-03-24T00:00:00Z');
    const late = run([...verified(), { type: 'TIMER.RESOLUTION_DUE', dueAt, receivedAt: dueAt }]);
    expect(late.context.deadlines.resolutionDueAt).toBe(dueAt);
    expect(late.effects.at(-1)).toEqual([{ type: 'escalateResolution', params: { to: 'seller@shop.example', resolutionDueAt: dueAt } }]);
    expect(late.context.escalatedAt).toBe(dueAt);
    // A second firing of the same deadline does nothing.
    expect(late.snapshot.can({ type: 'TIMER.RESOLUTION_DUE', dueAt, receivedAt: dueAt + 1 } as OrderEvent)).toBe(false);

    const again = run([
      ...verified(),
      { type: 'TIMER.RESOLUTION_DUE', dueAt, receivedAt: dueAt },
      { type: 'REQUEST_RESHIP' },
      { type: 'RESHIPPED', carrier: 'SF', trackingNumber: 'SF2' },
      { type: 'DELIVERED' },
      { type: 'ISSUE_REPORTED', kind: 'wrong_item' },
      { type: 'EVIDENCE_SUBMITTED', media: [{ kind: 'video', url: 'https://img.example/2.mp4' }] },
      { type: 'VERIFICATION_APPROVED' },
    ]);
    expect(again.context.escalatedAt).toBeNull();
    expect(again.context.claim?.verificationReason).toBeUndefined();
    expect(again.snapshot.can({ type: 'TIMER.RESOLUTION_DUE', dueAt: again.context.deadlines.resolutionDueAt!, receivedAt: at(99) } as OrderEvent)).toBe(true);
  });

  it('a refund outside a verified claim has no resolution deadline to miss', () => {
    const { snapshot } = run([{ type: 'REQUEST_REFUND' }]);
    expect(snapshot.can({ type: 'TIMER.RESOLUTION_DUE', dueAt: at(2), receivedAt: at(2) } as OrderEvent)).toBe(false);
  });

  it('a reship records its items and clears the resolution deadline', () => {
    const { context } = run([...verified([{ sku: 'mug', quantity: 1 }]), { type: 'REQUEST_RESHIP' }, { type: 'RESHIPPED', carrier: 'SF', trackingNumber: 'SF2' }]);
    expect(context.shipments).toEqual([
      { carrier: 'SF', trackingNumber: 'SF1', at: at(1), kind: 'original' },
      { carrier: 'SF', trackingNumber: 'SF2', at: at(7), kind: 'reship', items: [{ sku: 'mug', quantity: 1 }] },
    ]);
    expect(context.deadlines.resolutionDueAt).toBeUndefined();
    expect(context.claim?.resolution).toBe('reship');
  });

  it('a delivery at a given time starts the protection window from it', () => {
    const { context } = run([...shipped, { type: 'DELIVERED', at: '2026-03-02T00:30:00Z' }]);
    expect(context.deliveredAt).toBe(Date.parse('2026-03-02T00:30:00Z'));
    expect(context.deadlines.protectionEndsAt).toBe(Date.parse('2026-03-02T00:30:00Z') + 15 * DAY);
  });

  it('without a host calendar the resolution deadline counts weekdays in UTC and reports no gaps', () => {
    // Approved Monday 2026-03-02 05:00Z: weekdays 3-6, 9-13, 16-20 Mar and Monday 23 make 15; due at the start of the 24th.
    const { context } = run(verified());
    expect(context.deadlines.resolutionDueAt).toBe(Date.parse('2026-03-24T00:00:00Z'));
    expect(context.calendarGaps).toEqual([]);
  });

  it('a second supplier switch leaves the first replaced supplier as it was', () => {
    const { context } = run([{ type: 'SWITCH_SUPPLIER', supplier: { id: 'alt' } }, { type: 'SWITCH_SUPPLIER', supplier: { id: 'third' } }]);
    expect(context.suppliers.map((s: { id: string; status: string; replacedAt?: number }) => [s.id, s.status, s.replacedAt])).toEqual([
      ['sup-1', 'replaced', at(1)],
      ['alt', 'replaced', at(2)],
      ['third', 'active', undefined],
    ]);
  });

  it('a refund request without a reason stores none', () => {
    expect(run([{ type: 'REQUEST_REFUND' }]).context.refundRequest).toStrictEqual({ amount: 5500, requestedAt: at(1) });
  });

  it('refuses by itself a refund or a payment larger than what is left, even where the engine would check first', () => {
    const before = run([]);
    expect(before.snapshot.can({ type: 'REQUEST_REFUND', amount: 5501, receivedAt: at(1) } as OrderEvent)).toBe(false);
    const claim = run(verified([{ sku: 'mug', quantity: 1 }]));
    expect(claim.snapshot.can({ type: 'REQUEST_REFUND', amount: 5501, receivedAt: at(9) } as OrderEvent)).toBe(false);
    expect(claim.snapshot.can({ type: 'REQUEST_REFUND', amount: 5500, receivedAt: at(9) } as OrderEvent)).toBe(true);
    const refund = run([{ type: 'REQUEST_REFUND', amount: 3000 }]);
    expect(refund.snapshot.can({ type: 'REFUND_ISSUED', amount: 5501, receivedAt: at(9) } as OrderEvent)).toBe(false);
    expect(refund.snapshot.can({ type: 'REFUND_ISSUED', amount: 5500, receivedAt: at(9) } as OrderEvent)).toBe(true);
  });

  it('a claim is refunded at the unit price of the claimed item', () => {
    expect(run([...verified([{ sku: 'plate', quantity: 1 }]), { type: 'REQUEST_REFUND' }]).context.refundRequest?.amount).toBe(3000);
    expect(run([...verified([{ sku: 'plate', quantity: 1 }, { sku: 'mug', quantity: 2 }]), { type: 'REQUEST_REFUND' }]).context.refundRequest?.amount).toBe(5500);
  });

  it('values claimed items at their unit prices; an item the order lacks is worth nothing', () => {
    expect(valueOf([{ sku: 'plate', quantity: 1 }, { sku: 'mug', quantity: 1 }, { sku: 'vase', quantity: 3 }], input.items)).toBe(4250);
  });

  it('where the supplier switch falls due before the expedite request, it alerts the seller straight from waiting', () => {
    const { effects, snapshot } = run([{ type: 'TIMER.SWITCH_SUPPLIER', dueAt: Date.parse('2026-03-05T00:00:00Z') }], {
      ...input,
      policyDefaults: { expediteAfterDays: 3, switchSupplierAfterDays: 1 },
    });
    expect(effects).toEqual([[{ type: 'alertStockProblem', params: { to: 'seller@shop.example' } }]]);
    expect(snapshot.value).toEqual({ preShipment: { processing: 'stockProblem' } });
  });

  it('arms deadlines earliest first', () => {
    const { snapshot } = run([], { ...input, policyDefaults: { expediteAfterDays: 3, switchSupplierAfterDays: 1 } });
    expect(armedDeadlines(snapshot).map((d) => [d.name, d.dueAt, d.event])).toEqual([
      ['switchSupplierAt', Date.parse('2026-03-05T00:00:00Z'), 'TIMER.SWITCH_SUPPLIER'],
      ['expediteAt', Date.parse('2026-03-07T00:00:00Z'), 'TIMER.EXPEDITE'],
    ]);
  });

  it('an escalated resolution deadline is not armed again, but the next deadlines of the order are', () => {
    const dueAt = Date.parse('2026-03-24T00:00:00Z');
    const escalated = run([...verified(), { type: 'TIMER.RESOLUTION_DUE', dueAt, receivedAt: dueAt }]);
    expect(armedDeadlines(escalated.snapshot)).toEqual([]);
    const later = run([
      ...verified(),
      { type: 'TIMER.RESOLUTION_DUE', dueAt, receivedAt: dueAt },
      { type: 'REQUEST_RESHIP' },
      { type: 'RESHIPPED', carrier: 'SF', trackingNumber: 'SF2' },
      { type: 'DELIVERED' },
    ]);
    expect(later.context.escalatedAt).toBe(dueAt);
    expect(armedDeadlines(later.snapshot).map((d) => d.name)).toEqual(['protectionEndsAt']);
  });
});
