import { initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { createOrderSchema, deadlineEvents, FINGERPRINT, orderV1, sampleOrder, valueOf } from '../../machines/order/v1/index.ts';

// Version 1 as the host serves it (machines/order/v1/version.ts) and the order its model paths
// and benches start from (sample-order.ts), purely.
describe('version 1 as the host serves it', () => {
  it('is version 1, named by a sha256 fingerprint, with its schemas and deadlines', () => {
    const v1 = orderV1();
    expect(v1.version).toBe(1);
    expect(FINGERPRINT).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(v1.fingerprint).toBe(FINGERPRINT);
    expect(v1.createSchema).toBe(createOrderSchema);
    expect(v1.deadlines).toBe(deadlineEvents);
  });

  it('records the deployment defaults with an order only when there are any', () => {
    const body = sampleOrder({ id: 'S-1' });
    expect(orderV1().creationRecord(body)).toEqual(body);
    expect(orderV1({ policy: { evidenceDays: 3 } }).creationRecord(body)).toEqual({ ...body, policyDefaults: { evidenceDays: 3 } });
  });

  it('counts the resolution deadline with the calendar it is given, else in weekdays in UTC', () => {
    const approvedAt = (version: ReturnType<typeof orderV1>) => {
      let [s] = initialTransition(version.machine, { ...sampleOrder({ id: 'S-2' }), createdAt: 0 });
      const events = [
        { type: 'SHIPPED', carrier: 'SF', trackingNumber: 'SF1' },
        { type: 'DELIVERED' },
        { type: 'ISSUE_REPORTED', kind: 'damaged' },
        { type: 'EVIDENCE_SUBMITTED', media: [{ kind: 'photo', url: 'https://img.example/1.jpg' }] },
        { type: 'VERIFICATION_APPROVED' },
      ];
      for (const event of events) [s] = transition(version.machine, s, { ...event, receivedAt: Date.parse('2026-03-02T00:00:00Z') } as never);
      return new Date((s.context as { deadlines: { resolutionDueAt: number } }).deadlines.resolutionDueAt).toISOString();
    };
    const calls: [number, number][] = [];
    const given = orderV1({ addWorkingDays: (from, days) => (calls.push([from, days]), { dueAt: from + 1, uncoveredYears: [] }) });
    expect(approvedAt(given)).toBe('2026-03-02T00:00:00.001Z');
    expect(calls).toEqual([[Date.parse('2026-03-02T00:00:00Z'), 15]]);
    // Weekdays in UTC: 15 working days after Monday 2 March 2026 end on Monday 23 March; due at midnight after it.
    expect(approvedAt(orderV1())).toBe('2026-03-24T00:00:00.000Z');
  });
});

describe("version 1's sample order", () => {
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
