import type { Commit, IdempotencyEntry, OrderRecord, TimerEntry } from './records.ts';

/**
 * What the engine and the timer sweeper need of the store: one order at a time, and one commit per
 * event that writes everything or nothing.
 */
export interface EngineStore {
  getOrder(id: string): Promise<OrderRecord | undefined>;
  /** The record of an Idempotency-Key on an order (keys are scoped to their order), expired or not: the engine judges. */
  getIdempotency(orderId: string, key: string): Promise<IdempotencyEntry | undefined>;
  /**
   * Writes the order, its history row, its outbox rows, its timers and the idempotency record in
   * one transaction. Throws `VersionConflictError` and writes nothing when the stored version is not
   * `expectedVersion` (or the order exists already, on creation), or when the idempotency key was
   * taken meanwhile (a record of it created at or after `idempotency.expiredBefore`; an older one is
   * replaced).
   */
  commit(commit: Commit): Promise<void>;
  /**
   * Claims up to `limit` due timers for the caller, earliest first, so that several sweepers share
   * the work without a coordinator. Only the earliest timer of an order is claimable, so one order's
   * deadlines fire in order even across instances. A claimed timer is not handed out again until
   * `leaseMs` after `now` (a sweeper that died is taken over then); the next commit of the order
   * replaces its timers, which ends the claim.
   */
  claimDueTimers(now: number, limit: number, leaseMs: number): Promise<TimerEntry[]>;
  /**
   * Gives claims back: each of these timers that is still there at that due time becomes claimable
   * at once, by any sweeper. For a sweeper that stops (SIGTERM) before firing all it claimed.
   */
  releaseTimers(timers: readonly TimerEntry[]): Promise<void>;
  /**
   * Deletes up to `limit` idempotency records created before `createdBefore`, oldest first, in one
   * short transaction; answers how many it deleted (fewer than `limit`: none left). Several instances
   * may purge at once: each deletes other records (`FOR UPDATE SKIP LOCKED` on PostgreSQL).
   */
  purgeIdempotency(createdBefore: number, limit: number): Promise<number>;
}
