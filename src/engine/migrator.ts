import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import type { EngineStore } from '../store/engine-store.ts';
import type { MigrationStore } from '../store/migration-store.ts';
import type { Commit, OrderRecord } from '../store/records.ts';
import { VersionConflictError } from '../store/store.ts';
import { currentVersion, type HostedMachine } from './hosted-machine.ts';
import { MACHINE_MIGRATED, migrateSnapshot } from './migrate-snapshot.ts';
import { nextCommit } from './next-commit.ts';
import { publicOrderId, tenantOfKey } from '../tenancy/order-keys.ts';
import { restore, UnrestorableSnapshotError } from './snapshots.ts';

/** Where the orders of one version and state went (or would go), and which could not. */
export interface MigrationGroup {
  fromVersion: number;
  fromState: string;
  toVersion: number;
  /** Orders per state they are in after the migration. */
  to: Record<string, number>;
  /** The orders that cannot move: each order's tenant and the id its tenant knows (not the store's key). */
  failed: { tenant: string; orderId: string; reason: string }[];
}

export interface MigrationReport {
  dryRun: boolean;
  /** The version orders are migrated to: the newest this code has. */
  target: number;
  migrated: number;
  failed: number;
  groups: MigrationGroup[];
}

export interface MigratorOptions {
  store: Pick<EngineStore, 'getOrder' | 'commit'> & MigrationStore;
  clock: Clock;
  machine: HostedMachine;
  logger?: Logger;
  /** Orders read per query. */
  batchSize?: number;
  /** How often an order changed by concurrent events is migrated again before the run fails. */
  maxRetries?: number;
}

/**
 * Moves the orders of older machine versions to the newest, each in one transaction: the
 * migrated snapshot, its state column, its timers re-armed by the new version's deadline table,
 * and a `MACHINE_MIGRATED` history row `{ from, to }`. Guarded by the order's version like any
 * event, so an order changed meanwhile is migrated from its new state. A dry run reports the same
 * without writing. Orders it cannot migrate stay where they are and are reported.
 */
export function createMigrator({ store, clock, machine: hosted, logger, batchSize = 200, maxRetries = 8 }: MigratorOptions) {
  const target = currentVersion(hosted);

  /** The commit that migrates `record`; throws `UnrestorableSnapshotError` when it cannot. */
  function migrationOf(record: OrderRecord): Commit {
    const from = record.snapshot.machine.version;
    const snapshot = restore(target, migrateSnapshot(hosted, record.snapshot, target));
    const event = { type: MACHINE_MIGRATED, payload: { from, to: target.version }, at: clock.now(), idempotencyKey: null, source: 'migration' as const, dueAt: null };
    // Stryker disable next-line ArrayDeclaration: equivalent: a migration asks for no effect, and the mutant's one action, a string, has no type an effect could have
    return nextCommit({ hosted, version: target, prev: record, id: record.id, createHash: record.createHash, next: snapshot, armed: target.armedDeadlines(snapshot), actions: [], event });
  }

  /** Migrates one order, again from its new version if an event got there first; undefined when another instance did it. */
  async function migrateOne(record: OrderRecord, dryRun: boolean): Promise<Commit | undefined> {
    let current: OrderRecord | undefined = record;
    for (let attempt = 0; current && current.snapshot.machine.version < target.version; attempt++) {
      const commit = migrationOf(current);
      if (dryRun) return commit;
      try {
        await store.commit(commit);
        return commit;
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= maxRetries) throw error;
      }
      current = await store.getOrder(record.id);
    }
    return undefined;
  }

  async function run({ dryRun = false }: { dryRun?: boolean } = {}): Promise<MigrationReport> {
    const report: MigrationReport = { dryRun, target: target.version, migrated: 0, failed: 0, groups: [] };
    const groupOf = (fromVersion: number, fromState: string) => {
      let group = report.groups.find((g) => g.fromVersion === fromVersion && g.fromState === fromState);
      if (!group) report.groups.push((group = { fromVersion, fromState, toVersion: target.version, to: {}, failed: [] }));
      return group;
    };
    const older = [...new Set((await store.versionCensus()).map((c) => c.machineVersion))].filter((v) => v < target.version);
    for (const machineVersion of older) {
      for (let after = ''; ; ) {
        const batch = await store.ordersAtVersion({ machineVersion, after, limit: batchSize });
        if (batch.length === 0) break;
        for (const record of batch) {
          after = record.id;
          const group = groupOf(machineVersion, record.state);
          try {
            const commit = await migrateOne(record, dryRun);
            if (!commit) continue;
            group.to[commit.order.state] = (group.to[commit.order.state] ?? 0) + 1;
            report.migrated += 1;
          } catch (error) {
            if (!(error instanceof UnrestorableSnapshotError)) throw error;
            group.failed.push({ tenant: tenantOfKey(record.id), orderId: publicOrderId(record.id), reason: error.reason });
            report.failed += 1;
          }
        }
        logger?.info(dryRun ? 'migration dry run' : 'migrating orders', { machine: hosted.id, from: machineVersion, to: target.version, done: report.migrated, failed: report.failed });
      }
    }
    // One group per version and state: two groups of a version never have the same state.
    report.groups.sort((a, b) => a.fromVersion - b.fromVersion || (a.fromState < b.fromState ? -1 : 1));
    return report;
  }

  return {
    /** Migrates (or, with `dryRun`, reports) every order of an older version, holding the store's migration lock. */
    run: (options: { dryRun?: boolean } = {}) => store.withMigrationLock(() => run(options)),
  };
}

export type Migrator = ReturnType<typeof createMigrator>;
