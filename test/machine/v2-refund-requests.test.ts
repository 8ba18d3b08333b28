import { describe, expect, it } from 'vitest';
import type { OrderEvent } from '../../machines/order/v2/index.ts';
import { at, walk, type Step } from '../support/v2-walk.ts';

// Version 2's refund requests, purely: the amount, items, reason, return point and note a
// REQUEST_REFUND (or a successful interception) starts from each state, and what the order does
// with it once paid. The sample order: two blue mugs at 12.50 and a plate at 30.00 (5,500 paid).
/** Runs the events from a new order, each one checked against the order and taken as the API would. */
const run = (steps: Step[], order: NonNullable<Parameters<typeof walk>[1]>['order'] = {}) => walk(steps, { order: { id: 'R-1', ...order }, checked: true });

/** Whether the order (after `steps`) takes `event`, as the API would ask before sending it. */
function takes(steps: Step[], event: Step) {
  const { snapshot } = run(steps);
  return snapshot.can({ receivedAt: at(steps.length + 1), ...event } as unknown as OrderEvent);
}

const mugs = (quantity: number) => ({ sku: 'mug-blue', quantity });
const plate = { sku: 'plate', quantity: 1 };
const shipped: Step[] = [{ type: 'SHIPPED', carrier: 'SF', trackingNumber: 'SF1' }];
const delivered: Step[] = [...shipped, { type: 'DELIVERED' }];
const lost: Step[] = [...shipped, { type: 'PARCEL_LOST' }];
const evidence: Step = { type: 'EVIDENCE_SUBMITTED', media: [{ kind: 'photo', url: 'https://img.example/1.jpg' }] };
const approvedClaim = (items?: { sku: string; quantity: number }[]): Step[] => [
  ...delivered,
  { type: 'ISSUE_REPORTED', kind: 'damaged', ...(items ? { items } : {}) },
  evidence,
  { type: 'VERIFICATION_APPROVED' },
];

describe('version 2: a refund requested before shipment', () => {
  it('covers every item still to ship, at their value, for the reason of the state, and returns to pre-shipment', () => {
    const { context, lastEffects } = run([{ type: 'REQUEST_REFUND' }]);
    expect(context.refundRequest).toEqual({ amount: 5500, reason: 'other', requestedAt: at(1), returnTo: 'preShipment', items: [mugs(2), plate] });
    expect(lastEffects).toEqual([{ type: 'requestRefund', params: { amount: 5500, reason: 'other' } }]);
  });

  it('of an amount alone covers no items: paying it leaves everything to ship', () => {
    const steps: Step[] = [{ type: 'REQUEST_REFUND', amount: 1000, reason: 'shipment_overdue', note: 'late, partial refund' }];
    const { context } = run(steps);
    expect(context.refundRequest).toEqual({ amount: 1000, reason: 'shipment_overdue', note: 'late, partial refund', requestedAt: at(1), returnTo: 'preShipment' });
    const paid = run([...steps, { type: 'REFUND_ISSUED', amount: 1000 }]);
    expect(paid.snapshot.value).toEqual({ preShipment: { processing: 'awaitingShipment' } });
    expect(paid.context.refunds).toEqual([{ amount: 1000, at: at(2) }]);
    expect(paid.context.toShip).toEqual([mugs(2), plate]);
    expect(paid.context.refundedItems).toEqual([]);
  });

  it('of some items is their value, and leaves the others to ship', () => {
    const { context } = run([{ type: 'REQUEST_REFUND', items: [plate] }]);
    expect(context.refundRequest).toEqual({ amount: 3000, reason: 'other', requestedAt: at(1), returnTo: 'preShipment', items: [plate] });
    const paid = run([{ type: 'REQUEST_REFUND', items: [plate] }, { type: 'REFUND_ISSUED', amount: 3000 }]);
    expect(paid.context.toShip).toEqual([mugs(2)]);
  });

  it('of items and an amount is the amount given', () => {
    const { context } = run([{ type: 'REQUEST_REFUND', items: [mugs(1)], amount: 700 }]);
    expect(context.refundRequest).toMatchObject({ amount: 700, items: [mugs(1)] });
  });

  it('after a partial refund, covers the items still to ship but never more than is left to refund', () => {
    // 5,000 refunded without items: the three items (5,500) are still to ship, 500 is refundable.
    const { context } = run([{ type: 'REQUEST_REFUND', amount: 5000 }, { type: 'REFUND_ISSUED', amount: 5000 }, { type: 'REQUEST_REFUND' }]);
    expect(context.refundRequest).toEqual({ amount: 500, reason: 'other', requestedAt: at(3), returnTo: 'preShipment', items: [mugs(2), plate] });
  });

  it('once every item was refunded for less than its value, is what is left, with no items', () => {
    // All items refunded for 100: nothing is left to ship, 5,400 is still refundable.
    const steps: Step[] = [{ type: 'REQUEST_REFUND', items: [mugs(2), plate], amount: 100 }, { type: 'REFUND_ISSUED', amount: 100 }];
    const back = run(steps);
    expect(back.context.toShip).toEqual([]);
    expect(back.snapshot.value).toEqual({ preShipment: { processing: 'awaitingShipment' } });
    const { context } = run([...steps, { type: 'REQUEST_REFUND' }]);
    expect(context.refundRequest).toEqual({ amount: 5400, reason: 'other', requestedAt: at(3), returnTo: 'preShipment' });
  });

  it('the reason given wins over the state\'s', () => {
    const { context } = run([{ type: 'STOCK_UNAVAILABLE' }, { type: 'REQUEST_REFUND', reason: 'oversized' }]);
    expect(context.refundRequest?.reason).toBe('oversized');
    expect(run([{ type: 'STOCK_UNAVAILABLE' }, { type: 'REQUEST_REFUND' }]).context.refundRequest?.reason).toBe('out_of_stock');
  });

  it('a note is kept with the request only when one is given', () => {
    expect(run([{ type: 'REQUEST_REFUND', note: 'buyer asked twice' }]).context.refundRequest?.note).toBe('buyer asked twice');
    expect(run([{ type: 'REQUEST_REFUND' }]).context.refundRequest).not.toHaveProperty('note');
  });
});

describe('version 2: a successful interception', () => {
  it('refunds all that is left, whatever the items still to ship are worth, for the cancellation\'s reason', () => {
    // 1,000 refunded for the plate: the mugs (2,500) are still to ship, 4,500 is refundable.
    const steps: Step[] = [
      { type: 'REQUEST_REFUND', items: [plate], amount: 1000 },
      { type: 'REFUND_ISSUED', amount: 1000 },
      { type: 'CANCEL_REQUESTED', reason: 'wrong_address' },
      { type: 'INTERCEPT_SUCCEEDED' },
    ];
    const { context, lastEffects } = run(steps);
    expect(context.toShip).toEqual([mugs(2)]);
    expect(context.refundRequest).toEqual({ amount: 4500, reason: 'wrong_address', requestedAt: at(4), returnTo: 'preShipment', items: [mugs(2)] });
    expect(lastEffects).toEqual([{ type: 'requestRefund', params: { amount: 4500, reason: 'wrong_address' } }]);
    const paid = run([...steps, { type: 'REFUND_ISSUED', amount: 4500 }]);
    expect(paid.snapshot.value).toBe('refunded');
    expect(paid.context.refundedItems).toEqual([plate, mugs(2)]);
  });

  it('in transit is all that was paid, with no items (none is left to ship), and returns to pre-shipment', () => {
    const { context } = run([...shipped, { type: 'CANCEL_REQUESTED', reason: 'customer_cancelled' }, { type: 'INTERCEPT_SUCCEEDED', note: 'stopped at the depot' }]);
    // The items shipped are no longer "to ship": the refund is an amount, all that was paid. The
    // note of the interception is not a note of the refund.
    expect(context.refundRequest).toEqual({ amount: 5500, reason: 'customer_cancelled', requestedAt: at(3), returnTo: 'preShipment' });
  });
});

describe('version 2: a refund of a verified claim', () => {
  it('covers the claimed items at their value, for the claim, and returns to the delivered order', () => {
    const { context, lastEffects } = run([...approvedClaim([mugs(1)]), { type: 'REQUEST_REFUND' }]);
    expect(context.refundRequest).toEqual({ amount: 1250, reason: 'claim', requestedAt: at(6), returnTo: 'delivered', items: [mugs(1)] });
    expect(lastEffects).toEqual([{ type: 'requestRefund', params: { amount: 1250, reason: 'claim' } }]);
  });

  it('of a claim that names no items is all that is left, with no items', () => {
    const { context } = run([...approvedClaim(), { type: 'REQUEST_REFUND' }]);
    expect(context.refundRequest).toEqual({ amount: 5500, reason: 'claim', requestedAt: at(6), returnTo: 'delivered' });
  });

  it('closes the open claim only, after an earlier claim that ended', () => {
    const steps: Step[] = [
      ...delivered,
      { type: 'ISSUE_REPORTED', kind: 'wrong_item', items: [plate] },
      evidence,
      { type: 'VERIFICATION_REJECTED', reason: 'photo shows the right plate' },
      { type: 'ISSUE_REPORTED', kind: 'damaged', items: [mugs(1)] },
      evidence,
      { type: 'VERIFICATION_APPROVED' },
      { type: 'REQUEST_REFUND' },
    ];
    const requested = run(steps);
    expect(requested.context.claims.map((c) => [c.kind, c.resolution, c.closed?.outcome ?? null])).toEqual([
      ['wrong_item', null, 'rejected'],
      ['damaged', 'refund', null],
    ]);
    const paid = run([...steps, { type: 'REFUND_ISSUED', amount: 1250 }]);
    expect(paid.context.claims.map((c) => [c.kind, c.closed?.outcome ?? null])).toEqual([
      ['wrong_item', 'rejected'],
      ['damaged', 'refunded'],
    ]);
  });
});

describe('version 2: a refund of a lost parcel', () => {
  it('covers the parcel\'s items, for the loss, and returns in transit when paid in part', () => {
    const { context, lastEffects } = run([...lost, { type: 'REQUEST_REFUND' }]);
    expect(context.refundRequest).toEqual({ amount: 5500, reason: 'parcel_lost', requestedAt: at(3), returnTo: 'inTransit', items: [mugs(2), plate] });
    expect(lastEffects).toEqual([{ type: 'requestRefund', params: { amount: 5500, reason: 'parcel_lost' } }]);
    const part = run([...lost, { type: 'REQUEST_REFUND', items: [plate] }, { type: 'REFUND_ISSUED', amount: 3000 }]);
    expect(part.snapshot.value).toEqual({ inTransit: { shipping: 'lost' } });
  });

  it('of a reshipped claim\'s parcel returns to the delivered order', () => {
    // The order was delivered once; the reship of the claimed plate is lost in transit.
    const steps: Step[] = [
      ...approvedClaim([plate]),
      { type: 'REQUEST_RESHIP' },
      { type: 'RESHIPPED', carrier: 'SF', trackingNumber: 'SF2' },
      { type: 'PARCEL_LOST' },
      { type: 'REQUEST_REFUND', amount: 1000 },
    ];
    const { context } = run(steps);
    // Unlike before shipment, an amount alone still covers the parcel's items.
    expect(context.refundRequest).toEqual({ amount: 1000, reason: 'parcel_lost', requestedAt: at(9), returnTo: 'delivered', items: [plate] });
    const paid = run([...steps, { type: 'REFUND_ISSUED', amount: 1000 }]);
    expect(paid.snapshot.value).toBe('delivered');
    expect(paid.context.refundedItems).toEqual([plate]);
  });

  it('held in customs too long covers the parcel\'s items', () => {
    const steps: Step[] = [...shipped, { type: 'CUSTOMS_HELD' }, { type: 'TIMER.CUSTOMS_ESCALATE', dueAt: at(2) }, { type: 'REQUEST_REFUND', items: [mugs(2)] }];
    const { context } = run(steps, { scope: 'international' });
    expect(context.refundRequest).toEqual({ amount: 2500, reason: 'parcel_lost', requestedAt: at(4), returnTo: 'inTransit', items: [mugs(2)] });
  });
});

describe('version 2: a refund instead of a reship', () => {
  it('after a lost parcel covers the items to reship, for the loss, and returns in transit', () => {
    const { context } = run([...lost, { type: 'REQUEST_RESHIP', items: [plate] }, { type: 'REQUEST_REFUND' }]);
    expect(context.refundRequest).toEqual({ amount: 3000, reason: 'parcel_lost', requestedAt: at(4), returnTo: 'inTransit', items: [plate] });
    expect(context.toShip).toEqual([]);
  });

  it('of a claim that names no items is all that is left', () => {
    const { context } = run([...approvedClaim(), { type: 'REQUEST_RESHIP' }, { type: 'REQUEST_REFUND' }]);
    expect(context.refundRequest).toEqual({ amount: 5500, reason: 'claim', requestedAt: at(7), returnTo: 'delivered' });
  });
});

describe('version 2: a refund that cannot be', () => {
  it('is not taken when it would be worth nothing', () => {
    // A free extra item: refunding it alone would refund nothing.
    const free = { items: [{ sku: 'mug-blue', quantity: 2, unitPrice: 1250 }, { sku: 'sticker', quantity: 1, unitPrice: 0 }] };
    const { snapshot } = run([], free);
    expect(snapshot.can({ type: 'REQUEST_REFUND', items: [{ sku: 'sticker', quantity: 1 }], receivedAt: at(1) } as OrderEvent)).toBe(false);
    expect(snapshot.can({ type: 'REQUEST_REFUND', items: [mugs(1)], receivedAt: at(1) } as OrderEvent)).toBe(true);
  });

  it('is not taken for a cancellation or wrong address, which is intercepted first', () => {
    expect(takes([], { type: 'REQUEST_REFUND', reason: 'customer_cancelled' })).toBe(false);
    expect(takes([], { type: 'REQUEST_REFUND', reason: 'wrong_address' })).toBe(false);
    expect(takes([], { type: 'REQUEST_REFUND', reason: 'out_of_stock' })).toBe(true);
  });
});

describe('version 2: notes', () => {
  it('an event with a note records it; one without keeps the last note', () => {
    const noted = run([{ type: 'SUPPLIER_CONTACTED', note: 'promised for Friday' }, { type: 'SUPPLIER_CONTACTED' }]);
    expect(noted.context.lastNote).toEqual({ text: 'promised for Friday', at: at(1), event: 'SUPPLIER_CONTACTED' });
    expect(run([{ type: 'STOCK_UNAVAILABLE' }]).context.lastNote).toBeNull();
  });
});
