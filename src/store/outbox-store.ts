import type { AttemptOutcome, Delivery, DeliveryAttempt, DeliveryChannel, FanOut } from './delivery-records.ts';
import type { HistoryEntry, OutboxEntry } from './records.ts';

/**
 * What the delivery worker needs of the store: the notifications not yet fanned out, and the
 * deliveries due. Fan-out is idempotent (one delivery per notification, channel and target), so two
 * workers, or a worker that died half-way, never duplicate a delivery.
 */
export interface OutboxStore {
  /** Outbox rows not yet fanned out, oldest first. */
  undispatchedEffects(limit: number): Promise<OutboxEntry[]>;
  /** History rows not yet fanned out (whether or not they changed state), oldest first. */
  undispatchedHistory(limit: number): Promise<HistoryEntry[]>;
  /**
   * In one transaction, for a batch of notifications: creates their deliveries (skipping any that
   * exist for the same notification, channel and target) and marks each source outbox row or
   * history row dispatched. Batched so that a busy service pays one commit per batch, not per event.
   */
  dispatch(batch: FanOut[]): Promise<void>;
  /**
   * Takes up to `limit` pending deliveries due at `now` whose lease is free, on the given channels,
   * and leases them until `now + leaseMs` (PostgreSQL: `FOR UPDATE SKIP LOCKED`). A worker that dies
   * holding a lease loses it when it expires; the delivery is then taken again.
   */
  claimDeliveries(query: { now: number; limit: number; leaseMs: number; channels: DeliveryChannel[] }): Promise<Delivery[]>;
  /**
   * Records an attempt and its outcome, and frees the lease, in one transaction. Changes nothing
   * (answers false) unless the delivery is pending: a delivered one never goes back.
   */
  recordAttempt(attempt: Omit<DeliveryAttempt, 'number'>, outcome: AttemptOutcome): Promise<boolean>;
}
