import type { MigrationStore } from '../store/migration-store.ts';
import { listFlagsOf, type HostedMachine } from './hosted-machine.ts';
import { restore, UnrestorableSnapshotError, versionOf } from './snapshots.ts';

export interface ListFlagsBackfill {
  /** Orders whose flags were filled in. */
  filled: number;
  /** Of those, the ones with at least one flag. */
  flagged: number;
  /** Orders this code cannot restore: left without flags (listed by no flag), for `aftersales doctor` to explain. */
  unrestorable: number;
}

export interface BackfillListFlagsOptions {
  store: Pick<MigrationStore, 'ordersWithoutListFlags' | 'setListFlags'>;
  machine: HostedMachine;
  /** Orders read per query. */
  batchSize?: number;
}

/**
 * The list flags of orders stored before the store kept them (a database of an earlier release),
 * each computed on the version the order is pinned to. Every commit stores them from then on, so
 * this finds work only once after the upgrade; an order that an event moved on meanwhile already has them.
 */
export async function backfillListFlags({ store, machine, batchSize = 500 }: BackfillListFlagsOptions): Promise<ListFlagsBackfill> {
  const result: ListFlagsBackfill = { filled: 0, flagged: 0, unrestorable: 0 };
  for (let after = ''; ; ) {
    const batch = await store.ordersWithoutListFlags({ after, limit: batchSize });
    if (batch.length === 0) return result;
    for (const record of batch) {
      after = record.id;
      let flags: string[];
      try {
        const version = versionOf(machine, record.snapshot);
        flags = listFlagsOf(version, restore(version, record.snapshot));
      } catch (error) {
        if (!(error instanceof UnrestorableSnapshotError)) throw error;
        result.unrestorable += 1;
        continue;
      }
      if (!(await store.setListFlags(record.id, record.version, flags))) continue;
      result.filled += 1;
      if (flags.length > 0) result.flagged += 1;
    }
  }
}
