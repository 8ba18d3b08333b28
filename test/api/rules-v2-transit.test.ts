import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectInvariants } from '../support/invariants.ts';
import { startServer } from '../support/server-process.ts';
import { DAY, orderBody, testApp, type TestApp } from '../support/test-app.ts';

/**
 * Version 2 through the API: no way out in transit (R13), deadlines that are never silent (R16),
 * and input that cannot be true (R17), each situation as the issue played it on version 1.
 */
async function step(t: TestApp, id: string, type: string, payload?: unknown) {
  const res = await t.send(id, type, payload);
  expect(res.status, `${type}: ${res.text}`).toBe(200);
  await expectInvariants(t, id);
  return res.body;
}

const actions = async (t: TestApp, id: string) => (await t.store.outbox(id)).map((o) => o.action);

describe('R13: in transit there is a way out', () => {
  it('a customs hold that never clears escalates once, stops reminding, and can be reshipped', async () => {
    const t = await testApp();
    await t.create({ id: 'C-1', scope: 'international' });
    await step(t, 'C-1', 'SHIPPED', { carrier: 'Cainiao', trackingNumber: 'LP1' });
    await step(t, 'C-1', 'CUSTOMS_HELD', { note: 'inspection' });
    for (let day = 0; day < 90; day++) await t.advance(DAY);
    const held = await expectInvariants(t, 'C-1');
    expect(held).toMatchObject({ state: 'inTransit.shipping.customsEscalated', waitsOn: 'seller', customs: { holds: 1 } });
    expect(held.problem).toMatchObject({ code: 'customs_escalated', rule: 'R13', recommendedEvents: ['CUSTOMS_CLEARED', 'REQUEST_RESHIP', 'REQUEST_REFUND', 'PARCEL_LOST'] });
    const sent = await actions(t, 'C-1');
    // Reminders every 3 days while held (R6), up to the escalation at 15 days; one escalation, then silence.
    expect(sent.filter((a) => a === 'escalateCustomsHold')).toHaveLength(1);
    expect(sent.filter((a) => a === 'sendCustomsReminder').length).toBeLessThanOrEqual(6);
    expect(held.deadlines).toEqual([]);
    const reship = await step(t, 'C-1', 'REQUEST_RESHIP');
    expect(reship).toMatchObject({ state: 'reship', problem: { code: 'reship_due' } });
    expect(reship.items.map((i: { toShip: number }) => i.toShip)).toEqual([2, 1]);
    const again = await step(t, 'C-1', 'RESHIPPED', { carrier: 'Cainiao', trackingNumber: 'LP2' });
    expect(again.state).toBe('inTransit.shipping.onTheWay');
    expect(again.shipments.map((s: { kind: string; lostAt: string | null }) => [s.kind, s.lostAt !== null])).toEqual([['original', true], ['reship', false]]);
  });

  it('the escalation is e-mailed and sent as a webhook kind of its own', async () => {
    const t = await testApp({ policy: { customsEscalateAfterDays: 4 } });
    await t.create({ id: 'C-2', scope: 'international', sellerEmail: 'ops@seller.example' });
    await step(t, 'C-2', 'SHIPPED', { carrier: 'Cainiao', trackingNumber: 'LP9' });
    await step(t, 'C-2', 'CUSTOMS_HELD');
    await t.advance(4 * DAY);
    const escalation = (await t.store.outbox('C-2')).find((o) => o.action === 'escalateCustomsHold');
    expect(escalation?.payload).toMatchObject({ to: 'ops@seller.example', trackingNumber: 'LP9' });
    await t.app.deliveryWorker.runOnce();
    const notes = (await t.call('GET', '/orders/C-2/notifications')).body;
    expect(JSON.stringify(notes)).toContain('customs.escalated');
  });

  it('a lost parcel can be refunded (or reshipped)', async () => {
    const t = await testApp();
    await t.create({ id: 'L-1' });
    await step(t, 'L-1', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-L-1' });
    const lost = await step(t, 'L-1', 'PARCEL_LOST', { note: 'the carrier confirmed the loss' });
    expect(lost).toMatchObject({ state: 'inTransit.shipping.lost', problem: { code: 'parcel_lost', recommendedEvents: ['REQUEST_RESHIP', 'REQUEST_REFUND'] } });
    const refund = await step(t, 'L-1', 'REQUEST_REFUND');
    expect(refund.money.refundRequest).toMatchObject({ amount: 5500, reason: 'parcel_lost' });
    expect(await step(t, 'L-1', 'REFUND_ISSUED', { amount: 5500 })).toMatchObject({ state: 'refunded', status: 'closed' });

    await t.create({ id: 'L-2' });
    await step(t, 'L-2', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-L-2' });
    await step(t, 'L-2', 'PARCEL_LOST');
    const wrong = await t.send('L-2', 'REQUEST_RESHIP', { items: [{ sku: 'plate', quantity: 2 }] });
    expect(wrong.body.errors).toEqual([{ path: 'payload.items.0.quantity', message: '2 of plate exceeds the 1 in the parcel' }]);
    expect((await step(t, 'L-2', 'REQUEST_RESHIP')).state).toBe('reship');
  });

  it('a domestic parcel is never held in customs', async () => {
    const t = await testApp();
    await t.create({ id: 'L-3' });
    await step(t, 'L-3', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-L-3' });
    const res = await t.send('L-3', 'CUSTOMS_HELD');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ reason: 'a domestic parcel is never held in customs (R13)', acceptedEvents: ['CANCEL_REQUESTED', 'DELIVERED', 'PARCEL_LOST'] });
  });
});

describe('the deadlines of version 2, set by the deployment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aftersales-v2-deadlines-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('CUSTOMS_ESCALATE_AFTER_DAYS and SUPPLIER_REFUND_REMIND_DAYS set when the hold escalates and the owed refund reminds', async () => {
    const server = startServer({ PORT: '0', DATABASE_FILE: join(dir, 'env.db'), DATABASE_URL: '', CUSTOMS_ESCALATE_AFTER_DAYS: '5', SUPPLIER_REFUND_REMIND_DAYS: '2' });
    try {
      const base = await server.url;
      const post = (path: string, body: unknown) => fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect((await post('/orders', orderBody({ id: 'ENV-1', scope: 'international' }))).status).toBe(201);
      const switched = (await (await post('/orders/ENV-1/events', { type: 'SWITCH_SUPPLIER', payload: { supplier: { id: 'alt' } } })).json()) as {
        deadlines: { name: string; dueAt: string }[];
        suppliers: { replacedAt: string | null }[];
      };
      await post('/orders/ENV-1/events', { type: 'SHIPPED', payload: { carrier: 'SF', trackingNumber: 'E1' } });
      const held = (await (await post('/orders/ENV-1/events', { type: 'CUSTOMS_HELD' })).json()) as { deadlines: { name: string; dueAt: string }[] };
      const due = (view: { deadlines: { name: string; dueAt: string }[] }, name: string) => Date.parse(view.deadlines.find((d) => d.name === name)!.dueAt);
      const reminder = due(held, 'customsReminderAt') - 3 * DAY; // the hold began when the first reminder went out
      expect(due(held, 'customsEscalateAt') - reminder).toBe(5 * DAY);
      expect(due(switched, 'supplierRefundRemindAt') - Date.parse(switched.suppliers[0]!.replacedAt!)).toBe(2 * DAY);
      expect(due(held, 'supplierRefundRemindAt')).toBe(due(switched, 'supplierRefundRemindAt'));
    } finally {
      await server.stop();
    }
  });
});

describe('R16: a deadline is never silent', () => {
  it('an escalated reship shows its problem until someone acts', async () => {
    const t = await testApp();
    await t.create({ id: 'E-1' });
    await step(t, 'E-1', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-E-1' });
    await step(t, 'E-1', 'DELIVERED');
    await step(t, 'E-1', 'ISSUE_REPORTED', { kind: 'missing_item', items: [{ sku: 'plate', quantity: 1 }] });
    await step(t, 'E-1', 'EVIDENCE_SUBMITTED', { media: [{ kind: 'video', url: 'https://img.example/unboxing.mp4' }] });
    await step(t, 'E-1', 'VERIFICATION_APPROVED');
    await step(t, 'E-1', 'REQUEST_RESHIP');
    await t.advance(30 * DAY);
    const late = await expectInvariants(t, 'E-1');
    expect(late).toMatchObject({ state: 'reship', resolution: { escalated: true } });
    expect(late.problem).toMatchObject({ code: 'resolution_overdue', rule: 'R16', recommendedEvents: ['RESHIPPED', 'REQUEST_REFUND'] });
    expect(await actions(t, 'E-1')).toEqual(['requestVerification', 'escalateResolution']);
  });

  it('the evidence deadline e-mails the seller that the claim was closed', async () => {
    const t = await testApp();
    await t.create({ id: 'E-2', sellerEmail: 'ops@seller.example' });
    await step(t, 'E-2', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-E-2' });
    await step(t, 'E-2', 'DELIVERED');
    await step(t, 'E-2', 'ISSUE_REPORTED', { kind: 'wrong_item', items: [{ sku: 'mug-blue', quantity: 1 }] });
    await t.advance(7 * DAY);
    const [closed] = await t.store.outbox('E-2');
    expect(closed).toMatchObject({ action: 'notifyClaimClosed', payload: { to: 'ops@seller.example', kind: 'wrong_item', outcome: 'evidence_missing' } });
    const view = await expectInvariants(t, 'E-2');
    expect(view.notice).toMatchObject({ code: 'claim_closed' });
    // Someone acts: a new claim clears the notice.
    expect((await step(t, 'E-2', 'ISSUE_REPORTED', { kind: 'wrong_item', items: [{ sku: 'mug-blue', quantity: 1 }] })).notice).toBeNull();
  });
});

describe('R17: input that cannot be true is refused with 422, and nothing changes', () => {
  async function unchanged(t: TestApp, id: string, send: () => Promise<{ status: number; headers: Headers; body: { errors: { path: string; message: string }[] } }>) {
    const before = (await t.get(id)).body;
    const res = await send();
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect((await t.get(id)).body).toEqual(before);
    return res.body.errors;
  }

  it('DELIVERED.at before the shipment, or in the future', async () => {
    const t = await testApp();
    await t.create({ id: 'I-1' });
    await step(t, 'I-1', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-I-1' });
    expect(await unchanged(t, 'I-1', () => t.send('I-1', 'DELIVERED', { at: '2000-01-01T00:00:00Z' }))).toEqual([
      { path: 'payload.at', message: 'lies before the parcel shipped (2026-03-02T01:00:00.000Z)' },
    ]);
    expect(await unchanged(t, 'I-1', () => t.send('I-1', 'DELIVERED', { at: '2099-01-01T00:00:00Z' }))).toEqual([{ path: 'payload.at', message: 'lies in the future' }]);
  });

  it('REFUND_ISSUED above the refund in progress', async () => {
    const t = await testApp();
    await t.create({ id: 'I-2' });
    await step(t, 'I-2', 'REQUEST_REFUND', { amount: 1250 });
    expect(await unchanged(t, 'I-2', () => t.send('I-2', 'REFUND_ISSUED', { amount: 5500 }))).toEqual([
      { path: 'payload.amount', message: 'exceeds the refund in progress: 1250 (CNY minor units)' },
    ]);
  });

  it('the same SKU on two lines, a total above 2^53−1 minor units, a currency that is not ISO 4217', async () => {
    const t = await testApp();
    const create = (overrides: Record<string, unknown>) => t.call('POST', '/orders', orderBody({ id: 'I-3', ...overrides }));
    const twice = await create({ items: [{ sku: 'mug-blue', quantity: 1, unitPrice: 1250 }, { sku: 'mug-blue', quantity: 1, unitPrice: 999 }] });
    expect([twice.status, twice.body.errors]).toEqual([422, [{ path: 'items.1.sku', message: 'mug-blue is on another line already: one line per SKU' }]]);
    const big = Number.MAX_SAFE_INTEGER;
    const huge = await create({ items: [{ sku: 'a', quantity: 2, unitPrice: big }] });
    expect(huge.status).toBe(422);
    const sum = await create({ items: [{ sku: 'a', quantity: 1, unitPrice: big }, { sku: 'b', quantity: 1, unitPrice: 1 }] });
    expect([sum.status, sum.body.errors]).toEqual([422, [{ path: 'items', message: `the order total exceeds ${big} minor units` }]]);
    const abc = await create({ currency: 'ABC' });
    expect([abc.status, abc.headers.get('content-type'), abc.body.errors]).toEqual([422, 'application/problem+json', [{ path: 'currency', message: 'an ISO 4217 code such as CNY or EUR' }]]);
    expect((await t.get('I-3')).status).toBe(404);
    expect((await create({ currency: 'EUR' })).status).toBe(201);
  });
});
