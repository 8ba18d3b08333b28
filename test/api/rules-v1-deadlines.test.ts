import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCalendar, weekendsOnlyCalendar } from '../../src/calendar/load-calendar.ts';
import { createManualClock } from '../../src/clock.ts';
import { expectInvariants } from '../support/invariants.ts';
import { DAY, HOUR, type TestApp } from '../support/test-app.ts';
import { testAppV1 as testApp } from '../support/v1-app.ts';

// Version 1 through the API, on a host that serves version 1 only (test/support/v1-app.ts): version 1
// is frozen but still runs the orders pinned to it, so its rules keep their tests. These are the tests
// of version 1 as they stood before version 2 became the default (b1eab33^), unchanged but for the host;
// the sweeper's tests were left out (the host's, not version 1's: test/api/deadlines.test.ts has them).

const dir = mkdtempSync(join(tmpdir(), 'aftersales-deadlines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function toVerified(t: TestApp, id: string) {
  for (const [type, payload] of [
    ['SHIPPED', { carrier: 'SF', trackingNumber: id }],
    ['DELIVERED', undefined],
    ['ISSUE_REPORTED', { kind: 'damaged' }],
    ['EVIDENCE_SUBMITTED', { media: [{ kind: 'photo', url: 'https://img.example/a.jpg' }] }],
    ['VERIFICATION_APPROVED', undefined],
  ] as const) {
    const res = await t.send(id, type, payload);
    expect(res.status, res.text).toBe(200);
  }
  return (await t.get(id)).body;
}

describe('deadline policy', () => {
  it('deployment defaults change every deadline; an order may set its own protection window and evidence days', async () => {
    const t = await testApp({
      policy: { expediteAfterDays: 1, switchSupplierAfterDays: 3, protectionWindowDays: 30, evidenceDays: 5, customsReminderDays: 1 },
    });
    const created = (await t.create({ id: 'P-1', shipBy: '2026-03-04T00:00:00Z' })).body;
    expect(created.deadlines.map((d: { dueAt: string }) => d.dueAt)).toEqual(['2026-03-05T00:00:00.000Z', '2026-03-07T00:00:00.000Z']);
    await t.send('P-1', 'SHIPPED', { carrier: 'SF', trackingNumber: '1' });
    const held = (await t.send('P-1', 'CUSTOMS_HELD')).body;
    expect(held.deadlines[0].dueAt).toBe(new Date(t.clock.now() + DAY).toISOString());
    await t.send('P-1', 'CUSTOMS_CLEARED');
    const delivered = (await t.send('P-1', 'DELIVERED')).body;
    expect(delivered.deadlines[0].dueAt).toBe(new Date(t.clock.now() + 30 * DAY).toISOString());

    await t.create({ id: 'P-2', policy: { protectionWindowDays: 60, evidenceDays: 10 } });
    await t.send('P-2', 'SHIPPED', { carrier: 'SF', trackingNumber: '2' });
    const own = (await t.send('P-2', 'DELIVERED', { at: '2026-03-01T12:00:00Z' })).body;
    expect(own.deadlines[0]).toEqual({ name: 'protectionEndsAt', dueAt: new Date(Date.parse('2026-03-01T12:00:00Z') + 60 * DAY).toISOString(), event: 'TIMER.PROTECTION_ENDED' });
    const dispute = (await t.send('P-2', 'ISSUE_REPORTED', { kind: 'wrong_item' })).body;
    expect(dispute.deadlines[0].dueAt).toBe(new Date(t.clock.now() + 10 * DAY).toISOString());
    await expectInvariants(t, 'P-2');

    const bad = await t.create({ id: 'P-3', policy: { protectionWindowDays: 0, resolutionWorkingDays: 3 } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['policy.protectionWindowDays', 'policy.resolutionWorkingDays']);
  });

  it('a delivery time in the future is refused', async () => {
    const t = await testApp();
    await t.create({ id: 'P-4' });
    await t.send('P-4', 'SHIPPED', { carrier: 'SF', trackingNumber: '4' });
    const res = await t.send('P-4', 'DELIVERED', { at: new Date(t.clock.now() + HOUR).toISOString() });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: 'payload.at', message: 'lies in the future' }]);
  });
});

describe('working days (R7)', () => {
  it('skip the National Day week and count its adjusted working Saturday, in Asia/Shanghai', async () => {
    // Approved Friday 2025-09-26 10:00 Shanghai. Working days from Saturday 27th: Sun 28 Sep is an
    // adjusted working day (1), Mon 29 (2), Tue 30 (3); 1-8 Oct are holidays; Thu 9 (4), Fri 10 (5),
    // Sat 11 Oct adjusted working day (6), Mon 13-Fri 17 (7-11), Mon 20-Thu 23 (12-15).
    // Due at the start of Friday 24 Oct in Shanghai = 2025-10-23T16:00Z.
    const t = await testApp({ clock: createManualClock('2025-09-26T02:00:00Z') });
    await t.create({ id: 'W-1', shipBy: '2025-09-27T00:00:00Z' });
    const o = await toVerified(t, 'W-1');
    expect(o.resolution).toEqual({ dueAt: '2025-10-23T16:00:00.000Z', escalated: false, escalatedAt: null, calendarNote: null });
  });

  it('count in the configured zone: the same instant is a different local day', async () => {
    // 2026-03-06T16:30Z is Saturday 00:30 in Shanghai but still Friday in Berlin.
    const shanghai = await testApp({ clock: createManualClock('2026-03-06T16:30:00Z') });
    const berlin = await testApp({ clock: createManualClock('2026-03-06T16:30:00Z'), calendar: weekendsOnlyCalendar('Europe/Berlin') });
    for (const t of [shanghai, berlin]) await t.create({ id: 'W-2', shipBy: '2026-03-07T00:00:00Z' });
    // Shanghai: from Sat 7 Mar, working days Mon 9 .. the 15th is Fri 27 Mar → Sat 28 00:00 +08:00.
    expect((await toVerified(shanghai, 'W-2')).resolution.dueAt).toBe('2026-03-27T16:00:00.000Z');
    // Berlin: from Fri 6 Mar (local), counting starts Sat 7: same 15th day Fri 27 Mar → Sat 28 00:00 +01:00.
    const b = (await toVerified(berlin, 'W-2')).resolution;
    expect(b.dueAt).toBe('2026-03-27T23:00:00.000Z');
    expect(b.calendarNote).toMatch(/does not cover 2026/);
  });

  it('say so when the calendar does not cover the year, and count weekends only', async () => {
    // 2027 is not in the bundled calendar: approved Mon 2027-03-01 09:00 Shanghai → 15 weekdays → Mon 22 Mar → due Tue 23 00:00.
    const t = await testApp({ clock: createManualClock('2027-03-01T01:00:00Z') });
    await t.create({ id: 'W-3', shipBy: '2027-03-02T00:00:00Z' });
    const o = await toVerified(t, 'W-3');
    expect(o.resolution.dueAt).toBe('2027-03-22T16:00:00.000Z');
    expect(o.resolution.calendarNote).toBe('the holiday calendar does not cover 2027: only weekends were skipped in those years');
  });

  it("use a user's own calendar file", async () => {
    const file = join(dir, 'shop-holidays.json');
    writeFileSync(file, JSON.stringify({ name: 'shop', zone: 'Europe/Berlin', years: { 2026: { holidays: ['2026-03-09', '2026-03-10'], workdays: [] } } }));
    const t = await testApp({ calendar: loadCalendar(file) });
    await t.create({ id: 'W-4' });
    // Approved Mon 2 Mar 02:00 Berlin; 15 working days from Tue 3 skipping 9 and 10 Mar: 3-6 (4), 11-13 (7), 16-20 (12), 23-25 (15) → due Thu 26 Mar 00:00 +01:00.
    expect((await toVerified(t, 'W-4')).resolution).toMatchObject({ dueAt: '2026-03-25T23:00:00.000Z', calendarNote: null });
  });
});
