import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { currencyCodes, isCurrencyCode } from '../../machines/order/v2/currencies.ts';
import { clientEventSchemas, clientEventTypes, createOrderSchema, isClientEventType, refundReasons } from '../../machines/order/v2/index.ts';

// Version 2's payload schemas, purely: what the API takes (text trimmed, unknown fields refused)
// and what it refuses, with the messages a client sees; and the currencies an order may be in,
// frozen with the version (R17).
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

// ISO 4217 as version 2 froze it: the codes in circulation and four recently withdrawn ones.
const frozenCodes = `AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP
CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD
JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR
NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP
TRY TTD TWD TZS UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD XCG XDR XOF XPF XSU YER ZAR ZMW ZWG ZWL`.split(/\s+/);

describe("version 2's currencies", () => {
  it('takes an order in each ISO 4217 code it froze, and in no other', () => {
    expect(frozenCodes).toHaveLength(162);
    expect([...currencyCodes]).toEqual(frozenCodes);
    for (const currency of frozenCodes) expect(createOrderSchema.safeParse({ ...order, currency }).success, currency).toBe(true);
    for (const currency of ['cny', 'XXX', 'XTS', 'HRK', 'CNYX', '', 'constructor'])
      expect(refused(createOrderSchema, { ...order, currency }), currency).toEqual(['currency: an ISO 4217 code such as CNY or EUR']);
    expect(isCurrencyCode('EUR')).toBe(true);
    expect(isCurrencyCode('toString')).toBe(false);
  });
});

describe("version 2's order schema", () => {
  it('takes an order, trimming its text', () => {
    expect(ok(createOrderSchema, order)).toEqual(order);
    const padded = { ...order, id: ' A-1 ', scope: 'international', supplier: { id: ' sup-1 ', name: ' Mugs Ltd ' }, items: [{ sku: ' mug ', quantity: 2, unitPrice: 1250 }], policy: { protectionWindowDays: 30, evidenceDays: 10 } };
    expect(ok(createOrderSchema, padded)).toEqual({ ...order, id: 'A-1', scope: 'international', items: [{ sku: 'mug', quantity: 2, unitPrice: 1250 }], policy: { protectionWindowDays: 30, evidenceDays: 10 } });
    expect(ok(createOrderSchema, { ...order, supplier: { id: 'sup-1' } })).toEqual({ ...order, supplier: { id: 'sup-1' } });
  });

  it('refuses a SKU on two lines and a total it cannot keep exact (R17)', () => {
    expect(refused(createOrderSchema, { ...order, items: [{ sku: 'mug', quantity: 1, unitPrice: 1 }, { sku: 'plate', quantity: 1, unitPrice: 1 }, { sku: 'mug', quantity: 1, unitPrice: 2 }] })).toEqual([
      'items.2.sku: mug is on another line already: one line per SKU',
    ]);
    const huge = Number.MAX_SAFE_INTEGER;
    expect(refused(createOrderSchema, { ...order, items: [{ sku: 'a', quantity: 1, unitPrice: huge }, { sku: 'b', quantity: 1, unitPrice: 1 }] })).toEqual([
      `items: the order total exceeds ${huge} minor units`,
    ]);
    ok(createOrderSchema, { ...order, items: [{ sku: 'a', quantity: 1, unitPrice: huge - 1 }, { sku: 'b', quantity: 1, unitPrice: 1 }] });
  });

  it('refuses what an order cannot be', () => {
    expect(refused(createOrderSchema, { ...order, id: 'A 1' })).toEqual(['id: letters, digits and . _ : - only']);
    refused(createOrderSchema, { ...order, scope: 'galactic' });
    refused(createOrderSchema, { ...order, sellerEmail: 'seller' });
    refused(createOrderSchema, { ...order, items: [] });
    refused(createOrderSchema, { ...order, items: [{ sku: ' ', quantity: 1, unitPrice: 1 }] });
    refused(createOrderSchema, { ...order, items: [{ sku: 'mug', quantity: 0, unitPrice: 1 }] });
    refused(createOrderSchema, { ...order, items: [{ sku: 'mug', quantity: 1, unitPrice: 1.5 }] });
    refused(createOrderSchema, { ...order, supplier: { id: 'sup-1', name: ' ' } });
    refused(createOrderSchema, { ...order, shipBy: '4 March' });
    refused(createOrderSchema, { ...order, extra: true });
    refused(createOrderSchema, { ...order, policy: { protectionWindowDays: 30, customsEscalateAfterDays: 3 } });
    refused(createOrderSchema, { ...order, policy: { evidenceDays: 91 } });
  });
});

describe("version 2's event schemas", () => {
  it('take each event, trimming its text', () => {
    const cases: [type: keyof typeof clientEventSchemas, payload: unknown, parsed: unknown][] = [
      ['SHIPPED', { carrier: ' SF ', trackingNumber: ' SF1 ' }, { carrier: 'SF', trackingNumber: 'SF1' }],
      ['STOCK_UNAVAILABLE', { note: ' sold out ' }, { note: 'sold out' }],
      ['SWITCH_SUPPLIER', { supplier: { id: ' alt-1 ', name: ' Alt ' }, shipBy: '2026-03-05T00:00:00+08:00' }, { supplier: { id: 'alt-1', name: 'Alt' }, shipBy: '2026-03-05T00:00:00+08:00' }],
      ['REQUEST_REFUND', { reason: 'oversized', note: ' plate too big ', amount: 3000, items: [{ sku: ' plate ', quantity: 1 }] }, { reason: 'oversized', note: 'plate too big', amount: 3000, items: [{ sku: 'plate', quantity: 1 }] }],
      ['REQUEST_REFUND', {}, {}],
      ['CANCEL_REQUESTED', { reason: 'wrong_address' }, { reason: 'wrong_address' }],
      ['DELIVERED', { at: '2026-03-05T10:00:00+08:00' }, { at: '2026-03-05T10:00:00+08:00' }],
      ['ISSUE_REPORTED', { kind: 'wrong_item', items: [{ sku: ' mug ', quantity: 2 }], description: ' red ' }, { kind: 'wrong_item', items: [{ sku: 'mug', quantity: 2 }], description: 'red' }],
      ['EVIDENCE_SUBMITTED', { media: [{ kind: 'video', url: 'https://img.example/2.mp4' }] }, { media: [{ kind: 'video', url: 'https://img.example/2.mp4' }] }],
      ['VERIFICATION_APPROVED', { reason: ' clear ' }, { reason: 'clear' }],
      ['VERIFICATION_REJECTED', { reason: ' blurry ' }, { reason: 'blurry' }],
      ['REQUEST_RESHIP', { items: [{ sku: ' mug ', quantity: 1 }] }, { items: [{ sku: 'mug', quantity: 1 }] }],
      ['RESHIPPED', { carrier: ' YT ', trackingNumber: ' YT2 ' }, { carrier: 'YT', trackingNumber: 'YT2' }],
      ['REFUND_ISSUED', { amount: 1, reference: ' RF-1 ' }, { amount: 1, reference: 'RF-1' }],
      ['PARCEL_LOST', { note: ' gone ' }, { note: 'gone' }],
      ['SUPPLIER_REFUNDED', { supplierId: ' sup-1 ', amount: 4000, reference: ' TM-1 ' }, { supplierId: 'sup-1', amount: 4000, reference: 'TM-1' }],
    ];
    for (const [type, payload, parsed] of cases) expect(ok(clientEventSchemas[type], payload), type).toEqual(parsed);
    for (const reason of refundReasons) expect(ok(clientEventSchemas.REQUEST_REFUND, { reason }), reason).toEqual({ reason });
  });

  it('refuse what an event cannot carry', () => {
    const cases: [type: keyof typeof clientEventSchemas, payload: unknown][] = [
      ['SHIPPED', { carrier: 'SF' }],
      ['STOCK_UNAVAILABLE', { note: '   ' }],
      ['STOCK_UNAVAILABLE', { note: 'x'.repeat(2001) }],
      ['SWITCH_SUPPLIER', { supplier: { id: 'alt-1' }, shipBy: 'tomorrow' }],
      ['REQUEST_REFUND', { amount: 0 }],
      ['REQUEST_REFUND', { amount: 1.5 }],
      ['REQUEST_REFUND', { reason: 'plate broken' }],
      ['REQUEST_REFUND', { items: [] }],
      ['REQUEST_REFUND', { items: [{ sku: 'mug', quantity: 0 }] }],
      ['CANCEL_REQUESTED', { reason: 'changed_mind' }],
      ['DELIVERED', { at: 'now' }],
      ['ISSUE_REPORTED', { kind: 'damaged', items: [] }],
      ['EVIDENCE_SUBMITTED', { media: [{ kind: 'photo', url: 'not a url' }] }],
      ['REQUEST_RESHIP', { items: [] }],
      ['REFUND_ISSUED', { amount: 0 }],
      ['PARCEL_LOST', { reason: 'x' }],
      ['SUPPLIER_REFUNDED', { supplierId: ' ', amount: 1 }],
      ['SUPPLIER_REFUNDED', { supplierId: 'sup-1', amount: 0 }],
      ['SUPPLIER_REFUNDED', { supplierId: 'sup-1', amount: 1, reference: ' ' }],
    ];
    for (const [type, payload] of cases) refused(clientEventSchemas[type], payload);
  });

  it('are the client events of version 2, in order; a timer or an inherited name is none', () => {
    expect(clientEventTypes).toEqual([
      'SHIPPED', 'STOCK_UNAVAILABLE', 'ITEM_OVERSIZED', 'SUPPLIER_CONTACTED', 'SUPPLIER_UNRESPONSIVE', 'SWITCH_SUPPLIER', 'REQUEST_REFUND', 'CANCEL_REQUESTED',
      'INTERCEPT_SUCCEEDED', 'INTERCEPT_FAILED', 'CUSTOMS_HELD', 'CUSTOMS_CLEARED', 'DELIVERED', 'ISSUE_REPORTED', 'EVIDENCE_SUBMITTED',
      'VERIFICATION_APPROVED', 'VERIFICATION_REJECTED', 'REQUEST_RESHIP', 'RESHIPPED', 'REFUND_ISSUED', 'PARCEL_LOST', 'SUPPLIER_REFUNDED',
    ]);
    expect(refundReasons).toEqual(['out_of_stock', 'oversized', 'supplier_unresponsive', 'shipment_overdue', 'claim', 'parcel_lost', 'customer_cancelled', 'wrong_address', 'other']);
    expect(isClientEventType('PARCEL_LOST')).toBe(true);
    expect(isClientEventType('TIMER.EXPEDITE')).toBe(false);
    expect(isClientEventType('toString')).toBe(false);
  });
});
