import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCalendar, weekendsOnlyCalendar } from '../../src/calendar/load-calendar.ts';
import { createManualClock } from '../../src/clock.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { expectInvariants } from '../support/invariants.ts';
import { DAY, HOUR, testApp, type TestApp } from '../support/test-app.ts';

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
    const created = (await t.create({ id: 'P-1', shipBy: '2026-03-04T00:00:00Z', scope: 'international' })).body;
    expect(created.deadlines.map((d: { dueAt: string }) => d.dueAt)).toEqual(['2026-03-05T00:00:00.000Z', '2026-03-07T00:00:00.000Z']);
    await t.send('P-1', 'SHIPPED', { carrier: 'SF', trackingNumber: '1' });
    const held = (await t.send('P-1', 'CUSTOMS_HELD')).body;
    expect(held.deadlines[0].dueAt).toBe(new Date(t.clock.now() + DAY).toISOString());
    await t.send('P-1', 'CUSTOMS_CLEARED');
    const delivered = (await t.send('P-1', 'DELIVERED')).body;
    expect(delivered.deadlines[0].dueAt).toBe(new Date(t.clock.now() + 30 * DAY).toISOString());

    await t.create({ id: 'P-2', policy: { protectionWindowDays: 60, evidenceDays: 10 } });
    await t.send('P-2', 'SHIPPED', { carrier: 'SF', trackingNumber: '2' });
    t.clock.advance(DAY);
    // R17 (version 2): the delivery time lies after the shipment (version 1 took one before it).
    const own = (await t.send('P-2', 'DELIVERED', { at: '2026-03-02T12:00:00Z' })).body;
    expect(own.deadlines[0]).toEqual({ name: 'protectionEndsAt', dueAt: new Date(Date.parse('2026-03-02T12:00:00Z') + 60 * DAY).toISOString(), event: 'TIMER.PROTECTION_ENDED' });
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

describe('the sweeper', () => {
  it('reports lateness in /healthz and logs each fired timer', async () => {
    const t = await testApp();
    await t.create({ id: 'H-1', shipBy: '2026-03-02T00:00:00Z' }); // expedite due 2026-03-04T00:00Z
    t.clock.set(Date.parse('2026-03-04T00:00:00Z') + 5 * 60_000);
    expect(await t.app.sweeper.sweep()).toBe(1);
    const health = (await t.call('GET', '/healthz')).body;
    expect(health.timers).toMatchObject({ fired: 1, lastLatenessMs: 300_000, maxLatenessMs: 300_000, lastSweepAt: '2026-03-04T00:05:00.000Z' });
    expect(t.logger.lines.find((l) => l.msg === 'timer fired')).toMatchObject({ orderId: 'H-1', deadline: 'expediteAt', latenessMs: 300_000 });
  });

  it('after a restart catches up on everything that fell due, in due order, each once', async () => {
    const file = join(dir, 'restart.db');
    const clock = createManualClock('2026-03-02T01:00:00Z');
    const first = await testApp({ store: createSqliteStore(new Database(file)), clock });
    await first.create({ id: 'X-late', shipBy: '2026-03-05T00:00:00Z' }); // expedite 03-07, switch 03-09
    await first.create({ id: 'X-early', shipBy: '2026-03-03T00:00:00Z' }); // expedite 03-05, switch 03-07
    await first.create({ id: 'X-customs', scope: 'international' });
    await first.send('X-customs', 'SHIPPED', { carrier: 'SF', trackingNumber: 'C' });
    await first.send('X-customs', 'CUSTOMS_HELD'); // reminder due 03-05T01:00
    await first.store.close();

    clock.set('2026-03-10T00:00:00Z'); // the service was down for a week
    const second = await testApp({ store: createSqliteStore(new Database(file)), clock });
    expect(await second.app.sweeper.sweep()).toBe(5);
    const fired = [];
    for (const id of ['X-early', 'X-late', 'X-customs']) {
      const history = (await second.history(id)).body.history.filter((h: { source: string }) => h.source === 'timer');
      for (const h of history) fired.push({ id, type: h.type, dueAt: h.dueAt, at: h.at });
      await expectInvariants(second, id);
    }
    expect(fired.sort((a, b) => a.dueAt.localeCompare(b.dueAt))).toEqual([
      { id: 'X-early', type: 'TIMER.EXPEDITE', dueAt: '2026-03-05T00:00:00.000Z', at: '2026-03-10T00:00:00.000Z' },
      { id: 'X-customs', type: 'TIMER.CUSTOMS_REMINDER', dueAt: '2026-03-05T01:00:00.000Z', at: '2026-03-10T00:00:00.000Z' },
      { id: 'X-early', type: 'TIMER.SWITCH_SUPPLIER', dueAt: '2026-03-07T00:00:00.000Z', at: '2026-03-10T00:00:00.000Z' },
      { id: 'X-late', type: 'TIMER.EXPEDITE', dueAt: '2026-03-07T00:00:00.000Z', at: '2026-03-10T00:00:00.000Z' },
      { id: 'X-late', type: 'TIMER.SWITCH_SUPPLIER', dueAt: '2026-03-09T00:00:00.000Z', at: '2026-03-10T00:00:00.000Z' },
    ]);
    // One catch-up reminder, then the next one 3 days after it fired, not a burst for the missed ones.
    expect((await second.get('X-customs')).body.deadlines[0].dueAt).toBe('2026-03-13T00:00:00.000Z');
    expect(await second.app.sweeper.sweep()).toBe(0);
    await second.store.close();
  });

  it('two sweepers on one database fire each timer once', async () => {
    const file = join(dir, 'two.db');
    const clock = createManualClock('2026-03-02T01:00:00Z');
    const a = await testApp({ store: createSqliteStore(new Database(file)), clock });
    const b = await testApp({ store: createSqliteStore(new Database(file)), clock });
    const ids = Array.from({ length: 30 }, (_, i) => `T-${String(i).padStart(2, '0')}`);
    for (const id of ids) await a.create({ id, shipBy: '2026-03-03T00:00:00Z' });
    clock.set('2026-03-08T00:00:00Z');
    const [firedA, firedB] = await Promise.all([a.app.sweeper.sweep(), b.app.sweeper.sweep()]);
    expect(firedA + firedB).toBe(60);
    for (const id of ids) {
      const history = (await a.history(id)).body.history;
      expect(history.map((h: { type: string }) => h.type)).toEqual(['ORDER_CREATED', 'TIMER.EXPEDITE', 'TIMER.SWITCH_SUPPLIER']);
      expect((await a.store.outbox(id)).map((o) => o.action)).toEqual(['requestExpedite', 'alertStockProblem']);
    }
    // Claims keep the sweepers off each other's timers: neither fired anything in vain.
    expect(a.app.sweeper.stats.stale + b.app.sweeper.stats.stale).toBe(0);

    // The same timer fired by both at the same moment: one fires it, the other finds it stale.
    await a.create({ id: 'T-race', shipBy: '2026-03-07T00:00:00Z' });
    clock.set('2026-03-09T00:00:00Z');
    const [timer] = await a.store.dueTimers(clock.now(), 10);
    expect(timer).toMatchObject({ orderId: 'T-race', name: 'expediteAt' });
    const outcomes = await Promise.all([a.app.engine.fireTimer(timer!), b.app.engine.fireTimer(timer!)]);
    expect(outcomes.sort()).toEqual(['fired', 'stale']);
    expect((await a.history('T-race')).body.history.map((h: { type: string }) => h.type)).toEqual(['ORDER_CREATED', 'TIMER.EXPEDITE']);
    await a.store.close();
    await b.store.close();
  });
});
