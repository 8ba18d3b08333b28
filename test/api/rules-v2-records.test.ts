import { describe, expect, it } from 'vitest';
import { DAY, testApp, type TestApp } from '../support/test-app.ts';

/**
 * What version 2 records of an order and shows in its view, field by field, where the other rule
 * tests look only at states and deadlines: payments and their references, claims and how they
 * closed, customs escalations, lost parcels, owed supplier refunds and their reminders, notices and
 * outcomes. The sample order: two blue mugs at 12.50 and a plate at 30.00 (5,500), domestic, from
 * tmall-store-1, created 2026-03-02T01:00Z (the test clock's start).
 */
async function ok(t: TestApp, id: string, type: string, payload?: unknown) {
  const res = await t.send(id, type, payload);
  expect(res.status, `${type}: ${res.text}`).toBe(200);
  return res.body;
}

const iso = (ms: number) => new Date(ms).toISOString();
const media = [{ kind: 'photo', url: 'https://img.example/1.jpg' }];
const names = (view: { deadlines: { name: string }[] }) => view.deadlines.map((d) => d.name);

async function delivered(t: TestApp, id: string, overrides: Record<string, unknown> = {}) {
  await t.create({ id, ...overrides });
  await ok(t, id, 'SHIPPED', { carrier: 'SF', trackingNumber: `SF-${id}` });
  return ok(t, id, 'DELIVERED');
}

describe('version 2 records payments and claims as they happened', () => {
  it('a payment keeps its reference, and the payment that settles a refund of items records the items', async () => {
    const t = await testApp();
    await t.create({ id: 'V-1' });
    await ok(t, 'V-1', 'REQUEST_REFUND', { reason: 'out_of_stock', items: [{ sku: 'plate', quantity: 1 }] });
    const paid = await ok(t, 'V-1', 'REFUND_ISSUED', { amount: 3000, reference: 'PAY-1' });
    expect(paid.money.refunds).toEqual([{ amount: 3000, at: iso(t.clock.now()), reference: 'PAY-1', items: [{ sku: 'plate', quantity: 1 }] }]);
  });

  it('a claim keeps its description and the platform reason of its approval; a reship closes it as reshipped', async () => {
    const t = await testApp();
    await delivered(t, 'V-2');
    expect((await ok(t, 'V-2', 'ISSUE_REPORTED', { kind: 'damaged', description: 'cracked' })).claim.description).toBe('cracked');
    await ok(t, 'V-2', 'EVIDENCE_SUBMITTED', { media });
    expect((await ok(t, 'V-2', 'VERIFICATION_APPROVED', { reason: 'photo is clear' })).claim.verificationReason).toBe('photo is clear');
    await ok(t, 'V-2', 'REQUEST_RESHIP');
    await t.advance(DAY);
    const reshipped = await ok(t, 'V-2', 'RESHIPPED', { carrier: 'SF', trackingNumber: 'SF-V-2b' });
    expect(reshipped.claim.closed).toEqual({ at: iso(t.clock.now()), outcome: 'reshipped' });
  });

  it('a reshipped claim leaves no resolution deadline behind: a later reship of a lost parcel has none', async () => {
    const t = await testApp();
    await delivered(t, 'V-11');
    await ok(t, 'V-11', 'ISSUE_REPORTED', { kind: 'damaged' });
    await ok(t, 'V-11', 'EVIDENCE_SUBMITTED', { media });
    expect(names(await ok(t, 'V-11', 'VERIFICATION_APPROVED'))).toContain('resolutionDueAt');
    await ok(t, 'V-11', 'REQUEST_RESHIP');
    await ok(t, 'V-11', 'RESHIPPED', { carrier: 'SF', trackingNumber: 'SF-V-11b' });
    await ok(t, 'V-11', 'PARCEL_LOST');
    const again = await ok(t, 'V-11', 'REQUEST_RESHIP');
    expect(again.state).toBe('reship');
    expect(names(again)).not.toContain('resolutionDueAt');
  });

  it('a rejected claim keeps the platform reason', async () => {
    const t = await testApp();
    await delivered(t, 'V-3');
    await ok(t, 'V-3', 'ISSUE_REPORTED', { kind: 'damaged' });
    await ok(t, 'V-3', 'EVIDENCE_SUBMITTED', { media });
    const rejected = await ok(t, 'V-3', 'VERIFICATION_REJECTED', { reason: 'no damage visible' });
    expect(rejected.claim).toMatchObject({ verification: 'rejected', verificationReason: 'no damage visible', closed: { outcome: 'rejected' } });
  });

  it('a claim refund paid in part keeps the resolution deadline; paid in full it clears it, even where the order stays for an owed supplier refund', async () => {
    const t = await testApp();
    await t.create({ id: 'V-4' });
    await ok(t, 'V-4', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-1' } });
    await ok(t, 'V-4', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-V-4' });
    await ok(t, 'V-4', 'DELIVERED');
    await ok(t, 'V-4', 'ISSUE_REPORTED', { kind: 'missing_item' });
    await ok(t, 'V-4', 'EVIDENCE_SUBMITTED', { media });
    await ok(t, 'V-4', 'VERIFICATION_APPROVED');
    expect((await ok(t, 'V-4', 'REQUEST_REFUND')).money.refundRequest).toMatchObject({ amount: 5500, reason: 'claim' });
    const part = await ok(t, 'V-4', 'REFUND_ISSUED', { amount: 2000 });
    expect(names(part)).toContain('resolutionDueAt');
    const all = await ok(t, 'V-4', 'REFUND_ISSUED', { amount: 3500 });
    // Nothing more for the buyer; tmall-store-1 still owes the seller (R15), so the order stays in refund.
    expect(all.state).toBe('refund');
    expect(all.claim.closed).toEqual({ at: iso(t.clock.now()), outcome: 'refunded' });
    expect(names(all)).not.toContain('resolutionDueAt');
  });
});

describe('version 2 records what happened to the parcel', () => {
  it('a customs hold that lasts too long is escalated with its time; clearance ends the escalation', async () => {
    const t = await testApp();
    await t.create({ id: 'V-5', scope: 'international' });
    await ok(t, 'V-5', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-V-5' });
    expect((await ok(t, 'V-5', 'CUSTOMS_HELD')).customs).toEqual({ holds: 1, remindersSent: 1, escalatedAt: null });
    const escalateAt = t.clock.now() + 15 * DAY;
    await t.advance(15 * DAY);
    const escalated = (await t.get('V-5')).body;
    expect(escalated.state).toBe('inTransit.shipping.customsEscalated');
    expect(escalated.customs.escalatedAt).toBe(iso(escalateAt));
    expect(names(escalated)).not.toContain('customsReminderAt');
    const cleared = await ok(t, 'V-5', 'CUSTOMS_CLEARED');
    expect(cleared.customs.escalatedAt).toBeNull();
  });

  it('a lost reshipment marks only itself lost, not the parcel lost before it', async () => {
    const t = await testApp();
    await t.create({ id: 'V-6' });
    await ok(t, 'V-6', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-V-6' });
    const firstLost = t.clock.now() + DAY;
    await t.advance(DAY);
    await ok(t, 'V-6', 'PARCEL_LOST');
    await ok(t, 'V-6', 'REQUEST_RESHIP');
    await ok(t, 'V-6', 'RESHIPPED', { carrier: 'SF', trackingNumber: 'SF-V-6b' });
    await t.advance(DAY);
    const lost = await ok(t, 'V-6', 'PARCEL_LOST');
    expect(lost.shipments.map((s: { lostAt: string | null }) => s.lostAt)).toEqual([iso(firstLost), iso(t.clock.now())]);
  });
});

describe('version 2 records owed supplier refunds and their reminders', () => {
  it('a reminder marks only suppliers still owing and not yet reminded, at the time it fired', async () => {
    const t = await testApp();
    const t0 = t.clock.now();
    await t.create({ id: 'V-7' });
    await ok(t, 'V-7', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-1' } });
    await t.advance(3 * DAY);
    await ok(t, 'V-7', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-2' } });
    await t.advance(4 * DAY); // tmall-store-1 reminded at t0 + 7 days
    await t.advance(3 * DAY); // alt-1 reminded at t0 + 10 days
    const suppliers = (await t.get('V-7')).body.suppliers as { id: string; refundRemindedAt: string | null }[];
    expect(suppliers.map((s) => [s.id, s.refundRemindedAt])).toEqual([
      ['tmall-store-1', iso(t0 + 7 * DAY)],
      ['alt-1', iso(t0 + 10 * DAY)],
      ['alt-2', null],
    ]);
  });

  it('a supplier that paid back keeps its record and is never reminded', async () => {
    const t = await testApp();
    const t0 = t.clock.now();
    await t.create({ id: 'V-8' });
    await ok(t, 'V-8', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-1', name: 'Alt 1' } });
    await t.advance(3 * DAY);
    await ok(t, 'V-8', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-2' } });
    await ok(t, 'V-8', 'SUPPLIER_REFUNDED', { supplierId: 'tmall-store-1', amount: 5500 });
    await t.advance(7 * DAY); // alt-1's reminder, at t0 + 10 days
    const suppliers = (await t.get('V-8')).body.suppliers;
    expect(suppliers[0]).toEqual({ id: 'tmall-store-1', name: 'Tmall Store 1', status: 'replaced', since: iso(t0), replacedAt: iso(t0), originalOrderRefund: 'settled', refundRemindedAt: null });
    expect(suppliers[1]).toMatchObject({ id: 'alt-1', originalOrderRefund: 'owed', refundRemindedAt: iso(t0 + 10 * DAY) });
  });
});

describe('version 2 tells the seller why a claim or the protection window ended', () => {
  it('a claim without evidence is closed with a notice, and the order ends as evidence_missing when the window ends', async () => {
    const t = await testApp();
    await delivered(t, 'V-9');
    await ok(t, 'V-9', 'ISSUE_REPORTED', { kind: 'damaged' });
    await t.advance(7 * DAY);
    const closed = (await t.get('V-9')).body;
    expect(closed.notice).toEqual({ code: 'claim_closed', at: iso(t.clock.now()), text: 'The claim was closed: no evidence arrived before the evidence deadline.' });
    await t.advance(8 * DAY);
    const ended = (await t.get('V-9')).body;
    expect([ended.state, ended.outcome]).toEqual(['completed', 'evidence_missing']);
  });

  it('a window that ends while a replaced supplier owes says the order stays open for it', async () => {
    const t = await testApp();
    await t.create({ id: 'V-10' });
    await ok(t, 'V-10', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-1' } });
    await ok(t, 'V-10', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-V-10' });
    await ok(t, 'V-10', 'DELIVERED');
    await t.advance(15 * DAY);
    const open = (await t.get('V-10')).body;
    expect(open.state).toBe('delivered');
    expect(open.notice).toEqual({
      code: 'protection_ended_owed',
      at: iso(t.clock.now()),
      text: 'The buyer-protection window has ended; the order stays open until the replaced supplier refunds the original order (R15).',
    });
  });
});
