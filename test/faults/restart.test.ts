import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { systemClock } from '../../src/clock.ts';
import { readConfig } from '../../src/config.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { orderMachineFrom } from '../../src/order-wiring.ts';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { orderBody } from '../support/test-app.ts';

const DAY = 86_400_000;
const ORDERS = Number(process.env.RESTART_ORDERS ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'aftersales-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Deadlines of one and two days; the service sweeps every 50 ms unless told otherwise. */
// Thousands of orders created at once from one address: the rate limit is off, as for the bench.
const env = (file: string, extra: Record<string, string> = {}) => ({ PORT: '0', DATABASE_FILE: file, EXPEDITE_AFTER_DAYS: '1', SWITCH_SUPPLIER_AFTER_DAYS: '2', SWEEP_INTERVAL_MS: '50', RATE_LIMIT_PER_SECOND: '0', ...extra });

/** What the file says: timers due now (fired or not), and each order's timer events by due time. */
function census(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const now = Date.now();
    const due = (db.prepare('SELECT count(*) AS n FROM timers WHERE due_at <= ?').get(now) as { n: number }).n;
    const leased = (db.prepare('SELECT count(*) AS n FROM timers WHERE lease_until > ?').get(now) as { n: number }).n;
    const fired = db.prepare("SELECT order_id, due_at, count(*) AS n FROM history WHERE source = 'timer' GROUP BY order_id, due_at").all() as { n: number }[];
    return { due, leased, fired: fired.length, firedTwice: fired.filter((f) => f.n > 1).length };
  } finally {
    db.close();
  }
}

/** Orders whose due timer is leased now. */
function leasedOrders(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT order_id FROM timers WHERE lease_until > ? AND due_at <= ?').all(Date.now(), Date.now()) as { order_id: string }[]).map((r) => r.order_id);
  } finally {
    db.close();
  }
}

/** How many of these orders have no timer event in their history yet. */
function unfiredOf(file: string, orderIds: string[]): number {
  const db = new Database(file, { readonly: true });
  try {
    const fired = db.prepare("SELECT 1 FROM history WHERE order_id = ? AND source = 'timer' LIMIT 1");
    return orderIds.filter((id) => fired.get(id) === undefined).length;
  } finally {
    db.close();
  }
}

describe('restarts with a backlog of due timers (SQLite, one process)', () => {
  const running: ServerProcess[] = [];
  afterEach(() => {
    for (const s of running.splice(0)) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  });

  it(`SIGTERM with ${ORDERS} due timers stops within 2 s, finishing the commits in flight and giving back its claims; after a kill -9 the next start releases the dead process's leases; each timer fires once`, async () => {
    const file = join(dir, 'backlog.db');
    // 1. Orders whose first deadline fell due half a day ago, written in-process (group commits of
    // hundreds: much faster than over HTTP) with the deadline policy the service runs with.
    const store = await openSqliteStore(file);
    const seeder = createApp({ store, clock: systemClock, logger: createMemoryLogger(), accessLog: false, machine: orderMachineFrom(readConfig(env(file))).machine });
    const shipBy = new Date(Date.now() - 1.5 * DAY).toISOString();
    const seededFrom = Date.now();
    for (let from = 0; from < ORDERS; from += 500) {
      const ids = Array.from({ length: Math.min(500, ORDERS - from) }, (_, i) => `backlog-${from + i}`);
      const statuses = await Promise.all(
        ids.map(async (id) => (await seeder.request('/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(orderBody({ id, shipBy })) })).status),
      );
      expect(statuses.filter((s) => s !== 201)).toEqual([]);
    }
    await store.close();
    console.log(`seeded ${ORDERS} orders in ${Date.now() - seededFrom} ms`);
    expect(census(file)).toMatchObject({ due: ORDERS, fired: 0 });

    // 2. The service starts sweeping the backlog; SIGTERM once it is well into it.
    const sweeping = startServer(env(file));
    running.push(sweeping);
    await sweeping.url;
    expect(await sweeping.line((l) => l.msg === 'timer fired', 30_000)).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalledAt = Date.now();
    sweeping.child.kill('SIGTERM');
    expect(await sweeping.exited).toBe(0);
    const stopMs = Date.now() - signalledAt;
    const afterStop = census(file);
    const firedLines = sweeping.lines().filter((l) => l.msg === 'timer fired').length;
    console.log(`SIGTERM with a backlog: stopped in ${stopMs} ms; ${afterStop.fired} of ${ORDERS} timers fired, ${afterStop.leased} left leased`);
    expect(stopMs).toBeLessThan(2000);
    expect(afterStop.fired).toBe(firedLines); // every commit it logged is in the file, and no more
    expect(afterStop.fired).toBeGreaterThan(0);
    expect(afterStop.fired).toBeLessThan(ORDERS); // it did not drain the backlog before stopping
    expect(afterStop.firedTwice).toBe(0);
    expect(afterStop.leased).toBe(0); // what it claimed and did not fire, it gave back

    // 3. The next start sweeps on; kill -9 in the middle leaves its claims leased in the file. It is
    // killed while it holds many claims (a claim of 200 fired by 8 at a time): killed as soon as it had
    // fired one, it had sometimes fired its whole first claim on a quiet machine, leaving none.
    const killed = startServer(env(file));
    running.push(killed);
    await killed.url;
    const midClaim = () => census(file).fired > afterStop.fired && leasedOrders(file).length >= 50;
    for (const end = Date.now() + 30_000; !midClaim() && Date.now() < end; ) await new Promise((resolve) => setTimeout(resolve, 5));
    killed.child.kill('SIGKILL');
    await killed.exited;
    const leasedAtKill = leasedOrders(file);
    expect(leasedAtKill.length).toBeGreaterThan(0);

    // 4. The next start releases the dead process's leases: the timers it had claimed fire in the
    // first sweep (not after their 60 s lease), and then the rest, each once.
    const restarted = startServer(env(file));
    running.push(restarted);
    await restarted.url;
    const startedAt = Date.now();
    const stillLeasedUnfired = () => unfiredOf(file, leasedAtKill);
    while (stillLeasedUnfired() > 0 && Date.now() - startedAt < 30_000) await new Promise((resolve) => setTimeout(resolve, 100));
    const leasedFiredMs = Date.now() - startedAt;
    expect(stillLeasedUnfired()).toBe(0);
    while (census(file).fired < ORDERS && Date.now() - startedAt < 150_000) await new Promise((resolve) => setTimeout(resolve, 250));
    const drainedMs = Date.now() - startedAt;
    expect(await restarted.stop()).toBe(0);
    const final = census(file);
    console.log(`after kill -9 and a restart: the ${leasedAtKill.length} timers leased by the killed process fired within ${leasedFiredMs} ms; ${final.fired} of ${ORDERS} fired in ${drainedMs} ms, ${final.firedTwice} twice`);
    expect(final).toMatchObject({ fired: ORDERS, firedTwice: 0, due: 0 });
  }, 420_000);
});
