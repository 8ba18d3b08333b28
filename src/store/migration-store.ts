import type { OrderRecord } from './records.ts';

/** How many orders are at one machine version and state. */
export interface VersionCount { machineVersion: number; state: string; count: number }

/**
 * What moving stored orders between machine versions needs (the migrator, `aftersales migrate`
 * and `doctor`, `/healthz`): counts read from the state index alone (tenant, state, machine version, id),
 * batches walked by id; never from snapshots. Each migrated order is written with `EngineStore.commit`,
 * guarded by its version.
 */
export interface MigrationStore {
  /** Orders per machine version and state, by version then state. */
  versionCensus(): Promise<VersionCount[]>;
  /** Orders at one machine version (and state, if given), by id after `after`, up to `limit`. */
  ordersAtVersion(query: { machineVersion: number; state?: string; after?: string; limit: number }): Promise<OrderRecord[]>;
  /** Orders stored before the store kept list flags (their `listFlags` undefined), by id after `after`, up to `limit`. */
  ordersWithoutListFlags(query: { after?: string; limit: number }): Promise<OrderRecord[]>;
  /**
   * Fills in the list flags of an order stored before the store kept them, if it is still at
   * `version` and still has none (an event since then stored them); false when it did nothing.
   */
  setListFlags(orderId: string, version: number, flags: readonly string[]): Promise<boolean>;
  /**
   * Runs `work` holding the store-wide migration lock: on PostgreSQL an advisory lock, so that one
   * instance migrates while the others wait for it; on SQLite (one process), one migration of the
   * process at a time.
   */
  withMigrationLock<T>(work: () => Promise<T>): Promise<T>;
}
