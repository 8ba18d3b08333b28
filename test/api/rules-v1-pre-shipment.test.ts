import { describe, expect, it } from 'vitest';
import { expectInvariants } from '../support/invariants.ts';
import { DAY, type TestApp } from '../support/test-app.ts';
import { testAppV1 as testApp } from '../support/v1-app.ts';

// Version 1 through the API, on a host that serves version 1 only (test/support/v1-app.ts): version 1
// is frozen but still runs the orders pinned to it, so its rules keep their tests. These are the tests
// of version 1 as they stood before version 2 became the default (b1eab33^), unchanged but for the host.

const shipBy = Date.parse('2026-03-04T00:00:00Z');

async function step(t: TestApp, id: string, type: string, payload?: unknown) {
  const res = await t.send(id, type, payload);
  expect(res.status, `${type}: ${res.text}`).toBe(200);
  await expectInvariants(t, id);
  return res.body;
}

async function outboxActions(t: TestApp, id: string) {
  return (await t.store.outbox(id)).map((o) => o.action);
}

describe('R1: no stock available', () => {
  it('recommends a refund or another supplier; a refund returns the money', async () => {
    const t = await testApp();
    await t.create({ id: 'R1-a' });
    const o = await step(t, 'R1-a', 'STOCK_UNAVAILABLE', { note: 'supplier says sold out' });
    expect(o.state).toBe('preShipment.processing.stockUnavailable');
    expect(o.problem).toMatchObject({ rule: 'R1', code: 'stock_unavailable', recommendedEvents: ['REQUEST_REFUND', 'SWITCH_SUPPLIER'] });
    expect(o.acceptedEvents).toEqual(expect.arrayContaining(['REQUEST_REFUND', 'SWITCH_SUPPLIER', 'SHIPPED', 'CANCEL_REQUESTED']));
    expect(o.deadlines).toEqual([]);
    expect(o.lastNote.text).toBe('supplier says sold out');

    const refund = await step(t, 'R1-a', 'REQUEST_REFUND', { reason: 'out of stock' });
    expect(refund.state).toBe('refund');
    expect(refund.money).toMatchObject({ paid: 5500, refunded: 0, refundable: 5500, pendingRefund: 5500 });
    expect(await outboxActions(t, 'R1-a')).toEqual(['requestRefund']);

    const done = await step(t, 'R1-a', 'REFUND_ISSUED', { amount: 5500, reference: 'RF-1' });
    expect(done.state).toBe('refunded');
    expect(done.status).toBe('closed');
    expect(done.money).toMatchObject({ refunded: 5500, refundable: 0, pendingRefund: 0 });
    expect(done.acceptedEvents).toEqual([]);
  });

  it('switching supplier keeps the suppliers tried, marks the original refund owed, and re-bases the overdue deadlines', async () => {
    const t = await testApp();
    await t.create({ id: 'R1-b' });
    await step(t, 'R1-b', 'STOCK_UNAVAILABLE');
    t.clock.advance(DAY);
    const o = await step(t, 'R1-b', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-7', name: 'Alternative 7' } });
    expect(o.state).toBe('preShipment.processing.awaitingShipment');
    expect(o.suppliers).toMatchObject([
      { id: 'tmall-store-1', status: 'replaced', originalOrderRefund: 'owed' },
      { id: 'alt-7', name: 'Alternative 7', status: 'active' },
    ]);
    // Lead time of the original order (shipBy − created = 1 day 23 h) counted from the switch.
    const newShipBy = t.clock.now() + (shipBy - Date.parse('2026-03-02T01:00:00Z'));
    expect(o.shipBy).toBe(new Date(newShipBy).toISOString());
    expect(o.deadlines).toEqual([
      { name: 'expediteAt', dueAt: new Date(newShipBy + 2 * DAY).toISOString(), event: 'TIMER.EXPEDITE' },
      { name: 'switchSupplierAt', dueAt: new Date(newShipBy + 4 * DAY).toISOString(), event: 'TIMER.SWITCH_SUPPLIER' },
    ]);
    const again = await t.send('R1-b', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-7' } });
    expect(again.status).toBe(422);
    expect(again.body.errors).toEqual([{ path: 'payload.supplier.id', message: 'is already the active supplier' }]);
  });
});

describe('R2: oversized or overweight item', () => {
  it('recommends a refund; partial refund payments add up to the requested amount', async () => {
    const t = await testApp();
    await t.create({ id: 'R2' });
    const o = await step(t, 'R2', 'ITEM_OVERSIZED', { note: '42 kg' });
    expect(o.problem).toMatchObject({ rule: 'R2', recommendedEvents: ['REQUEST_REFUND'] });
    const r = await step(t, 'R2', 'REQUEST_REFUND', { amount: 3000, reason: 'plate too heavy to ship' });
    expect(r.money.pendingRefund).toBe(3000);
    const part = await step(t, 'R2', 'REFUND_ISSUED', { amount: 1000 });
    expect(part.state).toBe('refund');
    expect(part.money).toMatchObject({ refunded: 1000, pendingRefund: 2000, refundable: 4500 });
    const rest = await step(t, 'R2', 'REFUND_ISSUED', { amount: 2000 });
    expect(rest.state).toBe('refunded');
    expect(rest.money).toMatchObject({ paid: 5500, refunded: 3000, refundable: 2500, pendingRefund: 0 });
  });

  it('refuses a refund larger than what was paid and changes nothing', async () => {
    const t = await testApp();
    await t.create({ id: 'R2-x' });
    await step(t, 'R2-x', 'ITEM_OVERSIZED');
    const res = await t.send('R2-x', 'REQUEST_REFUND', { amount: 5501 });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.errors[0]).toMatchObject({ path: 'payload.amount' });
    expect(res.body.errors[0].message).toMatch(/5500/);
    expect((await t.get('R2-x')).body.version).toBe(2);
  });
});

describe('R3 and R4: overdue shipment', () => {
  it('at shipBy + 2 days asks the supplier to expedite, at + 4 days recommends switching, never a millisecond early', async () => {
    const t = await testApp();
    await t.create({ id: 'R3' });
    t.clock.set(shipBy + 2 * DAY - 1);
    expect(await t.app.sweeper.sweep()).toBe(0);
    expect((await t.get('R3')).body.state).toBe('preShipment.processing.awaitingShipment');

    expect(await t.advance(1)).toBe(1);
    const o = await expectInvariants(t, 'R3');
    expect(o.state).toBe('preShipment.processing.expediting');
    expect(o.problem).toMatchObject({ rule: 'R3', recommendedEvents: ['SUPPLIER_CONTACTED', 'SHIPPED'] });
    expect(o.deadlines.map((d: { name: string }) => d.name)).toEqual(['switchSupplierAt']);
    const outbox = await t.store.outbox('R3');
    expect(outbox).toMatchObject([{ action: 'requestExpedite', payload: { supplierId: 'tmall-store-1' } }]);

    await step(t, 'R3', 'SUPPLIER_CONTACTED', { note: 'asked on Wangwang' });
    t.clock.set(shipBy + 4 * DAY - 1);
    expect(await t.app.sweeper.sweep()).toBe(0);
    expect(await t.advance(1)).toBe(1);
    const r4 = await expectInvariants(t, 'R3');
    expect(r4.state).toBe('preShipment.processing.stockProblem');
    expect(r4.problem).toMatchObject({ rule: 'R4', recommendedEvents: ['SWITCH_SUPPLIER', 'REQUEST_REFUND'] });
    expect(r4.deadlines).toEqual([]);
    expect(await outboxActions(t, 'R3')).toEqual(['requestExpedite', 'alertStockProblem']);

    const history = (await t.history('R3')).body.history;
    expect(history.filter((h: { source: string }) => h.source === 'timer')).toMatchObject([
      { type: 'TIMER.EXPEDITE', dueAt: new Date(shipBy + 2 * DAY).toISOString(), at: new Date(shipBy + 2 * DAY).toISOString() },
      { type: 'TIMER.SWITCH_SUPPLIER', dueAt: new Date(shipBy + 4 * DAY).toISOString() },
    ]);

    const shipped = await step(t, 'R3', 'SHIPPED', { carrier: 'SF Express', trackingNumber: 'SF123' });
    expect(shipped.state).toBe('inTransit.shipping.onTheWay');
    expect(shipped.deadlines).toEqual([]);
  });
});

describe('R5: supplier unresponsive', () => {
  it('goes straight to a refund', async () => {
    const t = await testApp();
    await t.create({ id: 'R5' });
    const o = await step(t, 'R5', 'SUPPLIER_UNRESPONSIVE');
    expect(o.problem).toMatchObject({ rule: 'R5', recommendedEvents: ['REQUEST_REFUND'] });
    expect((await step(t, 'R5', 'REQUEST_REFUND')).state).toBe('refund');
    expect((await step(t, 'R5', 'REFUND_ISSUED', { amount: 5500 })).state).toBe('refunded');
  });
});
