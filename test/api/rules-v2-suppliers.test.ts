import { describe, expect, it } from 'vitest';
import { expectInvariants } from '../support/invariants.ts';
import { DAY, HOUR, testApp, type TestApp } from '../support/test-app.ts';

/**
 * Version 2 with more than one replaced supplier (R1/R4 twice, R15), and the new supplier's
 * ship-by time: what the generated paths do not reach (their supplier-switch variant switches once).
 * The sample order: two mugs at 12.50 and a plate at 30.00 (5,500), from tmall-store-1, created
 * 2026-03-02T01:00Z with shipBy 2026-03-04T00:00Z.
 */
async function step(t: TestApp, id: string, type: string, payload?: unknown) {
  const res = await t.send(id, type, payload);
  expect(res.status, `${type}: ${res.text}`).toBe(200);
  await expectInvariants(t, id);
  return res.body;
}

const reminders = async (t: TestApp, id: string) =>
  (await t.store.outbox(id)).filter((o) => o.action === 'remindSupplierRefund').map((o) => ({ at: new Date(o.createdAt).toISOString(), ...(o.payload as { to: string; supplierIds: string[] }) }));

const owedBy = async (t: TestApp, id: string) =>
  ((await t.get(id)).body.supplierRefunds.owed as { supplierId: string; remindedAt: string | null }[]).map((o) => `${o.supplierId}${o.remindedAt ? ' (reminded)' : ''}`);

const iso = (ms: number) => new Date(ms).toISOString();

describe('R15 with two replaced suppliers', () => {
  it('reminds of each owed refund once, SUPPLIER_REFUND_REMIND_DAYS after its own switch', async () => {
    const t = await testApp();
    const t0 = t.clock.now();
    await t.create({ id: 'S-1' });
    await step(t, 'S-1', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-1', name: 'Alt 1' } });
    await t.advance(3 * DAY);
    await step(t, 'S-1', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-2', name: 'Alt 2' } });
    expect(await owedBy(t, 'S-1')).toEqual(['tmall-store-1', 'alt-1']);
    expect((await t.get('S-1')).body.deadlines).toContainEqual({ name: 'supplierRefundRemindAt', dueAt: iso(t0 + 7 * DAY), event: 'TIMER.SUPPLIER_REFUND_REMINDER' });

    await t.advance(4 * DAY - 1); // one millisecond before the first switch's reminder
    expect(await reminders(t, 'S-1')).toEqual([]);
    await t.advance(1);
    // Only the supplier replaced 7 days ago: the other was replaced 4 days ago.
    expect(await reminders(t, 'S-1')).toEqual([{ at: iso(t0 + 7 * DAY), to: 'seller@shop.example', supplierIds: ['tmall-store-1'] }]);
    expect(await owedBy(t, 'S-1')).toEqual(['tmall-store-1 (reminded)', 'alt-1']);
    expect((await t.get('S-1')).body.deadlines).toContainEqual({ name: 'supplierRefundRemindAt', dueAt: iso(t0 + 10 * DAY), event: 'TIMER.SUPPLIER_REFUND_REMINDER' });

    await t.advance(3 * DAY);
    expect((await reminders(t, 'S-1')).map((r) => [r.at, r.supplierIds])).toEqual([
      [iso(t0 + 7 * DAY), ['tmall-store-1']],
      [iso(t0 + 10 * DAY), ['alt-1']],
    ]);
    expect(await owedBy(t, 'S-1')).toEqual(['tmall-store-1 (reminded)', 'alt-1 (reminded)']);
    // Each once: both still owed, no reminder armed any more.
    expect((await t.get('S-1')).body.deadlines.map((d: { name: string }) => d.name)).not.toContain('supplierRefundRemindAt');
    await t.advance(60 * DAY);
    expect(await reminders(t, 'S-1')).toHaveLength(2);
    await expectInvariants(t, 'S-1');
  });

  it('a refund settled before its reminder moves the next reminder to the other supplier, and cancels none that is still owed', async () => {
    const t = await testApp();
    const t0 = t.clock.now();
    await t.create({ id: 'S-2' });
    await step(t, 'S-2', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-1' } });
    await t.advance(3 * DAY);
    await step(t, 'S-2', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-2' } });
    // The first replaced supplier pays before its reminder: only the second one's remains, 7 days after its switch.
    const settled = await step(t, 'S-2', 'SUPPLIER_REFUNDED', { supplierId: 'tmall-store-1', amount: 5500, reference: 'TM-1' });
    expect(settled.supplierRefunds).toMatchObject({ owed: [{ supplierId: 'alt-1' }], settled: [{ supplierId: 'tmall-store-1', amount: 5500, reference: 'TM-1' }] });
    expect(settled.deadlines).toContainEqual({ name: 'supplierRefundRemindAt', dueAt: iso(t0 + 10 * DAY), event: 'TIMER.SUPPLIER_REFUND_REMINDER' });
    // The same supplier cannot settle twice.
    const again = await t.send('S-2', 'SUPPLIER_REFUNDED', { supplierId: 'tmall-store-1', amount: 5500 });
    expect(again.status).toBe(422);
    expect(again.body.errors).toEqual([{ path: 'payload.supplierId', message: 'owes no refund on this order (owed by: alt-1)' }]);

    await t.advance(4 * DAY);
    expect(await reminders(t, 'S-2')).toEqual([]);
    await t.advance(3 * DAY);
    expect(await reminders(t, 'S-2')).toEqual([{ at: iso(t0 + 10 * DAY), to: 'seller@shop.example', supplierIds: ['alt-1'] }]);
    // The last one settled: nothing owed, nothing to remind, SUPPLIER_REFUNDED no longer taken (any supplier id: 422).
    const done = await step(t, 'S-2', 'SUPPLIER_REFUNDED', { supplierId: 'alt-1', amount: 5400 });
    expect(done.supplierRefunds.owed).toEqual([]);
    expect(done.deadlines.map((d: { name: string }) => d.name)).not.toContain('supplierRefundRemindAt');
    expect(done.acceptedEvents).not.toContain('SUPPLIER_REFUNDED');
    const refused = await t.send('S-2', 'SUPPLIER_REFUNDED', { supplierId: 'alt-1', amount: 1 });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([{ path: 'payload.supplierId', message: 'owes no refund on this order' }]);
  });

  it('a delivered order past its window ends only with the last owed refund (R15: nothing owed to anyone)', async () => {
    const t = await testApp();
    await t.create({ id: 'S-3' });
    await step(t, 'S-3', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-1' } });
    await step(t, 'S-3', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-2' } });
    await step(t, 'S-3', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-S-3' });
    await step(t, 'S-3', 'DELIVERED');
    await t.advance(20 * DAY);
    const open = await expectInvariants(t, 'S-3');
    expect(open).toMatchObject({ state: 'delivered', status: 'open', problem: { code: 'supplier_refund_owed' }, notice: { code: 'protection_ended_owed' } });
    const first = await step(t, 'S-3', 'SUPPLIER_REFUNDED', { supplierId: 'alt-1', amount: 100 });
    expect(first).toMatchObject({ state: 'delivered', status: 'open', supplierRefunds: { owed: [{ supplierId: 'tmall-store-1' }] } });
    expect(first.problem).toMatchObject({ code: 'supplier_refund_owed', recommendedEvents: ['SUPPLIER_REFUNDED'] });
    const last = await step(t, 'S-3', 'SUPPLIER_REFUNDED', { supplierId: 'tmall-store-1', amount: 100 });
    expect(last).toMatchObject({ state: 'completed', status: 'closed', outcome: 'protection_window_ended', problem: null });
  });

  it('a refunded order waits in refund for the last owed supplier refund, then is refunded', async () => {
    const t = await testApp();
    await t.create({ id: 'S-4' });
    await step(t, 'S-4', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-1' } });
    await step(t, 'S-4', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-2' } });
    await step(t, 'S-4', 'REQUEST_REFUND');
    expect(await step(t, 'S-4', 'REFUND_ISSUED', { amount: 5500 })).toMatchObject({ state: 'refund', status: 'open', money: { refundable: 0 } });
    expect(await step(t, 'S-4', 'SUPPLIER_REFUNDED', { supplierId: 'tmall-store-1', amount: 4000 })).toMatchObject({ state: 'refund', status: 'open' });
    expect(await step(t, 'S-4', 'SUPPLIER_REFUNDED', { supplierId: 'alt-1', amount: 4000 })).toMatchObject({ state: 'refunded', status: 'closed', outcome: 'refunded' });
  });
});

describe('R1/R4: the new supplier ships by its own time', () => {
  it('an explicit shipBy sets the overdue follow-up (R3 at +2 days, R4 at +4 days) from it', async () => {
    const t = await testApp();
    await t.create({ id: 'N-1' });
    const switched = await step(t, 'N-1', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-1' }, shipBy: '2026-03-10T12:00:00Z' });
    expect(switched.shipBy).toBe('2026-03-10T12:00:00.000Z');
    expect(switched.deadlines.filter((d: { name: string }) => d.name !== 'supplierRefundRemindAt')).toEqual([
      { name: 'expediteAt', dueAt: '2026-03-12T12:00:00.000Z', event: 'TIMER.EXPEDITE' },
      { name: 'switchSupplierAt', dueAt: '2026-03-14T12:00:00.000Z', event: 'TIMER.SWITCH_SUPPLIER' },
    ]);
  });

  it('without one, the new supplier gets the lead time the order had (created 2026-03-02T01:00, ship by 2026-03-04T00:00: 47 hours)', async () => {
    const t = await testApp();
    await t.create({ id: 'N-2' });
    await t.advance(HOUR);
    const switched = await step(t, 'N-2', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-1' } });
    const shipBy = t.clock.now() + 47 * HOUR;
    expect(switched.shipBy).toBe(iso(shipBy));
    expect(switched.deadlines).toContainEqual({ name: 'expediteAt', dueAt: iso(shipBy + 2 * DAY), event: 'TIMER.EXPEDITE' });
  });

  it('and at least one day, even when the order was created with its ship-by time already past', async () => {
    const t = await testApp();
    await t.create({ id: 'N-3', shipBy: '2026-03-01T00:00:00Z' });
    const switched = await step(t, 'N-3', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-1' } });
    expect(switched.shipBy).toBe(iso(t.clock.now() + DAY));
    expect(switched.state).toBe('preShipment.processing.awaitingShipment');
  });
});

describe('R11 with the sum of refunds capped at what was paid', () => {
  it('an item refund after a partial amount refund is limited to what is still refundable', async () => {
    const t = await testApp();
    await t.create({ id: 'M-1' });
    await step(t, 'M-1', 'STOCK_UNAVAILABLE');
    await step(t, 'M-1', 'REQUEST_REFUND', { amount: 5000 });
    expect(await step(t, 'M-1', 'REFUND_ISSUED', { amount: 5000 })).toMatchObject({ state: 'preShipment.processing.awaitingShipment', money: { refundable: 500 } });
    // The plate is worth 3,000, but only 500 is left to refund.
    const plate = await step(t, 'M-1', 'REQUEST_REFUND', { items: [{ sku: 'plate', quantity: 1 }] });
    expect(plate.money.refundRequest).toMatchObject({ amount: 500, items: [{ sku: 'plate', quantity: 1 }] });
    const done = await step(t, 'M-1', 'REFUND_ISSUED', { amount: 500 });
    expect(done).toMatchObject({ state: 'refunded', status: 'closed', money: { paid: 5500, refunded: 5500, refundable: 0 } });
  });
});
