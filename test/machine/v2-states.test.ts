import { describe, expect, it } from 'vitest';
import { at, walk, type Step } from '../support/v2-walk.ts';

// Version 2's states, purely: what each pre-shipment and transit state records for the events it
// takes (the survivors of the mutation run of machine.ts:372-563 on 2026-12-01).
const expediteAt = Date.parse('2026-03-06T00:00:00Z');
const switchAt = Date.parse('2026-03-08T00:00:00Z');

const run = (steps: Step[], scope: 'domestic' | 'international' = 'domestic') => walk(steps, { order: { scope } });

const expediting: Step[] = [{ type: 'TIMER.EXPEDITE', dueAt: expediteAt, receivedAt: expediteAt }];
const stockProblem: Step[] = [...expediting, { type: 'TIMER.SWITCH_SUPPLIER', dueAt: switchAt, receivedAt: switchAt }];

describe('version 2 before shipment: the refund of each state', () => {
  it('is for the overdue shipment when expediting or a stock problem, for the silent supplier when unresponsive', () => {
    expect(run([...expediting, { type: 'REQUEST_REFUND', receivedAt: expediteAt + 1 }]).context.refundRequest).toMatchObject({ reason: 'shipment_overdue', returnTo: 'preShipment', amount: 5500 });
    expect(run([...stockProblem, { type: 'REQUEST_REFUND', receivedAt: switchAt + 1 }]).context.refundRequest).toMatchObject({ reason: 'shipment_overdue', returnTo: 'preShipment', amount: 5500 });
    expect(run([{ type: 'SUPPLIER_UNRESPONSIVE' }, { type: 'REQUEST_REFUND' }]).context.refundRequest).toMatchObject({ reason: 'supplier_unresponsive', returnTo: 'preShipment', amount: 5500 });
  });

  it('a refund that leaves money refundable is recorded on the way back to the overdue state the clock says: expediting, or the stock problem', () => {
    const partial = (from: number): Step[] => [{ type: 'REQUEST_REFUND', amount: 1000, receivedAt: from + 1 }, { type: 'REFUND_ISSUED', amount: 1000, reference: 'R-1', receivedAt: from + 2 }];
    const expedited = run([...expediting, ...partial(expediteAt)]);
    expect(expedited.value).toEqual({ preShipment: { processing: 'expediting' } });
    expect(expedited.context.refunds).toEqual([{ amount: 1000, reference: 'R-1', at: expediteAt + 2 }]);
    const stuck = run([...stockProblem, ...partial(switchAt)]);
    expect(stuck.value).toEqual({ preShipment: { processing: 'stockProblem' } });
    expect(stuck.context.refunds).toEqual([{ amount: 1000, reference: 'R-1', at: switchAt + 2 }]);
  });

  it('expediting, the switch deadline alerts the seller of the stock problem', () => {
    const r = run(stockProblem);
    expect(r.value).toEqual({ preShipment: { processing: 'stockProblem' } });
    expect(r.lastEffects).toEqual([{ type: 'alertStockProblem', params: { to: 'seller@shop.example' } }]);
  });
});

describe('version 2 in transit: customs and a lost parcel', () => {
  const held: Step[] = [{ type: 'SHIPPED', carrier: 'SF', trackingNumber: 'SF1' }, { type: 'CUSTOMS_HELD', note: 'duty unpaid' }];
  const escalateAt = at(2) + 15 * 86_400_000;
  const escalated: Step[] = [...held, { type: 'TIMER.CUSTOMS_ESCALATE', dueAt: escalateAt, receivedAt: escalateAt }];

  it('a hold records its note; clearance records its own and ends the customs deadlines', () => {
    expect(run(held, 'international').context.lastNote).toEqual({ text: 'duty unpaid', at: at(2), event: 'CUSTOMS_HELD' });
    const cleared = run([...held, { type: 'CUSTOMS_CLEARED', note: 'duty paid' }], 'international');
    expect(cleared.value).toEqual({ inTransit: { shipping: 'onTheWay' } });
    expect(cleared.context.lastNote).toEqual({ text: 'duty paid', at: at(3), event: 'CUSTOMS_CLEARED' });
    expect(cleared.context.deadlines).not.toHaveProperty('customsEscalateAt');
    const afterEscalation = run([...escalated, { type: 'CUSTOMS_CLEARED', note: 'released', receivedAt: escalateAt + 1 }], 'international');
    expect(afterEscalation.value).toEqual({ inTransit: { shipping: 'onTheWay' } });
    expect(afterEscalation.context.lastNote).toMatchObject({ text: 'released', event: 'CUSTOMS_CLEARED' });
    expect(afterEscalation.context.customsEscalatedAt).toBeNull();
  });

  it('a parcel lost in customs, held or escalated, records the note and the loss', () => {
    for (const [steps, time] of [[held, at(3)], [escalated, escalateAt + 1]] as const) {
      const lost = run([...steps, { type: 'PARCEL_LOST', note: 'destroyed by customs', receivedAt: time }], 'international');
      expect(lost.value).toEqual({ inTransit: { shipping: 'lost' } });
      expect(lost.context.lastNote).toEqual({ text: 'destroyed by customs', at: time, event: 'PARCEL_LOST' });
      expect(lost.context.shipments.map((s) => s.lostAt)).toEqual([time]);
      expect(lost.context.customsEscalatedAt).toBeNull();
    }
  });

  it('held too long, a refund covers the parcel\'s items, at their value when less is left to ship than was paid', () => {
    // The plate refunded for 1,000 before shipment: the parcel carries the mugs (2,500); 4,500 is refundable.
    const steps: Step[] = [
      { type: 'REQUEST_REFUND', items: [{ sku: 'plate', quantity: 1 }], amount: 1000 },
      { type: 'REFUND_ISSUED', amount: 1000 },
      { type: 'SHIPPED', carrier: 'SF', trackingNumber: 'SF1' },
      { type: 'CUSTOMS_HELD' },
    ];
    const due = at(4) + 15 * 86_400_000;
    const r = run([...steps, { type: 'TIMER.CUSTOMS_ESCALATE', dueAt: due, receivedAt: due }, { type: 'REQUEST_REFUND', receivedAt: due + 1 }], 'international');
    expect(r.context.refundRequest).toEqual({ amount: 2500, reason: 'parcel_lost', requestedAt: due + 1, returnTo: 'inTransit', items: [{ sku: 'mug-blue', quantity: 2 }] });
  });
});

describe('version 2 after delivery and in refund: what a settled refund records', () => {
  const shipped: Step[] = [{ type: 'SHIPPED', carrier: 'SF', trackingNumber: 'SF1' }];
  const switched: Step[] = [{ type: 'SWITCH_SUPPLIER', supplier: { id: 'alt-1' } }];
  const settled = (r: ReturnType<typeof run>) => ({ suppliers: r.context.suppliers.map((s) => [s.id, s.originalOrderRefund ?? null]), supplierRefunds: r.context.supplierRefunds });

  it('a replaced supplier paying back after the protection window completes the order and records the payment', () => {
    const endedAt = at(3) + 15 * 86_400_000;
    const ended: Step[] = [...switched, ...shipped, { type: 'DELIVERED' }, { type: 'TIMER.PROTECTION_ENDED', dueAt: endedAt, receivedAt: endedAt }];
    expect(run(ended).value).toBe('delivered');
    const r = run([...ended, { type: 'SUPPLIER_REFUNDED', supplierId: 'tmall-store-1', amount: 5500, reference: 'S-1', receivedAt: endedAt + 1 }]);
    expect(r.value).toBe('completed');
    expect(settled(r)).toEqual({ suppliers: [['tmall-store-1', 'settled'], ['alt-1', null]], supplierRefunds: [{ supplierId: 'tmall-store-1', amount: 5500, reference: 'S-1', at: endedAt + 1 }] });
  });

  it('a replaced supplier paying back after the buyer was refunded in full ends the refund and records the payment', () => {
    const paid: Step[] = [...switched, { type: 'REQUEST_REFUND' }, { type: 'REFUND_ISSUED', amount: 5500 }];
    expect(run(paid).value).toBe('refund');
    const r = run([...paid, { type: 'SUPPLIER_REFUNDED', supplierId: 'tmall-store-1', amount: 5500 }]);
    expect(r.value).toBe('refunded');
    expect(settled(r)).toEqual({ suppliers: [['tmall-store-1', 'settled'], ['alt-1', null]], supplierRefunds: [{ supplierId: 'tmall-store-1', amount: 5500, at: at(4) }] });
  });

  it('a refund that leaves money refundable records it on the way back: to the delivered order, or to the lost parcel', () => {
    const approved: Step[] = [
      ...shipped,
      { type: 'DELIVERED' },
      { type: 'ISSUE_REPORTED', kind: 'damaged', items: [{ sku: 'plate', quantity: 1 }] },
      { type: 'EVIDENCE_SUBMITTED', media: [{ kind: 'photo', url: 'https://img.example/1.jpg' }] },
      { type: 'VERIFICATION_APPROVED' },
    ];
    const delivered = run([...approved, { type: 'REQUEST_REFUND' }, { type: 'REFUND_ISSUED', amount: 3000, reference: 'R-1' }]);
    expect(delivered.value).toBe('delivered');
    expect(delivered.context.refunds).toEqual([{ amount: 3000, reference: 'R-1', at: at(7), items: [{ sku: 'plate', quantity: 1 }] }]);
    expect(delivered.context.refundRequest).toBeNull();
    const lost = run([...shipped, { type: 'PARCEL_LOST' }, { type: 'REQUEST_REFUND', amount: 1000 }, { type: 'REFUND_ISSUED', amount: 1000 }]);
    expect(lost.value).toEqual({ inTransit: { shipping: 'lost' } });
    // A refund of a lost parcel is of the parcel's items (R13), whatever its amount.
    expect(lost.context.refunds).toEqual([{ amount: 1000, at: at(4), items: [{ sku: 'mug-blue', quantity: 2 }, { sku: 'plate', quantity: 1 }] }]);
    expect(lost.context.refundRequest).toBeNull();
  });
});
