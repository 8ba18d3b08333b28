import { describe, expect, it } from 'vitest';
import { announceSkip, pgUrl, reportSuiteRan } from '../support/postgres.ts';
import { orderBody } from '../support/test-app.ts';
import { withFleet } from './support/fleet-on-database.ts';
import { loadUnderFaults } from './support/load-under-faults.ts';
import { databaseOf, serviceBackends, terminateServiceBackends } from './support/pg-backends.ts';
import type { Fleet } from './support/service-fleet.ts';

/**
 * PostgreSQL ends the service's connections (`pg_terminate_backend`, as a restart, a failover or an
 * administrator does). Before, the process died with an unhandled 'error' event, idle or busy.
 * Now every instance lives on: a request whose connection died answers 503 with Retry-After, the
 * pool opens new connections, and nothing acknowledged is lost.
 */
announceSkip('lost connections on PostgreSQL');

/** Every instance answers a read of `orderId` and is ready, within `withinMs`. */
async function allServe(fleet: Fleet, orderId: string, withinMs = 10_000) {
  for (let i = 0; i < fleet.size; i++) {
    const url = await fleet.next();
    for (const giveUpAt = Date.now() + withinMs; ; ) {
      const [order, ready] = await Promise.all([fetch(`${url}/orders/${orderId}`), fetch(`${url}/readyz`)]);
      if (order.status === 200 && ready.status === 200) break;
      if (Date.now() > giveUpAt) throw new Error(`${url} answers ${order.status} to a read and ${ready.status} to /readyz`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe.runIf(pgUrl)('connections terminated by PostgreSQL, two instances', () => {
  it('idle: both instances live on and serve again at once', async () => {
    await withFleet('postgres', {}, async (fleet, database) => {
      const base = await fleet.next();
      expect((await fetch(`${base}/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(orderBody({ id: 'idle-1' })) })).status).toBe(201);
      await allServe(fleet, 'idle-1');
      const db = databaseOf((database as { url: string }).url);
      for (let round = 0; round < 3; round++) {
        expect(await terminateServiceBackends(db)).toBeGreaterThan(0);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(fleet.unexpectedExits).toEqual([]);
        await allServe(fleet, 'idle-1');
      }
      expect((await serviceBackends(db)).length).toBeGreaterThan(0);
      expect(fleet.lines().some((l) => l.msg === 'database connection lost')).toBe(true);
    });
    reportSuiteRan('postgres-lost-connections', 1);
  }, 120_000);

  it('under load: both live on, 503s carry Retry-After, nothing acknowledged is lost or applied twice, every due timer fires once', async () => {
    const figures = await withFleet('postgres', {}, (fleet, database) =>
      loadUnderFaults({
        fleet,
        faults: 4,
        faultEveryMs: [700, 1500],
        clients: 12,
        orders: 20,
        seed: 17,
        settleMs: 30_000,
        inject: async () => `${await terminateServiceBackends(databaseOf((database as { url: string }).url))} connections terminated`,
      }),
    );
    console.log(`terminated connections under load: ${JSON.stringify(figures)}`);
    expect(figures.acknowledged).toBeGreaterThan(0);
    expect(figures).toMatchObject({ faults: 4, unknown: 0, lost: 0, appliedTwice: 0, refusedButApplied: 0, brokenHistories: 0, timersFiredTwice: 0, timersNotFired: 0, unavailableWithoutRetryAfter: 0 });
    expect(figures.timersFiredOnce).toBe(figures.timersDue);
    expect(Object.keys(figures.statuses ?? {}).filter((s) => Number(s) >= 500 && s !== '503')).toEqual([]);
    reportSuiteRan('postgres-lost-connections', 2);
  }, 180_000);
});
