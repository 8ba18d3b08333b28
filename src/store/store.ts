import type { PersistedOrder } from '../../machines/order/index.ts';

/** One order as stored: its snapshot and the columns the store indexes. Times are epoch ms. */
export interface OrderRecord {
  id: string;
  /** Starts at 1 on creation; each applied event adds 1. Compare-and-swap guard. */
  version: number;
  /** Dotted path of the active state, e.g. `inTransit.shipping.customsHold`. */
  state: string;
  snapshot: PersistedOrder;
  /** Hash of the creation request, so a repeated creation is recognised. */
  createHash: string;
  /** The earliest armed deadline, for the at-risk list. */
  nextDeadlineAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** One applied event. `seq` equals the order version the event produced. */
export interface HistoryEntry {
  orderId: string;
  seq: number;
  type: string;
  payload: unknown;
  fromState: string | null;
  toState: string;
  at: number;
  idempotencyKey: string | null;
  source: 'client' | 'timer';
  /** For timer events: when the deadline fell due (`at` is when it fired). */
  dueAt: number | null;
}

/** A side effect to deliver, written in the same commit as the event that caused it. */
export interface OutboxEntry { id: string; orderId: string; seq: number; action: string; payload: unknown; createdAt: number }

/** An armed deadline. The store keeps exactly the armed deadlines of each order's current snapshot. */
export interface TimerEntry { orderId: string; name: string; event: string; dueAt: number }

/** The first answer given to a request with an `Idempotency-Key`, replayed for retries. */
export interface IdempotencyEntry { orderId: string; key: string; requestHash: string; status: number; response: unknown }

/** Everything one event changes, committed in one transaction. */
export interface Commit {
  order: OrderRecord;
  /** The version the change was computed from; `null` creates the order. */
  expectedVersion: number | null;
  history: HistoryEntry;
  outbox: OutboxEntry[];
  /** Replaces all timers of the order. */
  timers: TimerEntry[];
  idempotency?: IdempotencyEntry;
}

export interface ListQuery {
  /** Orders whose state equals this path or lies below it (`inTransit` matches `inTransit.shipping.customsHold`). */
  statePrefix?: string;
  /** Only orders whose next deadline is before this time; then sorted by that deadline. */
  deadlineBefore?: number;
  /** Opaque position from the previous page. */
  after?: { id: string; deadline?: number };
  limit: number;
}

/**
 * The storage port. Every adapter (SQLite, PostgreSQL) passes the same contract tests.
 * All writes go through `commit`, which either writes everything or nothing.
 */
export interface Store {
  /** Creates or upgrades the schema; safe to call at every start. */
  migrate(): Promise<void>;
  getOrder(id: string): Promise<OrderRecord | undefined>;
  /**
   * Writes the order, its history row, its outbox rows, its timers and the idempotency record in
   * one transaction. Throws `VersionConflictError` and writes nothing when the stored version is not
   * `expectedVersion` (or the order exists already, on creation), or when the idempotency key was
   * taken meanwhile.
   */
  commit(commit: Commit): Promise<void>;
  getIdempotency(orderId: string, key: string): Promise<IdempotencyEntry | undefined>;
  history(orderId: string): Promise<HistoryEntry[]>;
  outbox(orderId: string): Promise<OutboxEntry[]>;
  listOrders(query: ListQuery): Promise<OrderRecord[]>;
  /** Timers due at or before `now`, earliest first. */
  dueTimers(now: number, limit: number): Promise<TimerEntry[]>;
  /**
   * Claims up to `limit` due timers for the caller, earliest first, so that several sweepers share
   * the work without a coordinator. Only the earliest timer of an order is claimable, so one order's
   * deadlines fire in order even across instances. A claimed timer is not handed out again until
   * `leaseMs` after `now` (a sweeper that died is taken over then); the next commit of the order
   * replaces its timers, which ends the claim.
   */
  claimDueTimers(now: number, limit: number, leaseMs: number): Promise<TimerEntry[]>;
  close(): Promise<void>;
}

/** The stored version was not the expected one: someone else committed first. */
export class VersionConflictError extends Error {
  override name = 'VersionConflictError';
  constructor(readonly orderId: string, options?: { cause?: unknown }) {
    super(`order ${orderId} was changed concurrently`, options);
  }
}
