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

/**
 * A side effect to deliver, written in the same commit as the event that caused it. `status` (read
 * only) is `pending` until the delivery worker has fanned it out into deliveries, then `dispatched`.
 */
export interface OutboxEntry { id: string; orderId: string; seq: number; action: string; payload: unknown; createdAt: number; status?: 'pending' | 'dispatched' }

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
 * All writes of an event go through `commit`, which either writes everything or nothing; the
 * delivery worker's writes are the `DeliveryStore` group below.
 */
export interface Store extends DeliveryStore {
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

// ---------------------------------------------------------------------------------------------
// Delivery of side effects (the outbox worker). A separate group so an adapter can be written in
// two steps; the SQLite adapter implements it with schema migration 2. Times are epoch ms.
//
// Pipeline: outbox rows (effects) and history rows that changed state are *notifications*. The
// worker fans each one out, once, into *deliveries* (one per channel and target: the seller's
// e-mail, each matching webhook subscription), then delivers those with a lease, retries and
// dead-lettering. Fan-out is idempotent (one delivery per notification, channel and target), so
// two workers, or a worker that died half-way, never duplicate a delivery.
// ---------------------------------------------------------------------------------------------

export type DeliveryChannel = 'email' | 'webhook';
export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

/** A delivery to create at fan-out. */
export interface NewDelivery {
  id: string;
  /** The notification's stable id: receivers deduplicate on it (`webhook-id`, e-mail `Message-ID`). */
  notificationId: string;
  orderId: string;
  /** The order version whose commit caused the notification. */
  seq: number;
  /** The notification kind, e.g. `customs.reminder`, `state.changed`. */
  kind: string;
  channel: DeliveryChannel;
  /** The e-mail address, or the webhook subscription id. */
  target: string;
  /** What is sent, rendered once at fan-out so every attempt sends the same content. */
  message: unknown;
  createdAt: number;
}

export interface Delivery extends NewDelivery {
  status: DeliveryStatus;
  /** Attempts since creation or since the last manual retry. */
  attempts: number;
  nextAttemptAt: number;
  deliveredAt: number | null;
  lastError: string | null;
}

/** One delivery attempt, as recorded. */
export interface DeliveryAttempt {
  deliveryId: string;
  /** 1, 2, … over the delivery's whole life (manual retries continue the count). */
  number: number;
  at: number;
  ok: boolean;
  /** The HTTP status (webhooks) or SMTP response code (e-mail), when there was an answer. */
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** What a finished attempt decides: done, try again at `nextAttemptAt`, or give up (dead letter). */
export type AttemptOutcome = { then: 'delivered' } | { then: 'retry'; nextAttemptAt: number } | { then: 'dead' };

/** One notification's fan-out: its source row and the deliveries it makes (possibly none). */
export interface FanOut { source: { outboxId: string } | { orderId: string; seq: number }; deliveries: NewDelivery[] }

/** A webhook subscription. `events` holds notification kinds, or `*` for all. */
export interface WebhookSubscription { id: string; url: string; events: string[]; secret: string; description: string | null; createdAt: number }

export interface DeliveryQuery {
  orderId?: string;
  status?: DeliveryStatus;
  channel?: DeliveryChannel;
  target?: string;
  limit: number;
}

/** The store methods of the delivery worker and of the notifications and webhooks API. */
export interface DeliveryStore {
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
  getDelivery(id: string): Promise<Delivery | undefined>;
  /** Deliveries, newest first. */
  listDeliveries(query: DeliveryQuery): Promise<Delivery[]>;
  /** The attempts of these deliveries, in order. */
  deliveryAttempts(deliveryIds: string[]): Promise<DeliveryAttempt[]>;
  /** A dead letter back to pending, due at `now`, with a fresh attempt budget; undefined unless it was dead. */
  retryDelivery(id: string, now: number): Promise<Delivery | undefined>;

  createSubscription(subscription: WebhookSubscription): Promise<void>;
  getSubscription(id: string): Promise<WebhookSubscription | undefined>;
  /** All subscriptions, oldest first. */
  listSubscriptions(): Promise<WebhookSubscription[]>;
  /** Deletes it; its pending deliveries become dead at their next attempt. False when there was none. */
  deleteSubscription(id: string): Promise<boolean>;
}

/** The stored version was not the expected one: someone else committed first. */
export class VersionConflictError extends Error {
  override name = 'VersionConflictError';
  constructor(readonly orderId: string, options?: { cause?: unknown }) {
    super(`order ${orderId} was changed concurrently`, options);
  }
}
