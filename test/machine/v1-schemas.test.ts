import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { clientEventSchemas, clientEventTypes, createOrderSchema, isClientEventType } from '../../machines/order/v1/schemas.ts';

// Version 1's payload schemas, purely: what the API takes for an order pinned to version 1 and
// what it makes of it (text trimmed, unknown fields refused), and what it refuses. The API tests
// run on version 2's schemas, so version 1's are checked here.
const ok = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  return result.data;
};
const refused = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  expect(result.success, `${JSON.stringify(value)} was taken`).toBe(false);
  return result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

const order = {
  id: 'A-1.b_c:2',
  scope: 'domestic',
  sellerEmail: 'seller@shop.example',
  supplier: { id: 'sup-1', name: 'Mugs Ltd' },
  items: [
    { sku: 'mug', quantity: 2, unitPrice: 1250 },
    { sku: 'plate', quantity: 1, unitPrice: 0 },
  ],
  currency: 'CNY',
  shipBy: '2026-03-04T08:00:00+08:00',
};

describe("version 1's order schema", () => {
  it('takes an order, trimming its text', () => {
    expect(ok(createOrderSchema, order)).toEqual(order);
    const padded = { ...order, id: ' A-1 ', scope: 'international', supplier: { id: ' sup-1 ', name: ' Mugs Ltd ' }, items: [{ sku: ' mug ', quantity: 2, unitPrice: 1250 }], policy: { protectionWindowDays: 30, evidenceDays: 10 } };
    expect(ok(createOrderSchema, padded)).toEqual({ ...order, id: 'A-1', scope: 'international', items: [{ sku: 'mug', quantity: 2, unitPrice: 1250 }], policy: { protectionWindowDays: 30, evidenceDays: 10 } });
    expect(ok(createOrderSchema, { ...order, supplier: { id: 'sup-1' } })).toEqual({ ...order, supplier: { id: 'sup-1' } });
  });

  it('refuses ids and currencies it cannot use, saying what they may be', () => {
    expect(refused(createOrderSchema, { ...order, id: 'A 1' })).toEqual(['id: letters, digits and . _ : - only']);
    expect(refused(createOrderSchema, { ...order, id: 'A/1' })).toEqual(['id: letters, digits and . _ : - only']);
    expect(refused(createOrderSchema, { ...order, id: '' })).toHaveLength(2);
    for (const currency of ['cny', 'CNYX', 'CN', 'C1Y', ' CNY'])
      expect(refused(createOrderSchema, { ...order, currency })).toEqual(['currency: an ISO 4217 code such as CNY or EUR']);
  });

  it('refuses what an order cannot be', () => {
    refused(createOrderSchema, { ...order, scope: 'galactic' });
    refused(createOrderSchema, { ...order, sellerEmail: 'seller' });
    refused(createOrderSchema, { ...order, items: [] });
    refused(createOrderSchema, { ...order, items: [{ sku: ' ', quantity: 1, unitPrice: 1 }] });
    refused(createOrderSchema, { ...order, supplier: { id: 'sup-1', name: ' ' } });
    refused(createOrderSchema, { ...order, shipBy: '4 March' });
    refused(createOrderSchema, { ...order, extra: true });
    refused(createOrderSchema, { ...order, policy: { protectionWindowDays: 30, resolutionWorkingDays: 3 } });
    refused(createOrderSchema, { ...order, policy: { protectionWindowDays: 0 } });
    refused(createOrderSchema, { ...order, policy: { evidenceDays: 91 } });
  });
});

describe("version 1's event schemas", () => {
  it('take each event, trimming its text', () => {
    const cases: [type: keyof typeof clientEventSchemas, payload: unknown, parsed: unknown][] = [
      ['SHIPPED', { carrier: ' SF ', trackingNumber: ' SF1 ' }, { carrier: 'SF', trackingNumber: 'SF1' }],
      ['STOCK_UNAVAILABLE', { note: ' sold out ' }, { note: 'sold out' }],
      ['ITEM_OVERSIZED', {}, {}],
      ['SUPPLIER_CONTACTED', { note: 'called' }, { note: 'called' }],
      ['SUPPLIER_UNRESPONSIVE', { note: 'no answer' }, { note: 'no answer' }],
      ['SWITCH_SUPPLIER', { supplier: { id: ' alt-1 ', name: ' Alt ' }, shipBy: '2026-03-05T00:00:00+08:00' }, { supplier: { id: 'alt-1', name: 'Alt' }, shipBy: '2026-03-05T00:00:00+08:00' }],
      ['REQUEST_REFUND', { reason: ' plate broken ', amount: 3000 }, { reason: 'plate broken', amount: 3000 }],
      ['CANCEL_REQUESTED', { reason: 'customer_cancelled' }, { reason: 'customer_cancelled' }],
      ['CANCEL_REQUESTED', { reason: 'wrong_address' }, { reason: 'wrong_address' }],
      ['INTERCEPT_SUCCEEDED', { note: 'stopped' }, { note: 'stopped' }],
      ['INTERCEPT_FAILED', {}, {}],
      ['CUSTOMS_HELD', { note: 'duty' }, { note: 'duty' }],
      ['CUSTOMS_CLEARED', {}, {}],
      ['DELIVERED', { at: '2026-03-05T10:00:00+08:00' }, { at: '2026-03-05T10:00:00+08:00' }],
      ['ISSUE_REPORTED', { kind: 'wrong_item', items: [{ sku: ' mug ', quantity: 2 }, { sku: 'plate', quantity: 1 }], description: ' red ' }, { kind: 'wrong_item', items: [{ sku: 'mug', quantity: 2 }, { sku: 'plate', quantity: 1 }], description: 'red' }],
      ['ISSUE_REPORTED', { kind: 'missing_item' }, { kind: 'missing_item' }],
      ['ISSUE_REPORTED', { kind: 'damaged' }, { kind: 'damaged' }],
      ['EVIDENCE_SUBMITTED', { media: [{ kind: 'photo', url: 'https://img.example/1.jpg' }, { kind: 'video', url: 'https://img.example/2.mp4' }] }, { media: [{ kind: 'photo', url: 'https://img.example/1.jpg' }, { kind: 'video', url: 'https://img.example/2.mp4' }] }],
      ['VERIFICATION_APPROVED', { reason: ' clear ' }, { reason: 'clear' }],
      ['VERIFICATION_REJECTED', { reason: ' blurry ' }, { reason: 'blurry' }],
      ['REQUEST_RESHIP', { items: [{ sku: ' mug ', quantity: 1 }, { sku: 'plate', quantity: 1 }] }, { items: [{ sku: 'mug', quantity: 1 }, { sku: 'plate', quantity: 1 }] }],
      ['RESHIPPED', { carrier: ' YT ', trackingNumber: ' YT2 ' }, { carrier: 'YT', trackingNumber: 'YT2' }],
      ['REFUND_ISSUED', { amount: 1, reference: ' RF-1 ' }, { amount: 1, reference: 'RF-1' }],
    ];
    for (const [type, payload, parsed] of cases) expect(ok(clientEventSchemas[type], payload), type).toEqual(parsed);
  });

  it('refuse what an event cannot carry', () => {
    const cases: [type: keyof typeof clientEventSchemas, payload: unknown][] = [
      ['SHIPPED', { carrier: 'SF' }],
      ['SHIPPED', { carrier: ' ', trackingNumber: 'SF1' }],
      ['STOCK_UNAVAILABLE', { note: '   ' }],
      ['STOCK_UNAVAILABLE', { reason: 'x' }],
      ['SWITCH_SUPPLIER', { supplier: { id: 'alt-1' }, shipBy: 'tomorrow' }],
      ['REQUEST_REFUND', { amount: 0 }],
      ['REQUEST_REFUND', { reason: ' ' }],
      ['CANCEL_REQUESTED', { reason: 'changed_mind' }],
      ['CANCEL_REQUESTED', {}],
      ['DELIVERED', { at: 'now' }],
      ['ISSUE_REPORTED', { kind: 'late' }],
      ['ISSUE_REPORTED', { kind: 'damaged', items: [] }],
      ['ISSUE_REPORTED', { kind: 'damaged', description: ' ' }],
      ['EVIDENCE_SUBMITTED', { media: [] }],
      ['EVIDENCE_SUBMITTED', { media: [{ kind: 'audio', url: 'https://img.example/1.mp3' }] }],
      ['EVIDENCE_SUBMITTED', { media: [{ kind: 'photo', url: 'https://img.example/1.jpg', caption: 'x' }] }],
      ['VERIFICATION_APPROVED', { reason: ' ' }],
      ['VERIFICATION_REJECTED', { reason: ' ' }],
      ['REQUEST_RESHIP', { items: [] }],
      ['REQUEST_RESHIP', { items: [{ sku: ' ', quantity: 1 }] }],
      ['REFUND_ISSUED', {}],
      ['REFUND_ISSUED', { amount: 1, reference: ' ' }],
    ];
    for (const [type, payload] of cases) refused(clientEventSchemas[type], payload);
  });

  it('are the client events of version 1, in order; a timer or an inherited name is none', () => {
    expect(clientEventTypes).toEqual([
      'SHIPPED', 'STOCK_UNAVAILABLE', 'ITEM_OVERSIZED', 'SUPPLIER_CONTACTED', 'SUPPLIER_UNRESPONSIVE', 'SWITCH_SUPPLIER', 'REQUEST_REFUND', 'CANCEL_REQUESTED',
      'INTERCEPT_SUCCEEDED', 'INTERCEPT_FAILED', 'CUSTOMS_HELD', 'CUSTOMS_CLEARED', 'DELIVERED', 'ISSUE_REPORTED', 'EVIDENCE_SUBMITTED',
      'VERIFICATION_APPROVED', 'VERIFICATION_REJECTED', 'REQUEST_RESHIP', 'RESHIPPED', 'REFUND_ISSUED',
    ]);
    expect(isClientEventType('SHIPPED')).toBe(true);
    expect(isClientEventType('TIMER.EXPEDITE')).toBe(false);
    expect(isClientEventType('toString')).toBe(false);
  });
});
