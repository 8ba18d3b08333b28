import { describe, expect, it } from 'vitest';
import { expectInvariants } from '../support/invariants.ts';
import { DAY, type TestApp } from '../support/test-app.ts';
import { testAppV1 as testApp } from '../support/v1-app.ts';

// Version 1 through the API, on a host that serves version 1 only (test/support/v1-app.ts): version 1
// is frozen but still runs the orders pinned to it, so its rules keep their tests. These are the tests
// of version 1 as they stood before version 2 became the default (b1eab33^), unchanged but for the host.

async function step(t: TestApp, id: string, type: string, payload?: unknown) {
  const res = await t.send(id, type, payload);
  expect(res.status, `${type}: ${res.text}`).toBe(200);
  await expectInvariants(t, id);
  return res.body;
}

const ship = (t: TestApp, id: string) => step(t, id, 'SHIPPED', { carrier: 'Cainiao', trackingNumber: `LP${id}` });

async function delivered(t: TestApp, id: string, overrides: Record<string, unknown> = {}) {
  await t.create({ id, ...overrides });
  await ship(t, id);
  return step(t, id, 'DELIVERED');
}

describe('R6: customs delay', () => {
  it('e-mails a customs reminder to the seller at once and every 3 days while held, until cleared', async () => {
    const t = await testApp();
    await t.create({ id: 'R6', scope: 'international', sellerEmail: 'ops@seller.example' });
    await ship(t, 'R6');
    const held = await step(t, 'R6', 'CUSTOMS_HELD', { note: 'import duty unpaid' });
    expect(held.state).toBe('inTransit.shipping.customsHold');
    expect(held.problem).toMatchObject({ rule: 'R6', code: 'customs_hold' });
    const firstDue = t.clock.now() + 3 * DAY;
    expect(held.deadlines).toEqual([{ name: 'customsReminderAt', dueAt: new Date(firstDue).toISOString(), event: 'TIMER.CUSTOMS_REMINDER' }]);
    expect(await t.store.outbox('R6')).toMatchObject([{ action: 'sendCustomsReminder', payload: { to: 'ops@seller.example', trackingNumber: 'LPR6', reminder: 1 } }]);

    expect(await t.advance(3 * DAY - 1)).toBe(0);
    expect(await t.advance(1)).toBe(1);
    expect(await t.advance(3 * DAY)).toBe(1);
    const reminders = (await t.store.outbox('R6')).filter((o) => o.action === 'sendCustomsReminder');
    expect(reminders.map((r) => (r.payload as { reminder: number }).reminder)).toEqual([1, 2, 3]);

    const cleared = await step(t, 'R6', 'CUSTOMS_CLEARED');
    expect(cleared.state).toBe('inTransit.shipping.onTheWay');
    expect(cleared.deadlines).toEqual([]);
    expect(await t.advance(10 * DAY)).toBe(0);
    expect((await t.store.outbox('R6')).length).toBe(3);
  });
});

describe('R7: wrong or missing items', () => {
  it('evidence, platform verification, then a reship within 15 working days', async () => {
    const t = await testApp();
    const d = await delivered(t, 'R7');
    expect(d.state).toBe('delivered');
    expect(d.deadlines.map((x: { name: string }) => x.name)).toEqual(['protectionEndsAt']);

    const dispute = await step(t, 'R7', 'ISSUE_REPORTED', { kind: 'wrong_item', items: [{ sku: 'mug-blue', quantity: 1 }], description: 'got a red mug' });
    expect(dispute.state).toBe('dispute');
    expect(dispute.problem).toMatchObject({ rule: 'R7', code: 'evidence_needed' });
    expect(dispute.deadlines).toEqual([{ name: 'evidenceDueAt', dueAt: new Date(t.clock.now() + 7 * DAY).toISOString(), event: 'TIMER.EVIDENCE_DUE' }]);

    const v = await step(t, 'R7', 'EVIDENCE_SUBMITTED', { media: [{ kind: 'photo', url: 'https://img.example/1.jpg' }] });
    expect(v.state).toBe('verification.awaitingPlatform');
    expect(v.claim.evidence).toHaveLength(1);
    expect(await step(t, 'R7', 'EVIDENCE_SUBMITTED', { media: [{ kind: 'video', url: 'https://img.example/2.mp4' }] })).toMatchObject({ state: 'verification.awaitingPlatform' });
    expect((await t.store.outbox('R7')).map((o) => o.action)).toEqual(['requestVerification']);

    // Approved on Monday 2026-03-02 09:00 in Shanghai (the default calendar; March 2026 has no
    // holidays): counting from Tuesday 3rd, working days 1-4 are 3-6 Mar, 5-9 are 9-13, 10-14 are
    // 16-20, and the 15th is Monday 23 Mar, so the deadline is the start of Tuesday 24 Mar in
    // Shanghai: 2026-03-23T16:00Z.
    const approved = await step(t, 'R7', 'VERIFICATION_APPROVED', { reason: 'photo shows a red mug' });
    expect(approved.state).toBe('verification.awaitingResolution');
    expect(approved.resolution).toMatchObject({ dueAt: '2026-03-23T16:00:00.000Z', escalated: false });
    expect(approved.deadlines).toEqual([{ name: 'resolutionDueAt', dueAt: '2026-03-23T16:00:00.000Z', event: 'TIMER.RESOLUTION_DUE' }]);
    expect(approved.problem.recommendedEvents).toEqual(['REQUEST_RESHIP', 'REQUEST_REFUND']);

    const reship = await step(t, 'R7', 'REQUEST_RESHIP');
    expect(reship.state).toBe('reship');
    expect(reship.claim).toMatchObject({ resolution: 'reship', items: [{ sku: 'mug-blue', quantity: 1 }] });
    expect(reship.resolution.dueAt).toBe('2026-03-23T16:00:00.000Z');

    const again = await step(t, 'R7', 'RESHIPPED', { carrier: 'SF', trackingNumber: 'SF-RE-1' });
    expect(again.state).toBe('inTransit.shipping.onTheWay');
    expect(again.resolution).toBeNull();
    expect(again.shipments.map((s: { kind: string }) => s.kind)).toEqual(['original', 'reship']);
    expect(again.shipments[1].items).toEqual([{ sku: 'mug-blue', quantity: 1 }]);
  });

  it('a missed resolution deadline escalates and the order keeps waiting', async () => {
    const t = await testApp();
    await delivered(t, 'R7-late');
    await step(t, 'R7-late', 'ISSUE_REPORTED', { kind: 'missing_item' });
    await step(t, 'R7-late', 'EVIDENCE_SUBMITTED', { media: [{ kind: 'video', url: 'https://img.example/unboxing.mp4' }] });
    await step(t, 'R7-late', 'VERIFICATION_APPROVED');
    t.clock.set('2026-03-23T15:59:59.999Z');
    expect(await t.app.sweeper.sweep()).toBe(0);
    expect(await t.advance(1)).toBe(1);
    const o = await expectInvariants(t, 'R7-late');
    expect(o.state).toBe('verification.awaitingResolution');
    expect(o.resolution).toMatchObject({ dueAt: '2026-03-23T16:00:00.000Z', escalated: true, escalatedAt: '2026-03-23T16:00:00.000Z' });
    expect(o.deadlines).toEqual([]);
    expect((await t.store.outbox('R7-late')).map((x) => x.action)).toEqual(['requestVerification', 'escalateResolution']);
    expect(await t.advance(DAY)).toBe(0);
    // Still resolvable after the escalation: the missing item is refunded in full (no items claimed).
    const refund = await step(t, 'R7-late', 'REQUEST_REFUND');
    expect(refund.money.pendingRefund).toBe(5500);
  });

  it('without evidence in 7 days the dispute closes and the order completes', async () => {
    const t = await testApp();
    await delivered(t, 'R7-quiet');
    await step(t, 'R7-quiet', 'ISSUE_REPORTED', { kind: 'wrong_item' });
    expect(await t.advance(7 * DAY - 1)).toBe(0);
    expect(await t.advance(1)).toBe(1);
    const o = await expectInvariants(t, 'R7-quiet');
    expect(o).toMatchObject({ state: 'completed', outcome: 'evidence_missing', status: 'closed' });
  });

  it('a rejected verification completes the order without a refund', async () => {
    const t = await testApp();
    await delivered(t, 'R7-no');
    await step(t, 'R7-no', 'ISSUE_REPORTED', { kind: 'wrong_item' });
    await step(t, 'R7-no', 'EVIDENCE_SUBMITTED', { media: [{ kind: 'photo', url: 'https://img.example/blurry.jpg' }] });
    const o = await step(t, 'R7-no', 'VERIFICATION_REJECTED', { reason: 'photo does not show the item' });
    expect(o).toMatchObject({ state: 'completed', outcome: 'dispute_rejected', claim: { verification: 'rejected' } });
    expect(o.money.refunded).toBe(0);
  });

  it('with no issue the protection window ends after 15 days and the order completes', async () => {
    const t = await testApp();
    await delivered(t, 'R7-ok');
    expect(await t.advance(15 * DAY - 1)).toBe(0);
    expect(await t.advance(1)).toBe(1);
    expect((await expectInvariants(t, 'R7-ok')).state).toBe('completed');
  });
});

describe('R8: damaged products', () => {
  it('follows R7; the refund defaults to the claimed items', async () => {
    const t = await testApp();
    await delivered(t, 'R8');
    const d = await step(t, 'R8', 'ISSUE_REPORTED', { kind: 'damaged', items: [{ sku: 'mug-blue', quantity: 2 }] });
    expect(d.claim.kind).toBe('damaged');
    await step(t, 'R8', 'EVIDENCE_SUBMITTED', { media: [{ kind: 'photo', url: 'https://img.example/shards.jpg' }] });
    await step(t, 'R8', 'VERIFICATION_APPROVED');
    const r = await step(t, 'R8', 'REQUEST_REFUND');
    expect(r.state).toBe('refund');
    expect(r.money.pendingRefund).toBe(2500);
    expect(r.resolution.dueAt).toBe('2026-03-23T16:00:00.000Z');
    const done = await step(t, 'R8', 'REFUND_ISSUED', { amount: 2500 });
    expect(done).toMatchObject({ state: 'refunded', money: { paid: 5500, refunded: 2500, refundable: 3000 } });
  });

  it('refuses claimed items the order does not contain', async () => {
    const t = await testApp();
    await delivered(t, 'R8-x');
    const res = await t.send('R8-x', 'ISSUE_REPORTED', { kind: 'damaged', items: [{ sku: 'vase', quantity: 1 }, { sku: 'plate', quantity: 2 }] });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { path: 'payload.items.0.sku', message: 'vase is not in this order' },
      { path: 'payload.items.1.quantity', message: '2 of plate exceeds the 1 ordered' },
    ]);
    expect((await t.get('R8-x')).body.state).toBe('delivered');
  });
});

describe('R9: domestic cancellation or wrong address', () => {
  it('intercepts; a failed interception returns to where the order was, a successful one is refunded', async () => {
    const t = await testApp();
    await t.create({ id: 'R9' });
    await t.advance(4 * DAY); // expediting (shipBy + 2d) — the clock starts 2 days before shipBy
    expect((await t.get('R9')).body.state).toBe('preShipment.processing.expediting');
    const i = await step(t, 'R9', 'CANCEL_REQUESTED', { reason: 'customer_cancelled' });
    expect(i.state).toBe('preShipment.intercepting');
    expect(i.cancellation).toMatchObject({ reason: 'customer_cancelled', outcome: 'pending' });
    expect(i.problem).toMatchObject({ rule: 'R9' });
    expect((await t.store.outbox('R9')).map((o) => o.action)).toEqual(['requestExpedite', 'requestInterception']);

    const back = await step(t, 'R9', 'INTERCEPT_FAILED', { note: 'already handed to the carrier' });
    expect(back.state).toBe('preShipment.processing.expediting');
    expect(back.cancellation.outcome).toBe('failed');

    await step(t, 'R9', 'CANCEL_REQUESTED', { reason: 'wrong_address' });
    const ok = await step(t, 'R9', 'INTERCEPT_SUCCEEDED');
    expect(ok.state).toBe('refund');
    expect(ok.cancellation).toMatchObject({ reason: 'wrong_address', outcome: 'intercepted' });
    expect(ok.money.pendingRefund).toBe(5500);
  });

  it('intercepts a domestic parcel in customs and returns to the hold when it fails', async () => {
    const t = await testApp();
    await t.create({ id: 'R9-t' });
    await ship(t, 'R9-t');
    await step(t, 'R9-t', 'CUSTOMS_HELD');
    expect((await step(t, 'R9-t', 'CANCEL_REQUESTED', { reason: 'wrong_address' })).state).toBe('inTransit.intercepting');
    expect((await step(t, 'R9-t', 'INTERCEPT_FAILED')).state).toBe('inTransit.shipping.customsHold');
  });

  it('a reshipped parcel that is intercepted is refunded in full, not by the claimed items', async () => {
    const t = await testApp();
    await delivered(t, 'R9-re');
    await step(t, 'R9-re', 'ISSUE_REPORTED', { kind: 'wrong_item', items: [{ sku: 'mug-blue', quantity: 1 }] });
    await step(t, 'R9-re', 'EVIDENCE_SUBMITTED', { media: [{ kind: 'photo', url: 'https://img.example/x.jpg' }] });
    await step(t, 'R9-re', 'VERIFICATION_APPROVED');
    await step(t, 'R9-re', 'REQUEST_RESHIP');
    await step(t, 'R9-re', 'RESHIPPED', { carrier: 'SF', trackingNumber: 'RE-1' });
    await step(t, 'R9-re', 'CANCEL_REQUESTED', { reason: 'wrong_address' });
    const refund = await step(t, 'R9-re', 'INTERCEPT_SUCCEEDED');
    expect(refund.money.pendingRefund).toBe(5500);
    expect(refund.claim.resolution).toBe('reship');
    const requested = (await t.store.outbox('R9-re')).filter((o) => o.action === 'requestRefund');
    expect(requested.map((o) => o.payload)).toEqual([{ amount: 5500 }]);
  });

  it('refuses a cancellation after delivery with a reason', async () => {
    const t = await testApp();
    await delivered(t, 'R9-late');
    const res = await t.send('R9-late', 'CANCEL_REQUESTED', { reason: 'customer_cancelled' });
    expect(res.status).toBe(409);
    expect(res.body.reason).toMatch(/can no longer be intercepted/);
  });
});

describe('R10: international cancellation or wrong address', () => {
  for (const [where, prepare] of [
    ['before shipment', async () => {}],
    ['in transit', async (t: TestApp) => void (await ship(t, 'R10'))],
  ] as const) {
    it(`is refused with a clear reason ${where} and changes nothing`, async () => {
      const t = await testApp();
      await t.create({ id: 'R10', scope: 'international' });
      await prepare(t);
      const before = await t.get('R10');
      const historyBefore = await t.history('R10');
      for (const reason of ['customer_cancelled', 'wrong_address']) {
        const res = await t.send('R10', 'CANCEL_REQUESTED', { reason });
        expect(res.status).toBe(409);
        expect(res.headers.get('content-type')).toBe('application/problem+json');
        expect(res.body).toMatchObject({ type: '/problems/event-not-accepted', event: 'CANCEL_REQUESTED', state: before.body.state });
        expect(res.body.reason).toBe('international orders cannot be intercepted, so a cancellation or a wrong address cannot be refunded (R10)');
        expect(res.body.detail).toContain('R10');
        expect(res.body.acceptedEvents).not.toContain('CANCEL_REQUESTED');
      }
      expect((await t.get('R10')).body).toEqual(before.body);
      expect((await t.history('R10')).body).toEqual(historyBefore.body);
      expect(before.body.acceptedEvents).not.toContain('CANCEL_REQUESTED');
      await expectInvariants(t, 'R10');
    });
  }
});
