import { afterAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { prepareOrders } from '../../src/engine/prepare-orders.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.ts';
import type { Store } from '../../src/store/store.ts';
import { assertInvariants } from '../support/invariants.ts';
import { announceSkip, createTestDatabase, pgUrl, reportSuiteRan } from '../support/postgres.ts';
import { DAY, testApp } from '../support/test-app.ts';
import { orderVersion1Only, orderWithRenamedState } from '../support/versions/renamed-state-v2.ts';

announceSkip('migration of stored orders by several instances on PostgreSQL');

describe.runIf(pgUrl)('several instances migrating one PostgreSQL database', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  const stores: Store[] = [];
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await db?.drop();
  });

  it('one migrates while the others wait; every order moves once, and events sent meanwhile are applied once', async () => {
    db = await createTestDatabase('migration');
    const open = async () => {
      const store = await openPostgresStore(db!.url);
      stores.push(store);
      return store;
    };
    const clock = createManualClock();
    const v1 = await testApp({ store: await open(), clock, machine: orderVersion1Only() });
    const ids = Array.from({ length: 30 }, (_, i) => `PG-${String(i).padStart(2, '0')}`);
    for (const id of ids) await v1.create({ id });
    await v1.advance(7 * DAY); // every order: expedite, then the switch: stockProblem, the state version 2 renames

    // Three instances start at once on version 2 (their own connection pools), while a fourth serves events.
    const machine = orderWithRenamedState();
    const serving = await testApp({ store: await open(), clock, machine });
    const starts = [0, 1, 2].map(async () => prepareOrders({ store: await open(), clock, machine, logger: createMemoryLogger() }));
    const events = ids.map((id) => serving.send(id, 'SUPPLIER_CONTACTED', { note: 'while migrating' }));
    const [results, answers] = await Promise.all([Promise.all(starts), Promise.all(events)]);

    expect(answers.map((a) => a.status)).toEqual(ids.map(() => 200));
    // Exactly one instance found orders to migrate; the others waited at the lock, then found none.
    expect(results.map((r) => r.migration?.migrated ?? 0).sort((a, b) => a - b)).toEqual([0, 0, 30]);
    expect(results.every((r) => r.census.older === 0 && r.census.byVersion[2] === 30)).toBe(true);
    for (const id of ids) {
      const history = (await serving.history(id)).body.history as { type: string; machineVersion: number }[];
      expect(history.filter((h) => h.type === 'MACHINE_MIGRATED'), id).toHaveLength(1);
      expect(history.filter((h) => h.type === 'SUPPLIER_CONTACTED'), id).toHaveLength(1);
      expect((await serving.get(id)).body).toMatchObject({ state: 'preShipment.processing.stockShortage', machine: { version: 2 } });
      await assertInvariants(serving, id);
    }
    reportSuiteRan('postgres-migration', 1);
  });
});
