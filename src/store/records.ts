import type { StateValue } from 'xstate';

/** A snapshot as stored: `getPersistedSnapshot()`'s parts, plus the machine and version it belongs to. */
export interface PersistedSnapshot<Context = unknown> {
  machine: { id: string; version: number };
  status: string;
  value: StateValue;
  historyValue: Record<string, { id: string }[]>;
  context: Context;
}

/** One order as stored: its snapshot and the columns the store indexes. Times are epoch ms. */
export interface OrderRecord<Snapshot extends PersistedSnapshot = PersistedSnapshot> {
  id: string;
  /** Starts at 1 on creation; each applied event adds 1. Compare-and-swap guard. */
  version: number;
  /** Dotted path of the active state, e.g. `inTransit.shipping.customsHold`. */
  state: string;
  /** The snapshot; its `machine.version` is also a column, so versions are counted without reading snapshots. */
  snapshot: Snapshot;
  /** Hash of the creation request, so a repeated creation is recognised. */
  createHash: string;
  /** The earliest armed deadline, for the at-risk list. */
  nextDeadlineAt: number | null;
  /**
   * The list flags its machine version projects from the snapshot (`MachineVersion.listFlags`), sorted;
   * undefined for an order stored before the store kept them, until `setListFlags` fills them in.
   */
  listFlags?: string[];
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
  /** `migration`: a `MACHINE_MIGRATED` row, written when the order moved to another machine version. */
  source: 'client' | 'timer' | 'migration';
  /** For timer events: when the deadline fell due (`at` is when it fired). */
  dueAt: number | null;
  /** The machine version the event was applied with, so history replays on the version it ran on. */
  machineVersion: number;
}

/** A side effect to deliver, written in the same commit as the event that caused it. */
export interface OutboxEntry {
  id: string;
  orderId: string;
  seq: number;
  action: string;
  payload: unknown;
  createdAt: number;
  /** Read only: `pending` until the delivery worker has fanned it out into deliveries, then `dispatched`. */
  status?: 'pending' | 'dispatched';
}

/** An armed deadline. The store keeps exactly the armed deadlines of each order's current snapshot. */
export interface TimerEntry { orderId: string; name: string; event: string; dueAt: number }

/**
 * The first answer given to a request with an `Idempotency-Key`, replayed for retries while the key
 * is retained (the engine's `idempotencyRetentionMs`, counted from `createdAt`).
 */
export interface IdempotencyEntry {
  orderId: string;
  key: string;
  requestHash: string;
  status: number;
  response: unknown;
  /** When the key was first used (the time of the commit that recorded it), epoch ms. */
  createdAt: number;
}

/** The idempotency record a commit writes. */
export interface IdempotencyRecord extends IdempotencyEntry {
  /**
   * A record of the same key created before this time has expired (it is past its retention): the
   * commit replaces it. A record created at or after it means the key was taken meanwhile: a conflict.
   */
  expiredBefore: number;
}

/** Everything one event changes, committed in one transaction. */
export interface Commit {
  order: OrderRecord;
  /** The version the change was computed from; `null` creates the order. */
  expectedVersion: number | null;
  history: HistoryEntry;
  outbox: OutboxEntry[];
  /** Replaces all timers of the order. */
  timers: TimerEntry[];
  /** Set when `order.listFlags` changed (or the order is new): the flag index rows of the order are replaced by these. */
  listFlags?: string[];
  idempotency?: IdempotencyRecord;
}

export interface ListQuery {
  /** Only this tenant's orders (see `tenancy/order-keys.ts`). */
  tenant: string;
  /** Orders whose state equals this path or lies below it (`inTransit` matches `inTransit.shipping.customsHold`). */
  statePrefix?: string;
  /** Only orders whose next deadline is before this time; then sorted by that deadline. */
  deadlineBefore?: number;
  /** Only orders with (true) or without (false) each named list flag. */
  listFlags?: Record<string, boolean>;
  /** Opaque position from the previous page. */
  after?: { id: string; deadline?: number };
  limit: number;
}
