import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { createMigrator } from '../../src/engine/migrator.ts';
import { NewerVersionsError, prepareOrders } from '../../src/engine/prepare-orders.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { expectInvariants } from '../support/invariants.ts';
import { DAY, testApp } from '../support/test-app.ts';
import { orderVersion1Only, orderWithRenamedState } from '../support/versions/renamed-state-v2.ts';

/**
 * A store written by version 1 only: O-STOCK in `stockProblem` (the state version 2 renames), O-HOLD
 * held in customs (its reminder armed), O-NEW awaiting shipment.
 */
async function storeOfVersion1() {
  const clock = createManualClock();
  const store = createSqliteStore(new Database(':memory:'));
  const v1 = await testApp({ store, clock, machine: orderVersion1Only() });
  await v1.create({ id: 'O-STOCK' });
  await v1.create({ id: 'O-HOLD' });
  await v1.send('O-HOLD', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF1' });
  await v1.send('O-HOLD', 'CUSTOMS_HELD');
  await v1.create({ id: 'O-NEW', shipBy: '2026-04-01T00:00:00Z' });
  expect(await v1.advance(7 * DAY)).toBe(3); // O-STOCK: expedite, then the switch; O-HOLD: a customs reminder
  expect((await v1.get('O-STOCK')).body.state).toBe('preShipment.processing.stockProblem');
  return { store, clock };
}

describe('orders pinned to their machine version', () => {
  it('are served on the version they started on until migrated; new orders start on the newest', async () => {
    const { store, clock } = await storeOfVersion1();
    const t = await testApp({ store, clock, machine: orderWithRenamedState() });
    const pinned = (await t.get('O-STOCK')).body;
    expect(pinned).toMatchObject({ state: 'preShipment.processing.stockProblem', machine: { id: 'order', version: 1 } });
    const noted = await t.send('O-STOCK', 'SUPPLIER_CONTACTED', { note: 'still nothing' });
    expect(noted.status).toBe(200);
    expect(noted.body.machine).toEqual({ id: 'order', version: 1 });
    expect((await t.history('O-STOCK')).body.history.at(-1)).toMatchObject({ type: 'SUPPLIER_CONTACTED', machineVersion: 1 });

    expect((await t.create({ id: 'O-V2' })).body.machine).toEqual({ id: 'order', version: 2 });
    clock.advance(7 * DAY);
    await t.app.sweeper.sweep();
    expect((await t.get('O-V2')).body.state).toBe('preShipment.processing.stockShortage');
    for (const id of ['O-STOCK', 'O-V2']) await expectInvariants(t, id);
  });

  it('migrate explicitly: a dry run reports per version and state and writes nothing; the run moves each order once, recorded', async () => {
    const { store, clock } = await storeOfVersion1();
    const machine = orderWithRenamedState();
    const t = await testApp({ store, clock, machine });
    const before = await store.versionCensus();
    const migrator = createMigrator({ store, clock, machine, batchSize: 2 });

    const dry = await migrator.run({ dryRun: true });
    expect(dry).toEqual({
      dryRun: true, target: 2, migrated: 3, failed: 0,
      groups: [
        { fromVersion: 1, fromState: 'inTransit.shipping.customsHold', toVersion: 2, to: { 'inTransit.shipping.customsHold': 1 }, failed: [] },
        { fromVersion: 1, fromState: 'preShipment.processing.awaitingShipment', toVersion: 2, to: { 'preShipment.processing.awaitingShipment': 1 }, failed: [] },
        { fromVersion: 1, fromState: 'preShipment.processing.stockProblem', toVersion: 2, to: { 'preShipment.processing.stockShortage': 1 }, failed: [] },
      ],
    });
    expect(await store.versionCensus()).toEqual(before);

    const holdBefore = (await t.get('O-HOLD')).body;
    const report = await migrator.run();
    expect({ ...report, dryRun: true }).toEqual(dry);
    expect(await store.versionCensus()).toEqual([
      { machineVersion: 2, state: 'inTransit.shipping.customsHold', count: 1 },
      { machineVersion: 2, state: 'preShipment.processing.awaitingShipment', count: 1 },
      { machineVersion: 2, state: 'preShipment.processing.stockShortage', count: 1 },
    ]);
    const stock = (await t.get('O-STOCK')).body;
    expect(stock).toMatchObject({ state: 'preShipment.processing.stockShortage', machine: { id: 'order', version: 2 }, version: 4 });
    expect((await t.history('O-STOCK')).body.history.at(-1)).toMatchObject({
      seq: 4, type: 'MACHINE_MIGRATED', payload: { from: 1, to: 2 }, source: 'migration', machineVersion: 2,
      fromState: 'preShipment.processing.stockProblem', toState: 'preShipment.processing.stockShortage',
    });
    // Timers re-armed by version 2's table: the customs reminder is still due when it was.
    const hold = (await t.get('O-HOLD')).body;
    expect(hold.deadlines).toEqual(holdBefore.deadlines);
    expect((await store.dueTimers(Date.parse(hold.deadlines[0].dueAt), 10)).map((x) => [x.orderId, x.name])).toEqual([['O-HOLD', 'customsReminderAt']]);
    for (const id of ['O-STOCK', 'O-HOLD', 'O-NEW']) await expectInvariants(t, id);

    expect(await migrator.run()).toEqual({ dryRun: false, target: 2, migrated: 0, failed: 0, groups: [] });
    clock.set(Date.parse(hold.deadlines[0].dueAt));
    expect(await t.app.sweeper.sweep()).toBe(1);
    expect((await t.history('O-HOLD')).body.history.at(-1)).toMatchObject({ type: 'TIMER.CUSTOMS_REMINDER', machineVersion: 2 });
    await expectInvariants(t, 'O-HOLD');
  });

  it('migrate at start by default; MACHINE_MIGRATION=manual leaves them pinned', async () => {
    const manual = await storeOfVersion1();
    const machine = orderWithRenamedState();
    const logger = createMemoryLogger();
    const pinned = await prepareOrders({ ...manual, machine, logger, migration: 'manual' });
    expect(pinned.migration).toBeUndefined();
    expect(pinned.census).toMatchObject({ newest: 2, older: 3, byVersion: { 1: 3 } });
    expect(logger.lines.map((l) => l.msg)).toEqual(['orders pinned to older versions (MACHINE_MIGRATION=manual): run `npx aftersales migrate`']);

    const atStart = await storeOfVersion1();
    const started = await prepareOrders({ ...atStart, machine, logger: createMemoryLogger() });
    expect(started.migration).toMatchObject({ migrated: 3, failed: 0 });
    expect(started.census).toMatchObject({ older: 0, byVersion: { 2: 3 } });
  });

  it('an event that races the migration is applied once, and the order is migrated from where it then is', async () => {
    const { store, clock } = await storeOfVersion1();
    const machine = orderWithRenamedState();
    const t = await testApp({ store, clock, machine });
    const migrator = createMigrator({ store, clock, machine, batchSize: 1 });
    const [report, sent] = await Promise.all([migrator.run(), t.send('O-NEW', 'STOCK_UNAVAILABLE'), t.send('O-STOCK', 'SWITCH_SUPPLIER', { supplier: { id: 'alt' } })]);
    expect(report.migrated).toBe(3);
    expect(sent.status).toBe(200);
    for (const id of ['O-NEW', 'O-STOCK']) {
      const history = (await t.history(id)).body.history as { type: string }[];
      expect(history.filter((h) => h.type === 'MACHINE_MIGRATED')).toHaveLength(1);
      expect((await t.get(id)).body.machine.version).toBe(2);
      await expectInvariants(t, id);
    }
  });

  it('a start on orders of a newer version is refused with a clear message, unless allowed', async () => {
    const { store, clock } = await storeOfVersion1();
    const v2 = await testApp({ store, clock, machine: orderWithRenamedState() });
    await v2.create({ id: 'O-FROM-V2' });
    const older = { store, clock, machine: orderVersion1Only(), logger: createMemoryLogger() };
    const refused = await prepareOrders(older).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NewerVersionsError);
    expect((refused as Error).message).toMatch(/holds 1 order\(s\) of order version 2, newer than this release \(order up to version 1\).*ALLOW_NEWER_MACHINE_VERSIONS=1/);
    const allowed = await prepareOrders({ ...older, allowNewer: true });
    expect(allowed.census.unrestorable).toEqual([{ machineVersion: 2, state: 'preShipment.processing.awaitingShipment', count: 1, reason: expect.stringMatching(/newer than this code/) }]);
  });
});
