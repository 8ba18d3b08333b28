import type { BacklogStore } from './backlog-store.ts';
import type { EngineStore } from './engine-store.ts';
import type { KeyStore } from './key-store.ts';
import type { MigrationStore } from './migration-store.ts';
import type { OutboxStore } from './outbox-store.ts';
import type { DeliveryQueries, OrderQueries, SubscriptionStore } from './queries.ts';

/**
 * A store adapter: one object that implements every port, each consumer taking only its slice
 * (`EngineStore`, `OutboxStore`, `OrderQueries`, `DeliveryQueries`, `SubscriptionStore`,
 * `MigrationStore`, `BacklogStore`, `KeyStore`). Every adapter (SQLite, PostgreSQL) passes the same contract suite per port.
 */
export interface Store extends EngineStore, OutboxStore, OrderQueries, DeliveryQueries, SubscriptionStore, MigrationStore, BacklogStore, KeyStore {
  /** Creates or upgrades the schema; safe to call at every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** The stored version was not the expected one: someone else committed first. */
export class VersionConflictError extends Error {
  override name = 'VersionConflictError';
  constructor(readonly orderId: string, options?: { cause?: unknown }) {
    super(`order ${orderId} was changed concurrently`, options);
  }
}

/**
 * The database could not be reached or did not answer in time (a lost connection, a timeout, a
 * locked SQLite file). Answered 503 with `Retry-After`; a write that failed this way may or may not
 * have been committed, so a client retries it with the same Idempotency-Key.
 */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
