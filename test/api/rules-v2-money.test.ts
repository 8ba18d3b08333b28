import { describe, expect, it } from 'vitest';
import { expectInvariants } from '../support/invariants.ts';
import { DAY, testApp, type TestApp } from '../support/test-app.ts';

/**
 * Version 2 of the order machine, played through the API as the issue played version 1: partial
 * refunds (R11), a supplier that cannot reship (R12), R10 for every refund (R14), and the refund a
 * replaced supplier owes (R15). The sample order: two mugs at 12.50 and a plate at 30.00 (5,500).
 */
async function step(t: TestApp, id: string, type: string, payload?: unknown) {
  const res = await t.send(id, type, payload);
  expect(res.status, `${type}: ${res.text}`).toBe(200);
  await expectInvariants(t, id);
  return res.body;
}

async function refused(t: TestApp, id: string, type: string, payload?: unknown) {
  const before = (await t.get(id)).body;
  const res = await t.send(id, type, payload);
  expect(res.status, `${type}: ${res.text}`).toBe(409);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect((await t.get(id)).body).toEqual(before);
  return res.body;
}

async function verifiedClaim(t: TestApp, id: string, items: { sku: string; quantity: number }[], overrides: Record<string, unknown> = {}) {
  await t.create({ id, ...overrides });
  await step(t, id, 'SHIPPED', { carrier: 'SF', trackingNumber: `SF-${id}` });
  await step(t, id, 'DELIVERED');
  await step(t, id, 'ISSUE_REPORTED', { kind: 'damaged', items });
  await step(t, id, 'EVIDENCE_SUBMITTED', { media: [{ kind: 'photo', url: 'https://img.example/shards.jpg' }] });
  return step(t, id, 'VERIFICATION_APPROVED');
}

describe('R11: a partial refund is not the end', () => {
  it('refund 1,000 of 5,500 before shipment: the rest still ships, and can be refunded later', async () => {
    const t = await testApp();
    await t.create({ id: 'P-1' });
    await step(t, 'P-1', 'STOCK_UNAVAILABLE', { note: 'one mug short' });
    expect((await step(t, 'P-1', 'REQUEST_REFUND', { amount: 1000 })).money.refundRequest).toMatchObject({ amount: 1000, reason: 'out_of_stock', returnTo: 'preShipment' });
    const back = await step(t, 'P-1', 'REFUND_ISSUED', { amount: 1000, reference: 'RF-1' });
    expect(back).toMatchObject({ state: 'preShipment.processing.awaitingShipment', status: 'open', money: { refunded: 1000, refundable: 4500, pendingRefund: 0 } });
    expect(back.acceptedEvents).toEqual(expect.arrayContaining(['SHIPPED', 'REQUEST_REFUND', 'STOCK_UNAVAILABLE']));
    // The rest can ship ...
    const shipped = await step(t, 'P-1', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-P-1' });
    expect(shipped.items.map((i: { sku: string; shipped: number; toShip: number }) => [i.sku, i.shipped, i.toShip])).toEqual([['mug-blue', 2, 0], ['plate', 1, 0]]);
  });

  it('refund the plate by its item before shipment: the mugs still ship; refunding the rest ends it', async () => {
    const t = await testApp();
    await t.create({ id: 'P-2' });
    await step(t, 'P-2', 'ITEM_OVERSIZED', { note: 'the plate is too heavy' });
    const r = await step(t, 'P-2', 'REQUEST_REFUND', { items: [{ sku: 'plate', quantity: 1 }] });
    expect(r.money).toMatchObject({ pendingRefund: 3000, refundRequest: { reason: 'oversized', items: [{ sku: 'plate', quantity: 1 }] } });
    const back = await step(t, 'P-2', 'REFUND_ISSUED', { amount: 3000 });
    expect(back.state).toBe('preShipment.processing.awaitingShipment');
    expect(back.items.map((i: { sku: string; refunded: number; toShip: number }) => [i.sku, i.refunded, i.toShip])).toEqual([['mug-blue', 0, 2], ['plate', 1, 0]]);
    // The plate, once refunded, can be neither refunded nor claimed again.
    const again = await t.send('P-2', 'REQUEST_REFUND', { items: [{ sku: 'plate', quantity: 1 }] });
    expect(again.status).toBe(422);
    expect(again.body.errors).toEqual([{ path: 'payload.items.0.sku', message: 'no plate is ordered and not refunded' }]);
    await step(t, 'P-2', 'REQUEST_REFUND');
    const done = await step(t, 'P-2', 'REFUND_ISSUED', { amount: 2500 });
    expect(done).toMatchObject({ state: 'refunded', status: 'closed', outcome: 'refunded', money: { refunded: 5500, refundable: 0 } });
  });

  it('refund one claimed item: the order is back in its protection window, and another claim is possible', async () => {
    const t = await testApp();
    await verifiedClaim(t, 'P-3', [{ sku: 'mug-blue', quantity: 1 }]);
    expect((await step(t, 'P-3', 'REQUEST_REFUND')).money.pendingRefund).toBe(1250);
    const back = await step(t, 'P-3', 'REFUND_ISSUED', { amount: 1250 });
    expect(back).toMatchObject({ state: 'delivered', status: 'open', money: { refunded: 1250, refundable: 4250 } });
    expect(back.deadlines.map((d: { name: string }) => d.name)).toEqual(['protectionEndsAt']);
    const second = await step(t, 'P-3', 'ISSUE_REPORTED', { kind: 'wrong_item', items: [{ sku: 'plate', quantity: 1 }] });
    expect(second.state).toBe('dispute');
    // Every claim, not only the latest, with its items, evidence, verification and resolution.
    expect(second.claims).toMatchObject([
      { kind: 'damaged', items: [{ sku: 'mug-blue', quantity: 1 }], verification: 'approved', resolution: 'refund', closed: { outcome: 'refunded' }, evidence: [{ kind: 'photo' }] },
      { kind: 'wrong_item', items: [{ sku: 'plate', quantity: 1 }], verification: null, resolution: null, closed: null },
    ]);
    expect(second.claim.kind).toBe('wrong_item');
  });
});

describe('R12: the supplier cannot reship', () => {
  it('REQUEST_REFUND from reship refunds the claimed items; the resolution deadline keeps running', async () => {
    const t = await testApp();
    const approved = await verifiedClaim(t, 'S-1', [{ sku: 'plate', quantity: 1 }]);
    const reship = await step(t, 'S-1', 'REQUEST_RESHIP');
    expect(reship.problem).toMatchObject({ code: 'reship_due', recommendedEvents: ['RESHIPPED', 'REQUEST_REFUND'] });
    expect(reship.items.find((i: { sku: string }) => i.sku === 'plate').toShip).toBe(1);
    const refund = await step(t, 'S-1', 'REQUEST_REFUND', { note: 'the supplier has no plates left' });
    expect(refund).toMatchObject({ state: 'refund', claim: { resolution: 'refund' }, money: { pendingRefund: 3000, refundRequest: { reason: 'claim', items: [{ sku: 'plate', quantity: 1 }] } } });
    expect(refund.resolution.dueAt).toBe(approved.resolution.dueAt);
    expect(refund.deadlines.map((d: { name: string }) => d.name)).toEqual(['resolutionDueAt']);
    expect(refund.items.find((i: { sku: string }) => i.sku === 'plate').toShip).toBe(0);
    const done = await step(t, 'S-1', 'REFUND_ISSUED', { amount: 3000 });
    expect(done).toMatchObject({ state: 'delivered', resolution: null, claim: { closed: { outcome: 'refunded' } }, money: { refunded: 3000 } });
  });
});

describe('R14: R10 for every refund', () => {
  it('an international order refuses a refund for a cancellation or wrong address, offering nothing that gets around it', async () => {
    const t = await testApp();
    await t.create({ id: 'X-1', scope: 'international' });
    await step(t, 'X-1', 'STOCK_UNAVAILABLE');
    for (const reason of ['customer_cancelled', 'wrong_address']) {
      const res = await refused(t, 'X-1', 'REQUEST_REFUND', { reason });
      expect(res.reason).toBe('international orders cannot be intercepted, so a cancellation or a wrong address cannot be refunded (R10)');
      expect(res.acceptedEvents).not.toContain('REQUEST_REFUND');
      expect(res.acceptedEvents).not.toContain('CANCEL_REQUESTED');
      expect(res.acceptedEvents).toEqual(['SHIPPED', 'STOCK_UNAVAILABLE', 'ITEM_OVERSIZED', 'SUPPLIER_UNRESPONSIVE', 'SWITCH_SUPPLIER']);
    }
    // The same refund for what actually happened is taken.
    expect((await step(t, 'X-1', 'REQUEST_REFUND', { reason: 'out_of_stock' })).state).toBe('refund');
  });

  it('a domestic order is sent to the interception first (R9)', async () => {
    const t = await testApp();
    await t.create({ id: 'X-2' });
    const res = await refused(t, 'X-2', 'REQUEST_REFUND', { reason: 'customer_cancelled' });
    expect(res.reason).toBe('a cancellation or wrong address is intercepted first (R9): send CANCEL_REQUESTED; a successful interception is refunded in full');
    expect(res.acceptedEvents).toContain('CANCEL_REQUESTED');
  });
});

describe('R15: the refund a replaced supplier owes', () => {
  it('is tracked per supplier, reminded once after 7 days, listed, and settled by SUPPLIER_REFUNDED', async () => {
    const t = await testApp();
    await t.create({ id: 'O-1' });
    await step(t, 'O-1', 'STOCK_UNAVAILABLE');
    const switched = await step(t, 'O-1', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-1', name: 'Alt 1' } });
    expect(switched.supplierRefunds).toMatchObject({ owed: [{ supplierId: 'tmall-store-1', name: 'Tmall Store 1', remindedAt: null }], settled: [] });
    expect(switched.acceptedEvents).toContain('SUPPLIER_REFUNDED');
    await step(t, 'O-1', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-O-1' });
    expect(await t.advance(7 * DAY - 1)).toBe(0);
    expect(await t.advance(1)).toBe(1);
    expect(await t.advance(30 * DAY)).toBe(0);
    const reminded = await expectInvariants(t, 'O-1');
    expect(reminded.supplierRefunds.owed[0].remindedAt).not.toBeNull();
    expect((await t.store.outbox('O-1')).filter((o) => o.action === 'remindSupplierRefund').map((o) => o.payload)).toEqual([
      { to: 'seller@shop.example', supplierIds: ['tmall-store-1'] },
    ]);
    const wrong = await t.send('O-1', 'SUPPLIER_REFUNDED', { supplierId: 'alt-1', amount: 4000 });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual([{ path: 'payload.supplierId', message: 'owes no refund on this order (owed by: tmall-store-1)' }]);
    const settled = await step(t, 'O-1', 'SUPPLIER_REFUNDED', { supplierId: 'tmall-store-1', amount: 4000, reference: 'TM-R-9' });
    expect(settled.state).toBe('inTransit.shipping.onTheWay');
    expect(settled.supplierRefunds).toMatchObject({ owed: [], settled: [{ supplierId: 'tmall-store-1', amount: 4000, reference: 'TM-R-9' }] });
    expect(settled.acceptedEvents).not.toContain('SUPPLIER_REFUNDED');
  });

  it('keeps a fully refunded order open until the replaced supplier refunds the seller', async () => {
    const t = await testApp();
    await t.create({ id: 'O-2' });
    await step(t, 'O-2', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-2' } });
    await step(t, 'O-2', 'REQUEST_REFUND');
    const paid = await step(t, 'O-2', 'REFUND_ISSUED', { amount: 5500 });
    expect(paid).toMatchObject({ state: 'refund', status: 'open', money: { refundable: 0, pendingRefund: 0 } });
    expect(paid.problem).toMatchObject({ code: 'supplier_refund_owed', rule: 'R15', recommendedEvents: ['SUPPLIER_REFUNDED'] });
    expect(paid.acceptedEvents).toEqual(['SUPPLIER_REFUNDED']);
    const done = await step(t, 'O-2', 'SUPPLIER_REFUNDED', { supplierId: 'tmall-store-1', amount: 3900 });
    expect(done).toMatchObject({ state: 'refunded', status: 'closed', outcome: 'refunded' });
  });

  it('keeps a delivered order open after its protection window until the owed refund is settled', async () => {
    const t = await testApp();
    await t.create({ id: 'O-3' });
    await step(t, 'O-3', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-3' } });
    await step(t, 'O-3', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-O-3' });
    await step(t, 'O-3', 'DELIVERED');
    await t.advance(40 * DAY);
    const open = await expectInvariants(t, 'O-3');
    expect(open).toMatchObject({ state: 'delivered', status: 'open', problem: { code: 'supplier_refund_owed' }, acceptedEvents: ['SUPPLIER_REFUNDED'] });
    expect((await t.send('O-3', 'ISSUE_REPORTED', { kind: 'damaged' })).body.reason).toBe('the buyer-protection window has ended: no new claim can be reported');
    expect(await step(t, 'O-3', 'SUPPLIER_REFUNDED', { supplierId: 'tmall-store-1', amount: 100 })).toMatchObject({ state: 'completed', status: 'closed' });
  });
});
