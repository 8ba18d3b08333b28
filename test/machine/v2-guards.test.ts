import { describe, expect, it } from 'vitest';
import { at, walk, type Step } from '../support/v2-walk.ts';

// Version 2's guards at their edges, purely: where a paid refund returns the order, when a payment
// settles a refund, and which supplier refund ends an order. The sample order: two blue mugs at
// 12.50 and a plate at 30.00 (5,500 paid), ship by 2026-03-04: expedite due 03-06, switch 03-08.
const expediteAt = Date.parse('2026-03-06T00:00:00Z');
const switchAt = Date.parse('2026-03-08T00:00:00Z');

/** Runs the events from a new order (each an hour apart unless it says when it was received). */
const run = (steps: Step[]) => walk(steps, { order: { id: 'G-1' } });

const paidAt = (receivedAt: number): Step[] => [{ type: 'REQUEST_REFUND', amount: 1000, receivedAt: receivedAt - 1 }, { type: 'REFUND_ISSUED', amount: 1000, receivedAt }];

describe('version 2: a partial refund before shipment returns to where the overdue follow-up stands', () => {
  it('awaiting shipment until the expedite deadline, expediting from it, the stock problem from the switch deadline', () => {
    expect(run(paidAt(expediteAt - 1)).value).toEqual({ preShipment: { processing: 'awaitingShipment' } });
    // The refund was requested while awaiting shipment, paid when expediting was due: expediting, as the timer would have.
    expect(run(paidAt(expediteAt)).value).toEqual({ preShipment: { processing: 'expediting' } });
    expect(run(paidAt(switchAt - 1)).value).toEqual({ preShipment: { processing: 'expediting' } });
    expect(run(paidAt(switchAt)).value).toEqual({ preShipment: { processing: 'stockProblem' } });
  });
});

describe('version 2: a payment and the refund in progress', () => {
  it('less than the request pays part of it and waits for the rest; the rest settles it', () => {
    const part = run([{ type: 'REQUEST_REFUND', items: [{ sku: 'plate', quantity: 1 }] }, { type: 'REFUND_ISSUED', amount: 2999 }]);
    expect(part.value).toBe('refund');
    expect(part.context.refundRequest).toMatchObject({ amount: 1, items: [{ sku: 'plate', quantity: 1 }] });
    // Items are refunded only with the payment that settles them.
    expect(part.context.refundedItems).toEqual([]);
    const settled = run([{ type: 'REQUEST_REFUND', items: [{ sku: 'plate', quantity: 1 }] }, { type: 'REFUND_ISSUED', amount: 2999 }, { type: 'REFUND_ISSUED', amount: 1 }]);
    expect(settled.value).toEqual({ preShipment: { processing: 'awaitingShipment' } });
    expect(settled.context.refundRequest).toBeNull();
    expect(settled.context.refundedItems).toEqual([{ sku: 'plate', quantity: 1 }]);
  });

  it('that leaves nothing refundable ends the order refunded; one that leaves a minor unit does not', () => {
    const all = run([{ type: 'REQUEST_REFUND' }, { type: 'REFUND_ISSUED', amount: 5500 }]);
    expect(all.value).toBe('refunded');
    expect(all.context.outcome).toBe('refunded');
    const almost = run([{ type: 'REQUEST_REFUND', amount: 5499 }, { type: 'REFUND_ISSUED', amount: 5499 }]);
    expect(almost.value).toEqual({ preShipment: { processing: 'awaitingShipment' } });
    expect(almost.context.outcome).toBeNull();
  });
});

describe('version 2: owed supplier refunds', () => {
  const twoSwitches: Step[] = [
    { type: 'SWITCH_SUPPLIER', supplier: { id: 'alt-1' } },
    { type: 'SWITCH_SUPPLIER', supplier: { id: 'alt-2' } },
  ];

  it('a fully refunded order ends with the last owed supplier refund, not the first', () => {
    const paid: Step[] = [...twoSwitches, { type: 'REQUEST_REFUND' }, { type: 'REFUND_ISSUED', amount: 5500 }];
    expect(run(paid).value).toBe('refund');
    const first = run([...paid, { type: 'SUPPLIER_REFUNDED', supplierId: 'alt-1', amount: 100 }]);
    expect(first.value).toBe('refund');
    expect(first.context.outcome).toBeNull();
    const last = run([...paid, { type: 'SUPPLIER_REFUNDED', supplierId: 'alt-1', amount: 100 }, { type: 'SUPPLIER_REFUNDED', supplierId: 'tmall-store-1', amount: 100 }]);
    expect(last.value).toBe('refunded');
    expect(last.context.outcome).toBe('refunded');
  });

  it('a supplier refund while a refund to the buyer is in progress is recorded, and the order waits for the payment', () => {
    const r = run([{ type: 'SWITCH_SUPPLIER', supplier: { id: 'alt-1' } }, { type: 'REQUEST_REFUND' }, { type: 'SUPPLIER_REFUNDED', supplierId: 'tmall-store-1', amount: 3900 }]);
    expect(r.value).toBe('refund');
    expect(r.context.refundRequest).toMatchObject({ amount: 5500 });
    expect(r.context.supplierRefunds).toEqual([{ supplierId: 'tmall-store-1', amount: 3900, at: at(3) }]);
    expect(run([{ type: 'SWITCH_SUPPLIER', supplier: { id: 'alt-1' } }, { type: 'REQUEST_REFUND' }, { type: 'SUPPLIER_REFUNDED', supplierId: 'tmall-store-1', amount: 3900 }, { type: 'REFUND_ISSUED', amount: 5500 }]).value).toBe('refunded');
  });

  it('after the protection window, only the last owed refund completes a delivered order', () => {
    const ended: Step[] = [
      ...twoSwitches,
      { type: 'SHIPPED', carrier: 'SF', trackingNumber: 'SF1' },
      { type: 'DELIVERED' },
      { type: 'TIMER.PROTECTION_ENDED', dueAt: at(4) + 15 * 86_400_000, receivedAt: at(4) + 15 * 86_400_000 },
    ];
    expect(run(ended).value).toBe('delivered');
    const later = at(4) + 16 * 86_400_000;
    const first = run([...ended, { type: 'SUPPLIER_REFUNDED', supplierId: 'tmall-store-1', amount: 100, receivedAt: later }]);
    expect(first.value).toBe('delivered');
    const last = run([...ended, { type: 'SUPPLIER_REFUNDED', supplierId: 'tmall-store-1', amount: 100, receivedAt: later }, { type: 'SUPPLIER_REFUNDED', supplierId: 'alt-1', amount: 100, receivedAt: later + 1 }]);
    expect(last.value).toBe('completed');
    expect(last.context.outcome).toBe('protection_window_ended');
  });

  it('while the window is open, the last owed refund is recorded and the order stays delivered', () => {
    const r = run([{ type: 'SWITCH_SUPPLIER', supplier: { id: 'alt-1' } }, { type: 'SHIPPED', carrier: 'SF', trackingNumber: 'SF1' }, { type: 'DELIVERED' }, { type: 'SUPPLIER_REFUNDED', supplierId: 'tmall-store-1', amount: 100 }]);
    expect(r.value).toBe('delivered');
    expect(r.context.suppliers.map((s) => [s.id, s.originalOrderRefund ?? null])).toEqual([['tmall-store-1', 'settled'], ['alt-1', null]]);
  });
});
