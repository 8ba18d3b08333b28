import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import { armedDeadlines, createOrderMachine, orderView, type AddWorkingDays, type OrderEvent, type OrderInput } from '../../machines/order/v1/index.ts';
import { orderViewSchema } from '../../machines/order/v1/view-schema.ts';

// Version 1's part of the order view, purely: what it shows of an order in each situation, and
// that its schema (the OpenAPI document's) describes it exactly: parsing a view answers the same
// view, so the schema names every field, and accepts every value version 1 shows.
const createdAt = Date.parse('2026-03-02T00:00:00Z');
const HOUR = 3_600_000;
const input: OrderInput = {
  id: 'V-1',
  scope: 'domestic',
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

function viewAfter(steps: Record<string, unknown>[], { orderInput = input, addWorkingDays }: { orderInput?: OrderInput; addWorkingDays?: AddWorkingDays } = {}) {
  const machine = createOrderMachine(addWorkingDays ? { addWorkingDays } : {});
  let [snapshot]: [AnyMachineSnapshot, unknown] = initialTransition(machine, orderInput);
  steps.forEach((step, i) => {
    const event = { receivedAt: createdAt + (i + 1) * HOUR, ...step } as unknown as OrderEvent;
    expect(snapshot.can(event), `${step.type} in ${JSON.stringify(snapshot.value)}`).toBe(true);
    [snapshot] = transition(machine, snapshot as never, event);
  });
  return orderView(snapshot, armedDeadlines(snapshot));
}

const at = (hours: number) => new Date(createdAt + hours * HOUR).toISOString();
const toVerified = [
  { type: 'SHIPPED', carrier: 'SF', trackingNumber: 'SF1' },
  { type: 'DELIVERED' },
  { type: 'ISSUE_REPORTED', kind: 'wrong_item', items: [{ sku: 'mug', quantity: 1 }], description: 'blue, not red' },
  { type: 'EVIDENCE_SUBMITTED', media: [{ kind: 'photo', url: 'https://img.example/1.jpg' }] },
  { type: 'VERIFICATION_APPROVED', reason: 'clear photo' },
];

describe("version 1's order view", () => {
  it('a new order: what it waits on, its money and supplier, its overdue deadlines', () => {
    expect(viewAfter([])).toEqual({
      description: 'Waiting for the supplier to ship by `shipBy`.',
      waitsOn: 'supplier',
      scope: 'domestic',
      sellerEmail: 'seller@shop.example',
      currency: 'CNY',
      items: input.items,
      shipBy: '2026-03-04T00:00:00.000Z',
      money: { paid: 5500, refunded: 0, refundable: 5500, pendingRefund: 0, refunds: [] },
      suppliers: [{ id: 'sup-1', name: 'Mugs Ltd', status: 'active', since: at(0), replacedAt: null }],
      shipments: [],
      problem: null,
      claim: null,
      resolution: null,
      cancellation: null,
      deadlines: [
        { name: 'expediteAt', dueAt: '2026-03-06T00:00:00.000Z', event: 'TIMER.EXPEDITE' },
        { name: 'switchSupplierAt', dueAt: '2026-03-08T00:00:00.000Z', event: 'TIMER.SWITCH_SUPPLIER' },
      ],
      outcome: null,
      lastNote: null,
    });
  });

  it('a switched supplier, a refund paid in part with its reference, and the note of the last problem', () => {
    const view = viewAfter([
      { type: 'STOCK_UNAVAILABLE', note: 'sold out' },
      { type: 'SWITCH_SUPPLIER', supplier: { id: 'alt-1' } },
      { type: 'REQUEST_REFUND', amount: 3000, reason: 'plate missing' },
      { type: 'REFUND_ISSUED', amount: 1000, reference: 'RF-1' },
    ]);
    expect(view.suppliers).toEqual([
      { id: 'sup-1', name: 'Mugs Ltd', status: 'replaced', since: at(0), replacedAt: at(2), originalOrderRefund: 'owed' },
      { id: 'alt-1', status: 'active', since: at(2), replacedAt: null },
    ]);
    expect(view.money).toEqual({ paid: 5500, refunded: 1000, refundable: 4500, pendingRefund: 2000, refunds: [{ amount: 1000, reference: 'RF-1', at: at(4) }] });
    expect(view.lastNote).toEqual({ text: 'sold out', at: at(1), event: 'STOCK_UNAVAILABLE' });
    expect(view).toMatchObject({ description: 'A refund is being executed.', waitsOn: 'supplier', problem: null });
  });

  it('a verified claim: its evidence, the resolution deadline and its escalation, then the reship with its items', () => {
    const verified = viewAfter(toVerified);
    expect(verified.claim).toEqual({
      kind: 'wrong_item',
      items: [{ sku: 'mug', quantity: 1 }],
      description: 'blue, not red',
      reportedAt: at(3),
      evidence: [{ kind: 'photo', url: 'https://img.example/1.jpg', at: at(4) }],
      verification: 'approved',
      verificationReason: 'clear photo',
      resolution: null,
    });
    expect(verified.resolution).toEqual({ dueAt: expect.any(String), escalated: false, escalatedAt: null, calendarNote: null });
    expect(verified.problem).toMatchObject({ code: 'resolution_due', rule: 'R7' });
    const dueAt = Date.parse(verified.resolution!.dueAt!);
    const escalated = viewAfter([...toVerified, { type: 'TIMER.RESOLUTION_DUE', dueAt, receivedAt: dueAt + 1000 }]);
    expect(escalated.resolution).toEqual({ dueAt: verified.resolution!.dueAt, escalated: true, escalatedAt: new Date(dueAt + 1000).toISOString(), calendarNote: null });
    // Escalated: the deadline shows on the claim but is not armed again.
    expect(escalated.deadlines).toEqual([]);
    const reshipped = viewAfter([...toVerified, { type: 'REQUEST_RESHIP' }, { type: 'RESHIPPED', carrier: 'YT', trackingNumber: 'YT2' }]);
    expect(reshipped.shipments).toEqual([
      { carrier: 'SF', trackingNumber: 'SF1', at: at(1), kind: 'original' },
      { carrier: 'YT', trackingNumber: 'YT2', at: at(7), kind: 'reship', items: [{ sku: 'mug', quantity: 1 }] },
    ]);
    // The reship executed the resolution: its deadline is gone from the claim.
    expect(reshipped.resolution).toBeNull();
    expect(reshipped.claim).toMatchObject({ verification: 'approved', resolution: 'reship' });
  });

  it('a resolution deadline computed past the calendar names every year it did not cover', () => {
    const addWorkingDays: AddWorkingDays = (from, days) => ({ dueAt: from + days * 86_400_000, uncoveredYears: [2027, 2028] });
    const view = viewAfter(toVerified, { addWorkingDays });
    expect(view.resolution).toEqual({
      dueAt: new Date(createdAt + 5 * HOUR + 15 * 86_400_000).toISOString(),
      escalated: false,
      escalatedAt: null,
      calendarNote: 'the holiday calendar does not cover 2027, 2028: only weekends were skipped in those years',
    });
  });

  it('a rejected claim shows no resolution; an interception shows the cancellation', () => {
    const rejected = viewAfter([...toVerified.slice(0, 4), { type: 'VERIFICATION_REJECTED', reason: 'blurry' }]);
    expect(rejected).toMatchObject({ resolution: null, outcome: 'dispute_rejected', description: 'Final: ended without a refund.', waitsOn: null, deadlines: [] });
    const cancelled = viewAfter([{ type: 'CANCEL_REQUESTED', reason: 'wrong_address' }]);
    expect(cancelled.cancellation).toEqual({ reason: 'wrong_address', requestedAt: at(1), outcome: 'pending' });
    expect(cancelled.problem).toMatchObject({ code: 'interception_pending', rule: 'R9' });
  });

  it('is described exactly by its schema in every situation above', () => {
    const views = [
      viewAfter([]),
      viewAfter([{ type: 'STOCK_UNAVAILABLE', note: 'x' }, { type: 'SWITCH_SUPPLIER', supplier: { id: 'alt-1', name: 'Alt' } }, { type: 'REQUEST_REFUND', amount: 3000 }, { type: 'REFUND_ISSUED', amount: 1000, reference: 'RF-1' }]),
      viewAfter([...toVerified, { type: 'REQUEST_RESHIP' }, { type: 'RESHIPPED', carrier: 'YT', trackingNumber: 'YT2' }]),
      viewAfter([{ type: 'CANCEL_REQUESTED', reason: 'customer_cancelled' }, { type: 'INTERCEPT_SUCCEEDED' }]),
      viewAfter([{ type: 'SHIPPED', carrier: 'SF', trackingNumber: 'SF1' }, { type: 'CUSTOMS_HELD' }], { orderInput: { ...input, scope: 'international' } }),
      viewAfter(toVerified, { addWorkingDays: (from, days) => ({ dueAt: from + days * 86_400_000, uncoveredYears: [2027] }) }),
    ];
    for (const view of views) expect(orderViewSchema.parse(view)).toEqual(view);
    // The schema refuses what version 1 never shows.
    const [fresh] = views;
    expect(orderViewSchema.safeParse({ ...fresh, scope: 'galactic' }).success).toBe(false);
    expect(orderViewSchema.safeParse({ ...fresh, suppliers: [{ ...fresh!.suppliers[0], status: 'retired' }] }).success).toBe(false);
    expect(orderViewSchema.safeParse({ ...fresh, suppliers: [{ ...fresh!.suppliers[0], originalOrderRefund: 'settled' }] }).success).toBe(false);
    expect(orderViewSchema.safeParse({ ...fresh, deadlines: [{ name: 'supplierRefundRemindAt', dueAt: null, event: 'TIMER.X' }] }).success).toBe(false);
    // The claim's fields are described, not only passed through.
    expect(orderViewSchema.safeParse({ ...views[2], claim: { ...views[2]!.claim, kind: 5 } }).success).toBe(false);
    expect(orderViewSchema.safeParse({ ...views[2], shipments: [{ ...views[2]!.shipments[0], kind: 'lost' }] }).success).toBe(false);
  });
});
