import { describe, expect, it } from 'vitest';
import { testApp } from '../support/test-app.ts';

// The limits of the order and event schemas, as a client meets them: blank text (only spaces)
// is refused like empty text, identifiers and currencies have a format, times carry an offset.
// A payload is checked before the state is, so every event can be tried on a fresh order: 422
// lists the invalid fields; a valid payload is answered 200 or, if the state does not take it, 409.

const blank = '   ';
const paths = (errors: { path: string }[]) => [...new Set(errors.map((e) => e.path))].sort();

describe('event payloads', () => {
  const cases: [type: string, payload: Record<string, unknown>, invalid: string[]][] = [
    ['SHIPPED', { carrier: blank, trackingNumber: blank }, ['payload.carrier', 'payload.trackingNumber']],
    ['RESHIPPED', { carrier: blank, trackingNumber: 'T1' }, ['payload.carrier']],
    ['RESHIPPED', { carrier: 'SF', trackingNumber: blank }, ['payload.trackingNumber']],
    ['STOCK_UNAVAILABLE', { note: blank }, ['payload.note']],
    ['SUPPLIER_CONTACTED', { note: 'x'.repeat(2001) }, ['payload.note']],
    ['SWITCH_SUPPLIER', { supplier: { id: blank, name: blank } }, ['payload.supplier.id', 'payload.supplier.name']],
    ['SWITCH_SUPPLIER', { supplier: { id: 'alt' }, shipBy: '2026-03-09T00:00:00' }, ['payload.shipBy']],
    ['REQUEST_REFUND', { reason: blank }, ['payload.reason']],
    ['REQUEST_REFUND', { amount: 0 }, ['payload.amount']],
    ['REQUEST_REFUND', { amount: 10.5 }, ['payload.amount']],
    ['CANCEL_REQUESTED', { reason: 'changed_mind' }, ['payload.reason']],
    ['ISSUE_REPORTED', { kind: 'damaged', description: blank }, ['payload.description']],
    ['ISSUE_REPORTED', { kind: 'damaged', items: [] }, ['payload.items']],
    ['ISSUE_REPORTED', { kind: 'damaged', items: [{ sku: blank, quantity: 1 }] }, ['payload.items.0.sku']],
    ['ISSUE_REPORTED', { kind: 'lost', items: [{ sku: 'plate', quantity: 0 }] }, ['payload.items.0.quantity', 'payload.kind']],
    ['EVIDENCE_SUBMITTED', { media: [{ kind: 'photo', url: 'https://img.example/1.jpg', caption: 'x' }] }, ['payload.media.0.caption']],
    ['VERIFICATION_APPROVED', { reason: blank }, ['payload.reason']],
    ['VERIFICATION_REJECTED', { reason: blank }, ['payload.reason']],
    ['REQUEST_RESHIP', { items: [{ sku: blank, quantity: 1 }] }, ['payload.items.0.sku']],
    ['REFUND_ISSUED', { amount: 100, reference: blank }, ['payload.reference']],
    ['REFUND_ISSUED', {}, ['payload.amount']],
  ];

  it('refuses blank text, out-of-range numbers, unknown values and extra keys, listing each field', async () => {
    const t = await testApp();
    await t.create({ id: 'L-1' });
    for (const [type, payload, invalid] of cases) {
      const res = await t.send('L-1', type, payload);
      expect(res.status, `${type} ${JSON.stringify(payload)}`).toBe(422);
      expect(paths(res.body.errors), `${type} ${JSON.stringify(payload)}`).toEqual(invalid);
    }
    expect((await t.get('L-1')).body.version).toBe(1);
  });

  it('takes the longest and the multi-valued payloads the limits allow', async () => {
    const t = await testApp();
    await t.create({ id: 'L-2' });
    const valid: [string, Record<string, unknown>][] = [
      ['SUPPLIER_CONTACTED', { note: 'x'.repeat(2000) }],
      ['SWITCH_SUPPLIER', { supplier: { id: 's'.repeat(200), name: 'n'.repeat(200) }, shipBy: '2026-03-09T08:00:00+08:00' }],
      ['ISSUE_REPORTED', { kind: 'missing_item', items: [{ sku: 'plate', quantity: 1 }, { sku: 'mug-blue', quantity: 2 }], description: 'd'.repeat(5000) }],
      ['EVIDENCE_SUBMITTED', { media: [{ kind: 'photo', url: 'https://img.example/1.jpg' }, { kind: 'video', url: 'https://img.example/2.mp4' }] }],
      ['REQUEST_RESHIP', { items: [{ sku: 'plate', quantity: 1 }, { sku: 'mug-blue', quantity: 1 }] }],
      ['REFUND_ISSUED', { amount: 100, reference: 'r'.repeat(200) }],
    ];
    for (const [type, payload] of valid) {
      const res = await t.send('L-2', type, payload);
      expect([200, 409], `${type}: ${res.text}`).toContain(res.status);
    }
  });

  it('stores text trimmed', async () => {
    const t = await testApp();
    await t.create({ id: 'L-3', scope: 'international' });
    const o = (await t.send('L-3', 'SHIPPED', { carrier: '  SF Express ', trackingNumber: ' SF1 ' })).body;
    expect(o.shipments[0]).toMatchObject({ carrier: 'SF Express', trackingNumber: 'SF1' });
    expect((await t.send('L-3', 'CUSTOMS_HELD', { note: '  duty unpaid  ' })).body.lastNote.text).toBe('duty unpaid');
    await t.send('L-3', 'DELIVERED');
    expect((await t.send('L-3', 'ISSUE_REPORTED', { kind: 'damaged', items: [{ sku: ' plate ', quantity: 1 }] })).body.claim.items).toEqual([{ sku: 'plate', quantity: 1 }]);
    const spaced = await t.create({ id: ' L-4 ' });
    expect([spaced.status, spaced.body.id]).toEqual([201, 'L-4']);
  });
});

describe('order bodies', () => {
  it('refuses ids with other characters, anywhere in the id, saying which are allowed', async () => {
    const t = await testApp();
    for (const id of ['bad id', 'bad/id', 'ok!', '!ok', blank, 'x'.repeat(121)]) {
      const res = await t.create({ id });
      expect(res.status, id).toBe(422);
      expect(paths(res.body.errors), id).toEqual(['id']);
    }
    expect((await t.create({ id: 'bad id' })).body.errors).toEqual([{ path: 'id', message: 'letters, digits and . _ : - only' }]);
    for (const id of ['A.b_c:d-1', 'x'.repeat(120), '7']) expect((await t.create({ id })).status, id).toBe(201);
  });

  it('refuses a currency that is not three capital letters', async () => {
    const t = await testApp();
    for (const currency of ['EURO', 'XEUR', 'EU', 'eur', 'E1R', '']) {
      const res = await t.create({ currency });
      expect(res.status, currency).toBe(422);
      expect(res.body.errors, currency).toEqual([{ path: 'currency', message: 'an ISO 4217 code such as CNY or EUR' }]);
    }
    expect((await t.create({ currency: 'EUR' })).body.currency).toBe('EUR');
  });

  it('refuses blank and missing parts and a shipBy without offset; takes a shipBy with one', async () => {
    const t = await testApp();
    const bad = await t.create({ supplier: { id: blank, name: blank }, items: [{ sku: blank, quantity: 1, unitPrice: 1 }], shipBy: '2026-03-04' });
    expect(paths(bad.body.errors)).toEqual(['items.0.sku', 'shipBy', 'supplier.id', 'supplier.name']);
    expect(paths((await t.create({ items: [] })).body.errors)).toEqual(['items']);
    expect(paths((await t.create({ policy: { evidenceDays: 91, protectionWindowDays: 366 } })).body.errors)).toEqual(['policy.evidenceDays', 'policy.protectionWindowDays']);
    const offset = await t.create({ id: 'O-1', shipBy: '2026-03-04T08:00:00+08:00', policy: { evidenceDays: 90, protectionWindowDays: 365 } });
    expect(offset.status).toBe(201);
    expect(offset.body.shipBy).toBe('2026-03-04T00:00:00.000Z');
  });
});
