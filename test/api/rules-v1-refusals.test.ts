import { describe, expect, it } from 'vitest';
import { HOUR, type TestApp } from '../support/test-app.ts';
import { testAppV1 as testApp } from '../support/v1-app.ts';

// Version 1 through the API, on a host that serves version 1 only (test/support/v1-app.ts): version 1
// is frozen but still runs the orders pinned to it, so its rules keep their tests. These are the tests
// of version 1 as they stood before version 2 became the default (b1eab33^), unchanged but for the host.

// What a client is told when an event is refused: the reason (R9, R10, nothing left to refund),
// the events the order takes instead, and the field errors of an event that does not fit the order.

async function ok(t: TestApp, id: string, type: string, payload?: unknown) {
  const res = await t.send(id, type, payload);
  expect(res.status, `${type}: ${res.text}`).toBe(200);
  return res.body;
}

async function delivered(t: TestApp, id: string, overrides: Record<string, unknown> = {}) {
  await t.create({ id, ...overrides });
  await ok(t, id, 'SHIPPED', { carrier: 'SF', trackingNumber: `SF-${id}` });
  return ok(t, id, 'DELIVERED');
}

async function verified(t: TestApp, id: string, items?: { sku: string; quantity: number }[]) {
  await delivered(t, id);
  await ok(t, id, 'ISSUE_REPORTED', { kind: 'wrong_item', ...(items ? { items } : {}) });
  await ok(t, id, 'EVIDENCE_SUBMITTED', { media: [{ kind: 'photo', url: 'https://img.example/1.jpg' }] });
  return ok(t, id, 'VERIFICATION_APPROVED');
}

/** A 409 refusal, with everything a client reads from it. */
async function refused(t: TestApp, id: string, type: string, payload?: unknown) {
  const res = await t.send(id, type, payload);
  expect(res.status, res.text).toBe(409);
  expect(res.body.type).toBe('/problems/event-not-accepted');
  return res.body as { state: string; event: string; reason?: string; acceptedEvents: string[]; detail: string };
}

describe('the reason given for a refused cancellation', () => {
  it('a second cancellation while a domestic order is intercepted: one is already under way, before and after shipment', async () => {
    const t = await testApp();
    await t.create({ id: 'I-pre' });
    await ok(t, 'I-pre', 'CANCEL_REQUESTED', { reason: 'customer_cancelled' });
    const pre = await refused(t, 'I-pre', 'CANCEL_REQUESTED', { reason: 'wrong_address' });
    expect(pre.reason).toBe('an interception is already under way');
    expect(pre.acceptedEvents).toEqual(['INTERCEPT_SUCCEEDED', 'INTERCEPT_FAILED']);
    expect(pre.detail).toBe(
      'order I-pre is in preShipment.intercepting, which does not take CANCEL_REQUESTED: an interception is already under way. It takes: INTERCEPT_SUCCEEDED, INTERCEPT_FAILED',
    );

    await t.create({ id: 'I-transit' });
    await ok(t, 'I-transit', 'SHIPPED', { carrier: 'SF', trackingNumber: '1' });
    await ok(t, 'I-transit', 'CANCEL_REQUESTED', { reason: 'wrong_address' });
    expect((await refused(t, 'I-transit', 'CANCEL_REQUESTED', { reason: 'wrong_address' })).reason).toBe('an interception is already under way');
  });

  it('after delivery, domestic or international, the order names its state and points to ISSUE_REPORTED', async () => {
    const t = await testApp();
    for (const scope of ['domestic', 'international']) {
      await delivered(t, `D-${scope}`, { scope });
      const res = await refused(t, `D-${scope}`, 'CANCEL_REQUESTED', { reason: 'customer_cancelled' });
      expect(res.reason).toBe('the order is delivered: it can no longer be intercepted; report an issue (ISSUE_REPORTED) instead');
      expect(res.acceptedEvents).toEqual(['ISSUE_REPORTED']);
    }
    await t.create({ id: 'D-refund' });
    await ok(t, 'D-refund', 'REQUEST_REFUND');
    expect((await refused(t, 'D-refund', 'CANCEL_REQUESTED', { reason: 'customer_cancelled' })).reason).toBe(
      'the order is refund: it can no longer be intercepted; report an issue (ISSUE_REPORTED) instead',
    );
  });

  it('a closed order says its lifecycle has ended, naming the final state', async () => {
    const t = await testApp();
    await t.create({ id: 'Z' });
    await ok(t, 'Z', 'REQUEST_REFUND');
    await ok(t, 'Z', 'REFUND_ISSUED', { amount: 5500 });
    const res = await refused(t, 'Z', 'CANCEL_REQUESTED', { reason: 'customer_cancelled' });
    expect(res.reason).toBe('the order is refunded: its lifecycle has ended and it takes no more events');
    expect(res.detail).toBe(
      'order Z is in refunded, which does not take CANCEL_REQUESTED: the order is refunded: its lifecycle has ended and it takes no more events. It takes: nothing (the order is closed)',
    );
  });
});

describe('other refusals', () => {
  it('an event the state does not take, with nothing more to say, carries no reason', async () => {
    const t = await testApp();
    await t.create({ id: 'N-1' });
    const res = await refused(t, 'N-1', 'DELIVERED');
    expect(res).not.toHaveProperty('reason');
    expect(res.detail).toBe(
      'order N-1 is in preShipment.processing.awaitingShipment, which does not take DELIVERED. It takes: SHIPPED, STOCK_UNAVAILABLE, ITEM_OVERSIZED, SUPPLIER_CONTACTED, SUPPLIER_UNRESPONSIVE, SWITCH_SUPPLIER, REQUEST_REFUND, CANCEL_REQUESTED',
    );
    await delivered(t, 'N-2');
    expect(await refused(t, 'N-2', 'REQUEST_REFUND')).not.toHaveProperty('reason');
  });

  it('a refund of an order that cost nothing is refused: nothing is left to refund', async () => {
    const t = await testApp();
    await t.create({ id: 'F-1', items: [{ sku: 'sample', quantity: 1, unitPrice: 0 }] });
    const res = await refused(t, 'F-1', 'REQUEST_REFUND');
    expect(res.reason).toBe('nothing is left to refund');
    expect(res.acceptedEvents).not.toContain('REQUEST_REFUND');
    expect(res.acceptedEvents).toContain('SHIPPED');
    expect(await refused(t, 'F-1', 'DELIVERED')).not.toHaveProperty('reason');
    // A verified claim on it can be reshipped, not refunded.
    await ok(t, 'F-1', 'SHIPPED', { carrier: 'SF', trackingNumber: 'F1' });
    await ok(t, 'F-1', 'DELIVERED');
    await ok(t, 'F-1', 'ISSUE_REPORTED', { kind: 'damaged' });
    await ok(t, 'F-1', 'EVIDENCE_SUBMITTED', { media: [{ kind: 'photo', url: 'https://img.example/f.jpg' }] });
    const approved = await ok(t, 'F-1', 'VERIFICATION_APPROVED');
    expect(approved.acceptedEvents).toEqual(['REQUEST_RESHIP']);
    expect((await refused(t, 'F-1', 'REQUEST_REFUND')).reason).toBe('nothing is left to refund');
  });
});

describe('the events an order takes now', () => {
  it('a refund being executed takes only its payment, and keeps taking it after a partial payment', async () => {
    const t = await testApp();
    await t.create({ id: 'A-1' });
    const refund = await ok(t, 'A-1', 'REQUEST_REFUND', { amount: 3000 });
    expect(refund.acceptedEvents).toEqual(['REFUND_ISSUED']);
    const part = await ok(t, 'A-1', 'REFUND_ISSUED', { amount: 1000 });
    expect(part.acceptedEvents).toEqual(['REFUND_ISSUED']);
    expect((await ok(t, 'A-1', 'REFUND_ISSUED', { amount: 2000 })).acceptedEvents).toEqual([]);
  });

  it('an international order never lists a cancellation; a domestic one does until delivery', async () => {
    const t = await testApp();
    const intl = (await t.create({ id: 'A-2', scope: 'international' })).body;
    expect(intl.acceptedEvents).toEqual(['SHIPPED', 'STOCK_UNAVAILABLE', 'ITEM_OVERSIZED', 'SUPPLIER_CONTACTED', 'SUPPLIER_UNRESPONSIVE', 'SWITCH_SUPPLIER', 'REQUEST_REFUND']);
    await t.create({ id: 'A-3' });
    expect((await ok(t, 'A-3', 'SHIPPED', { carrier: 'SF', trackingNumber: '3' })).acceptedEvents).toEqual(['CANCEL_REQUESTED', 'CUSTOMS_HELD', 'DELIVERED']);
    expect((await ok(t, 'A-3', 'DELIVERED')).acceptedEvents).toEqual(['ISSUE_REPORTED']);
  });
});

describe('events that do not fit the order (422, nothing changes)', () => {
  it('a reship of items the order does not contain, or more than were ordered', async () => {
    const t = await testApp();
    await verified(t, 'V-1', [{ sku: 'mug-blue', quantity: 1 }]);
    const before = (await t.get('V-1')).body;
    const res = await t.send('V-1', 'REQUEST_RESHIP', { items: [{ sku: 'vase', quantity: 1 }, { sku: 'mug-blue', quantity: 1 }, { sku: 'mug-blue', quantity: 2 }] });
    expect(res.status).toBe(422);
    expect(res.body.detail).toBe('REQUEST_RESHIP does not fit order V-1');
    expect(res.body.errors).toEqual([
      { path: 'payload.items.0.sku', message: 'vase is not in this order' },
      { path: 'payload.items.2.quantity', message: '3 of mug-blue exceeds the 2 ordered' },
    ]);
    expect((await t.get('V-1')).body).toEqual(before);
    expect((await ok(t, 'V-1', 'REQUEST_RESHIP', { items: [{ sku: 'mug-blue', quantity: 2 }] })).claim.items).toEqual([{ sku: 'mug-blue', quantity: 2 }]);
  });

  it('a refund payment larger than what is still refundable, counting earlier payments', async () => {
    const t = await testApp();
    await t.create({ id: 'V-2' });
    await ok(t, 'V-2', 'REQUEST_REFUND');
    const over = await t.send('V-2', 'REFUND_ISSUED', { amount: 5501 });
    expect(over.status).toBe(422);
    expect(over.body.errors).toEqual([{ path: 'payload.amount', message: 'exceeds what is still refundable: 5500 (CNY minor units) of 5500 paid' }]);
    await ok(t, 'V-2', 'REFUND_ISSUED', { amount: 500 });
    const again = await t.send('V-2', 'REFUND_ISSUED', { amount: 5001 });
    expect(again.body.errors).toEqual([{ path: 'payload.amount', message: 'exceeds what is still refundable: 5000 (CNY minor units) of 5500 paid' }]);
    expect((await ok(t, 'V-2', 'REFUND_ISSUED', { amount: 5000 })).money).toMatchObject({ refunded: 5500, refundable: 0 });
  });

  it('a refund request of exactly what is left is taken; one unit more is not', async () => {
    const t = await testApp();
    await t.create({ id: 'V-3' });
    const over = await t.send('V-3', 'REQUEST_REFUND', { amount: 5501 });
    expect(over.body.errors).toEqual([{ path: 'payload.amount', message: 'exceeds what is still refundable: 5500 (CNY minor units) of 5500 paid' }]);
    expect((await ok(t, 'V-3', 'REQUEST_REFUND', { amount: 5500 })).money.pendingRefund).toBe(5500);
  });

  it('a delivery time of now is taken, one millisecond later is not', async () => {
    const t = await testApp();
    await t.create({ id: 'V-4' });
    await ok(t, 'V-4', 'SHIPPED', { carrier: 'SF', trackingNumber: '4' });
    const late = await t.send('V-4', 'DELIVERED', { at: new Date(t.clock.now() + 1).toISOString() });
    expect(late.body.errors).toEqual([{ path: 'payload.at', message: 'lies in the future' }]);
    const now = await ok(t, 'V-4', 'DELIVERED', { at: new Date(t.clock.now()).toISOString() });
    expect(now.deadlines[0].dueAt).toBe(new Date(t.clock.now() + 15 * 24 * HOUR).toISOString());
  });

  it('switching back to a supplier that was replaced is taken; switching to the active one is not', async () => {
    const t = await testApp();
    await t.create({ id: 'V-5' });
    await ok(t, 'V-5', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-1' } });
    const back = await ok(t, 'V-5', 'SWITCH_SUPPLIER', { supplier: { id: 'tmall-store-1' } });
    expect(back.suppliers.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([
      ['tmall-store-1', 'replaced'],
      ['alt-1', 'replaced'],
      ['tmall-store-1', 'active'],
    ]);
    const same = await t.send('V-5', 'SWITCH_SUPPLIER', { supplier: { id: 'tmall-store-1' } });
    expect(same.body.errors).toEqual([{ path: 'payload.supplier.id', message: 'is already the active supplier' }]);
  });
});

describe('what the order keeps of each step', () => {
  it('the seller\'s notes on supplier problems and contacts, in every state that takes them', async () => {
    const t = await testApp();
    for (const [i, type] of ['STOCK_UNAVAILABLE', 'ITEM_OVERSIZED', 'SUPPLIER_UNRESPONSIVE', 'SUPPLIER_CONTACTED'].entries()) {
      await t.create({ id: `NT-${i}` });
      expect((await ok(t, `NT-${i}`, type, { note: `note ${i}` })).lastNote).toMatchObject({ text: `note ${i}`, event: type });
    }
    await t.create({ id: 'NT-x' });
    await t.advance(6 * 24 * HOUR); // past both overdue deadlines: expediting, then stockProblem
    expect((await t.get('NT-x')).body.state).toBe('preShipment.processing.stockProblem');
    expect((await ok(t, 'NT-x', 'SUPPLIER_CONTACTED', { note: 'still waiting' })).lastNote.text).toBe('still waiting');
    const t2 = await testApp();
    await t2.create({ id: 'NT-y' });
    await t2.advance(4 * 24 * HOUR); // past the expedite deadline only
    expect((await t2.get('NT-y')).body.state).toBe('preShipment.processing.expediting');
    expect((await ok(t2, 'NT-y', 'SUPPLIER_CONTACTED', { note: 'asked to hurry' })).lastNote.text).toBe('asked to hurry');
  });

  it('the effects carry what their receivers need: the refund amount, the claim, the escalation', async () => {
    const t = await testApp();
    await t.create({ id: 'EF-1' });
    await ok(t, 'EF-1', 'REQUEST_REFUND', { amount: 1200 });
    await verified(t, 'EF-2', [{ sku: 'plate', quantity: 1 }]);
    await ok(t, 'EF-2', 'REQUEST_REFUND');
    expect((await t.store.outbox('EF-1')).map((o) => [o.action, o.payload])).toEqual([['requestRefund', { amount: 1200 }]]);
    expect((await t.store.outbox('EF-2')).map((o) => [o.action, o.payload])).toEqual([
      ['requestVerification', { kind: 'wrong_item', evidence: 1 }],
      ['requestRefund', { amount: 3000 }],
    ]);
  });

  it('more evidence while the platform verifies is kept', async () => {
    const t = await testApp();
    await delivered(t, 'EV-1');
    await ok(t, 'EV-1', 'ISSUE_REPORTED', { kind: 'damaged' });
    const first = await ok(t, 'EV-1', 'EVIDENCE_SUBMITTED', { media: [{ kind: 'photo', url: 'https://img.example/1.jpg' }] });
    expect(first.claim.verification).toBe('pending');
    const more = await ok(t, 'EV-1', 'EVIDENCE_SUBMITTED', { media: [{ kind: 'video', url: 'https://img.example/2.mp4' }] });
    expect(more.claim.evidence.map((e: { url: string }) => e.url)).toEqual(['https://img.example/1.jpg', 'https://img.example/2.mp4']);
  });

  it('an order whose protection window ended says so as its outcome', async () => {
    const t = await testApp();
    await delivered(t, 'PW-1');
    await t.advance(15 * 24 * HOUR);
    expect((await t.get('PW-1')).body).toMatchObject({ state: 'completed', status: 'closed', outcome: 'protection_window_ended' });
  });
});
