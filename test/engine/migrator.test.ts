import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import type { HostedMachine } from '../../src/engine/hosted-machine.ts';
import { createMigrator } from '../../src/engine/migrator.ts';
import { NewerVersionsError, prepareOrders } from '../../src/engine/prepare-orders.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { StoreUnavailableError, VersionConflictError } from '../../src/store/store.ts';
import { faultyStore } from '../support/faulty-store.ts';
import { expectInvariants } from '../support/invariants.ts';
import { DAY, testApp } from '../support/test-app.ts';
import { orderVersion1Only, orderWithRenamedState } from '../support/versions/renamed-state-v2.ts';

// The migrator under the races and failures a deployment meets: an event or another instance that
// gets to an order between the migrator's read and its commit, a store that keeps losing or
// fails, an order the migration cannot take. And the report an operator reads.

/**
 * A store written by version 1 only, ids chosen so that their order is not the order of their
 * states: A-STOCK in `stockProblem` (version 2 renames it), B-HOLD held in customs, C-NEW and D-NEW
 * awaiting shipment.
 */
async function version1Store() {
  const f = faultyStore();
  const clock = createManualClock();
  const v1 = await testApp({ store: f.store, clock, machine: orderVersion1Only() });
  await v1.create({ id: 'A-STOCK' });
  await v1.create({ id: 'B-HOLD' });
  await v1.send('B-HOLD', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF1' });
  await v1.send('B-HOLD', 'CUSTOMS_HELD');
  await v1.advance(7 * DAY); // A-STOCK: expedite, then the stock problem
  await v1.create({ id: 'C-NEW', shipBy: '2026-04-01T00:00:00Z' });
  await v1.create({ id: 'D-NEW', shipBy: '2026-04-01T00:00:00Z' });
  expect((await v1.get('A-STOCK')).body.state).toBe('preShipment.processing.stockProblem');
  f.reset();
  return { ...f, clock };
}

const historyTypes = async (t: Awaited<ReturnType<typeof testApp>>, id: string) => ((await t.history(id)).body.history as { type: string }[]).map((h) => h.type);

describe('the migration report', () => {
  it('groups orders by version and state, sorted, counting where each group went; logs each batch', async () => {
    const { store, clock } = await version1Store();
    const machine = orderWithRenamedState();
    const logger = createMemoryLogger();
    const report = await createMigrator({ store, clock, machine, logger, batchSize: 3 }).run();
    expect(report).toEqual({
      dryRun: false, target: 2, migrated: 4, failed: 0,
      groups: [
        { fromVersion: 1, fromState: 'inTransit.shipping.customsHold', toVersion: 2, to: { 'inTransit.shipping.customsHold': 1 }, failed: [] },
        { fromVersion: 1, fromState: 'preShipment.processing.awaitingShipment', toVersion: 2, to: { 'preShipment.processing.awaitingShipment': 2 }, failed: [] },
        { fromVersion: 1, fromState: 'preShipment.processing.stockProblem', toVersion: 2, to: { 'preShipment.processing.stockShortage': 1 }, failed: [] },
      ],
    });
    expect(logger.lines).toEqual([
      expect.objectContaining({ level: 'info', msg: 'migrating orders', machine: 'order', from: 1, to: 2, done: 3, failed: 0 }),
      expect.objectContaining({ level: 'info', msg: 'migrating orders', machine: 'order', from: 1, to: 2, done: 4, failed: 0 }),
    ]);
    const dryLogger = createMemoryLogger();
    await createMigrator({ store, clock, machine: orderWithRenamedState(), logger: dryLogger }).run({ dryRun: true });
    expect(dryLogger.lines).toEqual([]); // nothing left on version 1
  });

  it('orders of several older versions: each group names its version, oldest first', async () => {
    const { store, clock } = await version1Store();
    const two = orderWithRenamedState();
    // D-NEW and A-STOCK are on version 2 (stockShortage) already; the others still on version 1.
    const t2 = await testApp({ store, clock, machine: two });
    const some = async (query: Parameters<typeof store.ordersAtVersion>[0]) => (await store.ordersAtVersion(query)).filter((r) => ['D-NEW', 'A-STOCK'].includes(r.id));
    expect((await createMigrator({ store: { ...store, ordersAtVersion: some }, clock, machine: two }).run()).migrated).toBe(2);
    expect((await t2.get('A-STOCK')).body.machine.version).toBe(2);
    const v3 = { ...two.versions[1]!, version: 3 };
    const three: HostedMachine = { id: 'order', versions: [...two.versions, v3], migrations: [...two.migrations, { from: 2, to: 3, migrate: (s) => s }] };
    const logger = createMemoryLogger();
    const report = await createMigrator({ store, clock, machine: three, logger }).run({ dryRun: true });
    expect(report).toEqual({
      dryRun: true, target: 3, migrated: 4, failed: 0,
      groups: [
        { fromVersion: 1, fromState: 'inTransit.shipping.customsHold', toVersion: 3, to: { 'inTransit.shipping.customsHold': 1 }, failed: [] },
        { fromVersion: 1, fromState: 'preShipment.processing.awaitingShipment', toVersion: 3, to: { 'preShipment.processing.awaitingShipment': 1 }, failed: [] },
        { fromVersion: 2, fromState: 'preShipment.processing.awaitingShipment', toVersion: 3, to: { 'preShipment.processing.awaitingShipment': 1 }, failed: [] },
        { fromVersion: 2, fromState: 'preShipment.processing.stockShortage', toVersion: 3, to: { 'preShipment.processing.stockShortage': 1 }, failed: [] },
      ],
    });
    expect(logger.lines.map((l) => [l.msg, l.from, l.to, l.done])).toEqual([['migration dry run', 1, 3, 2], ['migration dry run', 2, 3, 4]]);
  });

  it('an order the migration cannot take stays where it is and is reported with the reason; the others move', async () => {
    const { store, clock } = await version1Store();
    // A migration that forgets the renamed state: version 2 cannot restore what it gives for A-STOCK.
    const machine = orderWithRenamedState({ migration: { from: 1, to: 2, migrate: (s) => s } });
    const t = await testApp({ store, clock, machine });
    for (const dryRun of [true, false]) {
      const report = await createMigrator({ store, clock, machine }).run({ dryRun });
      expect(report).toMatchObject({ dryRun, migrated: 3, failed: 1 });
      expect(report.groups.find((g) => g.fromState === 'preShipment.processing.stockProblem')).toEqual({
        fromVersion: 1, fromState: 'preShipment.processing.stockProblem', toVersion: 2, to: {},
        failed: [{ tenant: 'default', orderId: 'A-STOCK', reason: "version 2 cannot restore it: State 'stockProblem' does not exist on 'order.preShipment.processing'" }],
      });
    }
    expect(await store.versionCensus()).toEqual([
      { machineVersion: 1, state: 'preShipment.processing.stockProblem', count: 1 },
      { machineVersion: 2, state: 'inTransit.shipping.customsHold', count: 1 },
      { machineVersion: 2, state: 'preShipment.processing.awaitingShipment', count: 2 },
    ]);
    expect(await historyTypes(t, 'A-STOCK')).not.toContain('MACHINE_MIGRATED');
    // A hosted machine that lacks the migration: every order of the version is reported, none moves.
    const { store: s2, clock: c2 } = await version1Store();
    const missing = { ...orderWithRenamedState(), migrations: [] };
    const none = await createMigrator({ store: s2, clock: c2, machine: missing }).run();
    expect(none).toMatchObject({ migrated: 0, failed: 4 });
    expect(none.groups.flatMap((g) => g.failed)).toEqual(
      ['B-HOLD', 'C-NEW', 'D-NEW', 'A-STOCK'].map((orderId) => ({ tenant: 'default', orderId, reason: 'no migration from version 1 to 2' })),
    );
  });
});

describe('an order that changes between the migrator\'s read and its commit', () => {
  it('an event got there first: the order is migrated once, from the state the event left it in', async () => {
    const { store, inner, clock, faults, calls } = await version1Store();
    const machine = orderWithRenamedState();
    const other = await testApp({ store: inner, clock, machine }); // another instance, serving C-NEW on version 1
    faults.beforeCommit = async (commit, n) => {
      if (n === 1) expect((await other.send(commit.order.id, 'STOCK_UNAVAILABLE')).status).toBe(200);
    };
    const report = await createMigrator({ store, clock, machine, batchSize: 1 }).run();
    expect(report.migrated).toBe(4);
    expect(calls.commit).toBe(5);
    // A-STOCK was the first read; it went on to stockUnavailable first.
    expect(report.groups.find((g) => g.fromState === 'preShipment.processing.stockProblem')!.to).toEqual({ 'preShipment.processing.stockUnavailable': 1 });
    const history = (await other.history('A-STOCK')).body.history as { type: string; machineVersion: number; fromState: string }[];
    expect(history.slice(-2).map((h) => [h.type, h.machineVersion, h.fromState])).toEqual([
      ['STOCK_UNAVAILABLE', 1, 'preShipment.processing.stockProblem'],
      ['MACHINE_MIGRATED', 2, 'preShipment.processing.stockUnavailable'],
    ]);
    // The migration's row names the versions it went between, and asks for no effect.
    expect((history.at(-1) as unknown as { payload: unknown }).payload).toEqual({ from: 1, to: 2 });
    await expectInvariants(other, 'A-STOCK');
  });

  it('another instance migrated it first: it is not migrated twice, nor counted', async () => {
    const { store, inner, clock, faults } = await version1Store();
    const machine = orderWithRenamedState();
    faults.beforeCommit = async (commit, n) => {
      if (n === 1) await inner.commit(commit); // the other instance's identical migration
    };
    const report = await createMigrator({ store, clock, machine }).run();
    expect(report.migrated).toBe(3);
    expect(report.groups.find((g) => g.fromState === 'preShipment.processing.stockProblem')).toEqual({
      fromVersion: 1, fromState: 'preShipment.processing.stockProblem', toVersion: 2, to: {}, failed: [],
    });
    const t = await testApp({ store: inner, clock, machine });
    expect((await historyTypes(t, 'A-STOCK')).filter((type) => type === 'MACHINE_MIGRATED')).toHaveLength(1);
  });

  it('lost races are retried maxRetries times; one more fails the run with the conflict', async () => {
    for (const [losses, outcome] of [[2, 'migrated'], [3, 'failed']] as const) {
      const { store, clock, faults, calls } = await version1Store();
      faults.beforeCommit = (commit, n) => {
        if (n <= losses) throw new VersionConflictError(commit.order.id);
      };
      const run = createMigrator({ store, clock, machine: orderWithRenamedState(), maxRetries: 2 }).run();
      if (outcome === 'migrated') {
        expect((await run).migrated).toBe(4);
        expect(calls.commit).toBe(losses + 4);
      } else {
        await expect(run).rejects.toBeInstanceOf(VersionConflictError);
        expect(calls.commit).toBe(3);
      }
    }
  });

  it('a store that fails is not retried: the run fails with its error, and what was not migrated stays', async () => {
    const { store, clock, faults, calls } = await version1Store();
    faults.beforeCommit = (_commit, n) => {
      if (n === 2) throw new StoreUnavailableError('database gone');
    };
    await expect(createMigrator({ store, clock, machine: orderWithRenamedState() }).run()).rejects.toThrow('database gone');
    expect(calls.commit).toBe(2);
    expect((await store.versionCensus()).filter((c) => c.machineVersion === 1).reduce((n, c) => n + c.count, 0)).toBe(3);
  });

  it('an order gone by the time the migrator reads it again is skipped', async () => {
    const { store, clock, faults } = await version1Store();
    faults.beforeCommit = (commit, n) => {
      if (n === 1) throw new VersionConflictError(commit.order.id);
    };
    const machine = orderWithRenamedState();
    const gone = { ...store, getOrder: async () => undefined, commit: (c: Parameters<typeof store.commit>[0]) => store.commit(c) };
    const report = await createMigrator({ store: gone, clock, machine }).run();
    expect(report.migrated).toBe(3);
  });
});

it('an error that is not about the snapshot fails the run rather than being reported as an order that cannot migrate', async () => {
  const { store, clock } = await version1Store();
  const broken = orderWithRenamedState({ migration: { from: 1, to: 2, migrate: () => { throw new RangeError('bug in the migration'); } } });
  await expect(createMigrator({ store, clock, machine: broken }).run()).rejects.toThrow(RangeError);
});

describe('a starting service and the stored orders', () => {
  it('migrates at start and says so with the counts', async () => {
    const { store, clock } = await version1Store();
    const logger = createMemoryLogger();
    const { census, migration } = await prepareOrders({ store, clock, machine: orderWithRenamedState(), logger });
    expect(migration).toMatchObject({ migrated: 4, failed: 0 });
    expect(census).toMatchObject({ older: 0, byVersion: { 2: 4 } });
    expect(logger.lines.filter((l) => l.msg === 'orders migrated at start')).toEqual([expect.objectContaining({ level: 'info', machine: 'order', to: 2, migrated: 4, failed: 0 })]);
    const pinned = createMemoryLogger();
    const { store: s2, clock: c2 } = await version1Store();
    await prepareOrders({ store: s2, clock: c2, machine: orderWithRenamedState(), logger: pinned, migration: 'manual' });
    // Pinned: the line names the setting that pinned them and the command that migrates them.
    expect(pinned.lines).toEqual([
      expect.objectContaining({ level: 'info', msg: 'orders pinned to older versions (MACHINE_MIGRATION=manual): run `npx aftersales migrate`', machine: 'order', onOlderVersions: 4 }),
    ]);
  });

  it('refuses orders of newer versions naming each version, or serves the others when allowed and warns', async () => {
    const { store, clock } = await version1Store();
    const two = orderWithRenamedState();
    const three: HostedMachine = { id: 'order', versions: [...two.versions, { ...two.versions[1]!, version: 3 }], migrations: [...two.migrations, { from: 2, to: 3, migrate: (s) => s }] };
    await (await testApp({ store, clock, machine: two })).create({ id: 'E-2' });
    await (await testApp({ store, clock, machine: three })).create({ id: 'E-3' });
    const message =
      'the database holds 2 order(s) of order version 2, 3, newer than this release (order up to version 1): a newer release wrote them. ' +
      'Start that release, or set ALLOW_NEWER_MACHINE_VERSIONS=1 to serve the other orders (those answer 503 until a release that has their version serves them)';
    const older = { store, clock, machine: orderVersion1Only(), logger: createMemoryLogger() };
    const refused = await prepareOrders(older).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NewerVersionsError);
    expect(refused).toMatchObject({ name: 'NewerVersionsError', message });
    expect(older.logger.lines).toEqual([]);
    const { census, migration } = await prepareOrders({ ...older, allowNewer: true });
    expect(migration).toBeUndefined();
    expect(census).toMatchObject({ newer: 2, older: 0 });
    expect(older.logger.lines).toEqual([
      expect.objectContaining({ level: 'warn', msg: `serving anyway: ${message}` }),
      expect.objectContaining({ level: 'warn', msg: 'orders this release cannot restore: run `npx aftersales doctor`', machine: 'order', unrestorable: 2 }),
    ]);
  });
});
