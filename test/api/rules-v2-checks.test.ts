import { describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/test-app.ts';

/**
 * Version 2's checks of an event against its order (R17) and the reasons of its refusals, where
 * the other rule tests do not look: an event sent where its state does not take it must be refused
 * by the state (409), not by a check that has nothing to compare with (422) or by a crash (500),
 * and a refusal gives a reason only where the domain has one. The sample order: two blue mugs at
 * 12.50 and a plate at 30.00 (5,500 CNY minor units), domestic, from tmall-store-1.
 */
async function ok(t: TestApp, id: string, type: string, payload?: unknown) {
  const res = await t.send(id, type, payload);
  expect(res.status, `${type}: ${res.text}`).toBe(200);
  return res.body;
}

/** A 409 refusal: the reason (if any) and the events the order takes instead. */
async function refused(t: TestApp, id: string, type: string, payload?: unknown) {
  const res = await t.send(id, type, payload);
  expect(res.status, `${type}: ${res.text}`).toBe(409);
  return res.body as { reason?: string; acceptedEvents: string[] };
}

/** A 422 refusal: its field errors. */
async function unfit(t: TestApp, id: string, type: string, payload: unknown) {
  const res = await t.send(id, type, payload);
  expect(res.status, `${type}: ${res.text}`).toBe(422);
  return res.body.errors as { path: string; message: string }[];
}

const media = [{ kind: 'photo', url: 'https://img.example/1.jpg' }];

describe('version 2 checks an event against its order only where there is something to compare with', () => {
  it('a reship before any claim or parcel is refused by the state, whatever items it names', async () => {
    const t = await testApp();
    await t.create({ id: 'C-1' });
    const res = await refused(t, 'C-1', 'REQUEST_RESHIP', { items: [{ sku: 'mug-blue', quantity: 1 }] });
    expect(res.reason).toBeUndefined();
  });

  it('a reship after a verified claim of some items carries only the claimed items', async () => {
    const t = await testApp();
    await t.create({ id: 'C-2' });
    await ok(t, 'C-2', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-C-2' });
    await ok(t, 'C-2', 'DELIVERED');
    await ok(t, 'C-2', 'ISSUE_REPORTED', { kind: 'damaged', items: [{ sku: 'mug-blue', quantity: 1 }] });
    await ok(t, 'C-2', 'EVIDENCE_SUBMITTED', { media });
    await ok(t, 'C-2', 'VERIFICATION_APPROVED');
    expect(await unfit(t, 'C-2', 'REQUEST_RESHIP', { items: [{ sku: 'plate', quantity: 1 }] })).toEqual([{ path: 'payload.items.0.sku', message: 'no plate is claimed' }]);
    expect((await ok(t, 'C-2', 'REQUEST_RESHIP', { items: [{ sku: 'mug-blue', quantity: 1 }] })).state).toBe('reship');
  });

  it('a payment outside a refund is refused by the state, or checked against what is still refundable', async () => {
    const t = await testApp();
    await t.create({ id: 'C-3' });
    const res = await refused(t, 'C-3', 'REFUND_ISSUED', { amount: 100 });
    expect(res.acceptedEvents).not.toContain('REFUND_ISSUED');
    expect(await unfit(t, 'C-3', 'REFUND_ISSUED', { amount: 5501 })).toEqual([
      { path: 'payload.amount', message: 'exceeds what is still refundable: 5500 (CNY minor units) of 5500 paid' },
    ]);
  });

  it('a delivery time before anything shipped is refused by the state', async () => {
    const t = await testApp();
    await t.create({ id: 'C-4' });
    await refused(t, 'C-4', 'DELIVERED', { at: new Date(t.clock.now() - 1000).toISOString() });
  });

  it('a supplier refund from one that owes none names every supplier that does', async () => {
    const t = await testApp();
    await t.create({ id: 'C-5' });
    await ok(t, 'C-5', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-1' } });
    await ok(t, 'C-5', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-2' } });
    expect(await unfit(t, 'C-5', 'SUPPLIER_REFUNDED', { supplierId: 'alt-2', amount: 5500 })).toEqual([
      { path: 'payload.supplierId', message: 'owes no refund on this order (owed by: tmall-store-1, alt-1)' },
    ]);
  });
});

describe('version 2 gives a refusal a reason only where the domain has one', () => {
  it('an event the state does not take, with no rule behind it, has no reason; the refund and the cancellation stay offered', async () => {
    const t = await testApp();
    await t.create({ id: 'C-6' });
    const res = await refused(t, 'C-6', 'DELIVERED');
    expect(res.reason).toBeUndefined();
    expect(res.acceptedEvents).toEqual(expect.arrayContaining(['CANCEL_REQUESTED', 'REQUEST_REFUND']));
  });

  it('an international order not yet shipped is not held in customs, and R13 is not the reason', async () => {
    const t = await testApp();
    await t.create({ id: 'C-7', scope: 'international' });
    expect((await refused(t, 'C-7', 'CUSTOMS_HELD')).reason).toBeUndefined();
  });

  it('an issue reported before delivery is refused without the reason of an ended protection window', async () => {
    const t = await testApp();
    await t.create({ id: 'C-8' });
    expect((await refused(t, 'C-8', 'ISSUE_REPORTED', { kind: 'damaged' })).reason).toBeUndefined();
  });

  it('a domestic parcel that was lost can no longer be intercepted where it is', async () => {
    const t = await testApp();
    await t.create({ id: 'C-10' });
    await ok(t, 'C-10', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-C-10' });
    await ok(t, 'C-10', 'PARCEL_LOST');
    expect((await refused(t, 'C-10', 'CANCEL_REQUESTED', { reason: 'customer_cancelled' })).reason).toBe('the parcel can no longer be intercepted where it is now');
  });

  it('a refund for a cancellation after delivery points to no cancellation the order cannot take', async () => {
    const t = await testApp();
    await t.create({ id: 'C-11' });
    await ok(t, 'C-11', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-C-11' });
    await ok(t, 'C-11', 'DELIVERED');
    expect((await refused(t, 'C-11', 'REQUEST_REFUND', { reason: 'wrong_address' })).reason).toBe(
      'a cancellation or wrong address is intercepted first (R9); a successful interception is refunded in full',
    );
  });

  it('a refund in progress offers the payment of it', async () => {
    const t = await testApp();
    await t.create({ id: 'C-9' });
    const refund = await ok(t, 'C-9', 'REQUEST_REFUND', { reason: 'out_of_stock', amount: 1000 });
    expect(refund.state).toBe('refund');
    expect(refund.acceptedEvents).toContain('REFUND_ISSUED');
  });
});
