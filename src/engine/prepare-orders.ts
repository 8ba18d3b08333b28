import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import type { EngineStore } from '../store/engine-store.ts';
import type { MigrationStore } from '../store/migration-store.ts';
import type { HostedMachine } from './hosted-machine.ts';
import { backfillListFlags, type ListFlagsBackfill } from './list-flags-backfill.ts';
import { createMigrator, type MigrationReport } from './migrator.ts';
import { classifyCensus, unrestorableCount, type CensusReport } from './version-census.ts';

export interface PrepareOrdersOptions {
  store: Pick<EngineStore, 'getOrder' | 'commit'> & MigrationStore;
  machine: HostedMachine;
  clock: Clock;
  logger: Logger;
  /** `start` (default): migrate orders of older versions now; `manual`: leave them pinned until `aftersales migrate`. */
  migration?: 'start' | 'manual';
  /** Serve although the store holds orders of a version newer than this code (they answer 503 until a newer release serves them). */
  allowNewer?: boolean;
}

/** Refused start: the store holds orders a newer release wrote. */
export class NewerVersionsError extends Error {
  override name = 'NewerVersionsError';
}

/**
 * What a starting service does with the stored orders before it serves: refuses to start on orders
 * of a version newer than this code (unless allowed), migrates the orders of older versions (unless
 * migration is manual), fills in the list flags of orders stored before the store kept them, and
 * says what it found.
 */
export async function prepareOrders({
  store,
  machine,
  clock,
  logger,
  migration = 'start',
  allowNewer = false,
}: PrepareOrdersOptions): Promise<{ census: CensusReport; migration?: MigrationReport; listFlags: ListFlagsBackfill }> {
  const before = classifyCensus(machine, await store.versionCensus());
  if (before.newer > 0) {
    const versions = Object.keys(before.byVersion).map(Number).filter((v) => v > before.newest);
    const message =
      `the database holds ${before.newer} order(s) of ${machine.id} version ${versions.join(', ')}, newer than this release (${machine.id} up to version ${before.newest}): ` +
      'a newer release wrote them. Start that release, or set ALLOW_NEWER_MACHINE_VERSIONS=1 to serve the other orders (those answer 503 until a release that has their version serves them)';
    if (!allowNewer) throw new NewerVersionsError(message);
    logger.warn(`serving anyway: ${message}`);
  }
  let report: MigrationReport | undefined;
  if (before.older > 0 && migration === 'start') {
    report = await createMigrator({ store, clock, machine, logger }).run();
    logger.info('orders migrated at start', { machine: machine.id, to: report.target, migrated: report.migrated, failed: report.failed });
  } else if (before.older > 0) {
    logger.info('orders pinned to older versions (MACHINE_MIGRATION=manual): run `npx aftersales migrate`', { machine: machine.id, onOlderVersions: before.older });
  }
  // After the migration: a migrated order got its flags with its migration commit.
  const listFlags = await backfillListFlags({ store, machine });
  if (listFlags.filled > 0 || listFlags.unrestorable > 0) logger.info('list flags filled in for orders stored before they were kept', { machine: machine.id, ...listFlags });
  const census = report ? classifyCensus(machine, await store.versionCensus()) : before;
  const unrestorable = unrestorableCount(census);
  if (unrestorable > 0) logger.warn('orders this release cannot restore: run `npx aftersales doctor`', { machine: machine.id, unrestorable });
  return { census, ...(report ? { migration: report } : {}), listFlags };
}
