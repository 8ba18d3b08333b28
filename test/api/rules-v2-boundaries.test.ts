import { describe, expect, it } from 'vitest';
import { expectInvariants } from '../support/invariants.ts';
import { DAY, HOUR, testApp, type TestApp } from '../support/test-app.ts';

/**
 * Version 2 at its edges, through the API: the exact times and quantities where DOMAIN.md's rules
 * turn (R3/R4 with R11, R17), which the generated paths step over (their events come a minute after
 * the last thing the order saw). The sample order: two blue mugs at 12.50 and a plate at 30.00
 * (5,500), created 2026-03-02T01:00Z, to ship by 2026-03-04T00:00Z.
 */
async function step(t: TestApp, id: string, type: string, payload?: unknown) {
  const res = await t.send(id, type, payload);
  expect(res.status, `${type}: ${res.text}`).toBe(200);
  await expectInvariants(t, id);
  return res.body;
}

/** A refused input (422, problem+json) that changed nothing: its field errors. */
async function unchanged(t: TestApp, id: string, type: string, payload: unknown) {
  const before = (await t.get(id)).body;
  const res = await t.send(id, type, payload);
  expect(res.status, res.text).toBe(422);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect((await t.get(id)).body).toEqual(before);
  return res.body.errors;
}

const shipBy = Date.parse('2026-03-04T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('R17: DELIVERED.at at the edges of what can be true', () => {
  it('the moment the parcel shipped and the present moment are both possible; a millisecond outside either is not', async () => {
    const t = await testApp();
    await t.create({ id: 'B-1' });
    const shippedAt = t.clock.now();
    await step(t, 'B-1', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-B-1' });
    await t.advance(HOUR);
    expect(await unchanged(t, 'B-1', 'DELIVERED', { at: iso(shippedAt - 1) })).toEqual([
      { path: 'payload.at', message: `lies before the parcel shipped (${iso(shippedAt)})` },
    ]);
    expect(await unchanged(t, 'B-1', 'DELIVERED', { at: iso(t.clock.now() + 1) })).toEqual([{ path: 'payload.at', message: 'lies in the future' }]);
    // Delivered the moment it shipped: the protection window runs from then (15 days), not from when the carrier told us.
    const delivered = await step(t, 'B-1', 'DELIVERED', { at: iso(shippedAt) });
    expect(delivered.deadlines).toEqual([{ name: 'protectionEndsAt', dueAt: iso(shippedAt + 15 * DAY), event: 'TIMER.PROTECTION_ENDED' }]);
  });

  it('delivered now: the window runs from the moment the service heard of it', async () => {
    const t = await testApp();
    await t.create({ id: 'B-2' });
    await step(t, 'B-2', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-B-2' });
    await t.advance(2 * DAY);
    const delivered = await step(t, 'B-2', 'DELIVERED', { at: iso(t.clock.now()) });
    expect(delivered.deadlines).toEqual([{ name: 'protectionEndsAt', dueAt: iso(t.clock.now() + 15 * DAY), event: 'TIMER.PROTECTION_ENDED' }]);
  });
});

describe('R11 with R3/R4: a partial refund before shipment returns to the overdue state the clock says', () => {
  /** An order refunded 1,000 before shipment, with the REFUND_ISSUED sent at `at` (the sweeper not run since). */
  async function refundedAt(at: number) {
    const t = await testApp();
    await t.create({ id: 'R-1' });
    await step(t, 'R-1', 'STOCK_UNAVAILABLE');
    await step(t, 'R-1', 'REQUEST_REFUND', { amount: 1000 });
    t.clock.set(at);
    return step(t, 'R-1', 'REFUND_ISSUED', { amount: 1000 });
  }

  it('before shipBy + 2 days: awaiting shipment, with both follow-ups armed', async () => {
    const back = await refundedAt(shipBy + 2 * DAY - 1);
    expect(back.state).toBe('preShipment.processing.awaitingShipment');
    expect(back.deadlines.map((d: { name: string }) => d.name)).toEqual(['expediteAt', 'switchSupplierAt']);
    expect(back.money).toMatchObject({ refunded: 1000, refundable: 4500 });
  });

  it('from shipBy + 2 days (R3 due): expediting, with the supplier switch still ahead', async () => {
    const back = await refundedAt(shipBy + 2 * DAY);
    expect(back.state).toBe('preShipment.processing.expediting');
    expect(back.problem).toMatchObject({ code: 'shipment_overdue' });
    expect(back.deadlines).toEqual([{ name: 'switchSupplierAt', dueAt: iso(shipBy + 4 * DAY), event: 'TIMER.SWITCH_SUPPLIER' }]);
  });

  it('a millisecond before shipBy + 4 days: still expediting', async () => {
    expect((await refundedAt(shipBy + 4 * DAY - 1)).state).toBe('preShipment.processing.expediting');
  });

  it('from shipBy + 4 days (R4 due): the stock problem, waiting on the seller', async () => {
    const back = await refundedAt(shipBy + 4 * DAY);
    expect(back).toMatchObject({ state: 'preShipment.processing.stockProblem', waitsOn: 'seller', problem: { code: 'stock_problem' } });
  });
});

describe('R11 in transit: a partial refund of a lost parcel returns to it', () => {
  it('the order stays with its lost parcel (reship or refund the rest), not delivered', async () => {
    const t = await testApp();
    await t.create({ id: 'L-1' });
    await step(t, 'L-1', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-L-1' });
    await step(t, 'L-1', 'PARCEL_LOST', { note: 'the carrier lost it' });
    const request = await step(t, 'L-1', 'REQUEST_REFUND', { amount: 2000 });
    expect(request.money.refundRequest).toMatchObject({ amount: 2000, reason: 'parcel_lost', returnTo: 'inTransit' });
    const back = await step(t, 'L-1', 'REFUND_ISSUED', { amount: 2000 });
    expect(back).toMatchObject({ state: 'inTransit.shipping.lost', problem: { code: 'parcel_lost' }, money: { refundable: 3500 } });
    expect(back.acceptedEvents).toEqual(expect.arrayContaining(['REQUEST_RESHIP', 'REQUEST_REFUND']));
    // The rest, refunded by default: nothing refundable is left, so the order is refunded.
    await step(t, 'L-1', 'REQUEST_REFUND');
    expect(await step(t, 'L-1', 'REFUND_ISSUED', { amount: 3500 })).toMatchObject({ state: 'refunded', status: 'closed', outcome: 'refunded' });
  });
});

describe('R17: items of one event counted together', () => {
  it('one SKU on two lines of a claim counts once, against what was ordered', async () => {
    const t = await testApp();
    await t.create({ id: 'Q-1' });
    await step(t, 'Q-1', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-Q-1' });
    await step(t, 'Q-1', 'DELIVERED');
    expect(await unchanged(t, 'Q-1', 'ISSUE_REPORTED', { kind: 'damaged', items: [{ sku: 'mug-blue', quantity: 1 }, { sku: 'mug-blue', quantity: 2 }] })).toEqual([
      { path: 'payload.items.1.quantity', message: '3 of mug-blue exceeds the 2 ordered' },
    ]);
    expect(await unchanged(t, 'Q-1', 'ISSUE_REPORTED', { kind: 'wrong_item', items: [{ sku: 'cup', quantity: 1 }] })).toEqual([
      { path: 'payload.items.0.sku', message: 'cup is not in this order' },
    ]);
    // Both mugs, on two lines: exactly what was ordered.
    const claim = await step(t, 'Q-1', 'ISSUE_REPORTED', { kind: 'damaged', items: [{ sku: 'mug-blue', quantity: 1 }, { sku: 'mug-blue', quantity: 1 }] });
    expect(claim.state).toBe('dispute');
  });

  it('a whole-order claim may be reshipped in part, never beyond what was ordered', async () => {
    const t = await testApp();
    await t.create({ id: 'Q-2' });
    await step(t, 'Q-2', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-Q-2' });
    await step(t, 'Q-2', 'DELIVERED');
    await step(t, 'Q-2', 'ISSUE_REPORTED', { kind: 'wrong_item' });
    await step(t, 'Q-2', 'EVIDENCE_SUBMITTED', { media: [{ kind: 'video', url: 'https://img.example/unboxing.mp4' }] });
    await step(t, 'Q-2', 'VERIFICATION_APPROVED');
    expect(await unchanged(t, 'Q-2', 'REQUEST_RESHIP', { items: [{ sku: 'mug-blue', quantity: 3 }] })).toEqual([
      { path: 'payload.items.0.quantity', message: '3 of mug-blue exceeds the 2 claimed' },
    ]);
    const reship = await step(t, 'Q-2', 'REQUEST_RESHIP', { items: [{ sku: 'mug-blue', quantity: 2 }] });
    expect(reship).toMatchObject({ state: 'reship', claims: [{ resolution: 'reship', items: [{ sku: 'mug-blue', quantity: 2 }] }] });
    const shipped = await step(t, 'Q-2', 'RESHIPPED', { carrier: 'SF', trackingNumber: 'SF-Q-2-R' });
    expect(shipped.shipments.at(-1)).toMatchObject({ kind: 'reship', items: [{ sku: 'mug-blue', quantity: 2 }] });
  });
});
