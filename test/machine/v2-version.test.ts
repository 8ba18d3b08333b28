import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import { clientEventSchemas, createOrderSchema, deadlineEvents, FINGERPRINT, orderV2, sampleOrder, valueOf } from '../../machines/order/v2/index.ts';

// Version 2 as the host serves it (machines/order/v2/version.ts) and the order its model paths,
// tests and benches start from (sample-order.ts), purely.
const approvedAt = (version: ReturnType<typeof orderV2>) => {
  let [s]: [AnyMachineSnapshot, unknown] = initialTransition(version.machine, { ...sampleOrder({ id: 'S-2' }), createdAt: 0 });
  const events = [
    { type: 'SHIPPED', carrier: 'SF', trackingNumber: 'SF1' },
    { type: 'DELIVERED' },
    { type: 'ISSUE_REPORTED', kind: 'damaged' },
    { type: 'EVIDENCE_SUBMITTED', media: [{ kind: 'photo', url: 'https://img.example/1.jpg' }] },
    { type: 'VERIFICATION_APPROVED' },
  ];
  for (const event of events) [s] = transition(version.machine, s as never, { ...event, receivedAt: Date.parse('2026-03-02T00:00:00Z') } as never);
  return new Date((s.context as { deadlines: { resolutionDueAt: number } }).deadlines.resolutionDueAt).toISOString();
};

describe('version 2 as the host serves it', () => {
  it('is version 2, named by a sha256 fingerprint, with its schemas and deadlines', () => {
    const v2 = orderV2();
    expect(v2.version).toBe(2);
    expect(FINGERPRINT).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(v2.fingerprint).toBe(FINGERPRINT);
    expect(v2.createSchema).toBe(createOrderSchema);
    expect(v2.eventSchemas).toBe(clientEventSchemas);
    expect(v2.deadlines).toBe(deadlineEvents);
  });

  it('records the deployment defaults with an order only when there are any', () => {
    const body = sampleOrder({ id: 'S-1' });
    expect(orderV2().creationRecord(body)).toEqual(body);
    expect(orderV2({ policy: {} }).creationRecord(body)).toEqual(body);
    expect(orderV2({ policy: { customsEscalateAfterDays: 5 } }).creationRecord(body)).toEqual({ ...body, policyDefaults: { customsEscalateAfterDays: 5 } });
  });

  it('counts the resolution deadline with the calendar it is given, else in weekdays in UTC', () => {
    const calls: [number, number][] = [];
    const given = orderV2({ addWorkingDays: (from, days) => (calls.push([from, days]), { dueAt: from + 1, uncoveredYears: [] }) });
    expect(approvedAt(given)).toBe('2026-03-02T00:00:00.001Z');
    expect(calls).toEqual([[Date.parse('2026-03-02T00:00:00Z'), 15]]);
    expect(approvedAt(orderV2())).toBe('2026-03-24T00:00:00.000Z');
  });

  it('checks an event against the order, and says why a state refuses one, from the order in the snapshot', () => {
    const v2 = orderV2();
    const [s] = initialTransition(v2.machine, { ...sampleOrder({ id: 'S-5', scope: 'international' }), createdAt: 0 });
    expect(v2.check(s, { type: 'REQUEST_REFUND', amount: 5501, receivedAt: 1 } as never)).toEqual([
      { path: 'amount', message: 'exceeds what is still refundable: 5500 (CNY minor units) of 5500 paid' },
    ]);
    expect(v2.refusal(s, { type: 'CANCEL_REQUESTED', reason: 'wrong_address', receivedAt: 1 } as never)).toMatchObject({
      reason: 'international orders cannot be intercepted, so a cancellation or a wrong address cannot be refunded (R10)',
    });
  });
});

describe("version 2's sample order", () => {
  it('is two blue mugs at 12.50 and a plate at 30.00 (5,500 minor units), domestic, from one Tmall store, shipping by 4 March 2026', () => {
    const order = sampleOrder({ id: 'S-3' });
    expect(order).toEqual({
      id: 'S-3',
      scope: 'domestic',
      sellerEmail: 'seller@shop.example',
      supplier: { id: 'tmall-store-1', name: 'Tmall Store 1' },
      items: [
        { sku: 'mug-blue', quantity: 2, unitPrice: 1250 },
        { sku: 'plate', quantity: 1, unitPrice: 3000 },
      ],
      currency: 'CNY',
      shipBy: '2026-03-04T00:00:00.000Z',
    });
    expect(valueOf(order.items, order.items)).toBe(5500);
    expect(createOrderSchema.parse(order)).toEqual(order);
    expect(sampleOrder({ id: 'S-4', scope: 'international', currency: 'EUR' })).toMatchObject({ id: 'S-4', scope: 'international', currency: 'EUR', sellerEmail: 'seller@shop.example' });
  });
});
