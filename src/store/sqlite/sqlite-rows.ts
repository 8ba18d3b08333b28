import type { Delivery, DeliveryAttempt, WebhookSubscription } from '../delivery-records.ts';
import type { Commit, HistoryEntry, OrderRecord, OutboxEntry, TimerEntry } from '../records.ts';

/**
 * Rows as SQLite returns them, and the mapping between them and the port's records: written once
 * for every SQLite file. Times are INTEGER epoch ms; JSON is TEXT.
 */
export interface OrderRow {
  id: string; version: number; state: string; snapshot: string; create_hash: string; next_deadline_at: number | null; created_at: number; updated_at: number;
  list_flags: string | null;
}
/** The columns an {@link OrderRow} reads, for a SELECT of one order: not `*`, which would also compute the generated `tenant` and read `machine_version`. */
export const orderRowColumns = 'id, version, state, snapshot, create_hash, next_deadline_at, created_at, updated_at, list_flags';
export interface HistoryRow {
  order_id: string; seq: number; type: string; payload: string; from_state: string | null; to_state: string; at: number;
  idempotency_key: string | null; source: string; due_at: number | null; machine_version: number;
}
export interface OutboxRow { id: string; order_id: string; seq: number; action: string; payload: string; created_at: number; status: string }
export interface TimerRow { order_id: string; name: string; event: string; due_at: number }
export interface DeliveryRow {
  id: string; notification_id: string; order_id: string; seq: number; kind: string; channel: string; target: string; message: string;
  status: string; attempts: number; next_attempt_at: number; delivered_at: number | null; last_error: string | null; created_at: number;
}
export interface AttemptRow { delivery_id: string; number: number; at: number; ok: number; status_code: number | null; error: string | null; duration_ms: number }
export interface SubscriptionRow { id: string; tenant: string; url: string; events: string; secret: string; description: string | null; created_at: number }

// Two literals rather than a spread of the optional `listFlags` between the keys: on Node 20 each key
// defined after a spread in a literal costs a new hidden class (the order is read on every event).
export const toOrder = (r: OrderRow): OrderRecord =>
  r.list_flags === null
    ? { id: r.id, version: r.version, state: r.state, snapshot: JSON.parse(r.snapshot), createHash: r.create_hash, nextDeadlineAt: r.next_deadline_at, createdAt: r.created_at, updatedAt: r.updated_at }
    : {
        id: r.id,
        version: r.version,
        state: r.state,
        snapshot: JSON.parse(r.snapshot),
        createHash: r.create_hash,
        nextDeadlineAt: r.next_deadline_at,
        listFlags: JSON.parse(r.list_flags),
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      };

export const toHistory = (r: HistoryRow): HistoryEntry => ({
  orderId: r.order_id,
  seq: r.seq,
  type: r.type,
  payload: JSON.parse(r.payload),
  fromState: r.from_state,
  toState: r.to_state,
  at: r.at,
  idempotencyKey: r.idempotency_key,
  source: r.source as HistoryEntry['source'],
  dueAt: r.due_at,
  machineVersion: r.machine_version,
});

export const toOutbox = (r: OutboxRow): OutboxEntry => ({
  id: r.id, orderId: r.order_id, seq: r.seq, action: r.action, payload: JSON.parse(r.payload), createdAt: r.created_at, status: r.status as OutboxEntry['status'],
});

export const toTimer = (r: TimerRow): TimerEntry => ({ orderId: r.order_id, name: r.name, event: r.event, dueAt: r.due_at });

export const toDelivery = (r: DeliveryRow): Delivery => ({
  id: r.id,
  notificationId: r.notification_id,
  orderId: r.order_id,
  seq: r.seq,
  kind: r.kind,
  channel: r.channel as Delivery['channel'],
  target: r.target,
  message: JSON.parse(r.message),
  status: r.status as Delivery['status'],
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  deliveredAt: r.delivered_at,
  lastError: r.last_error,
  createdAt: r.created_at,
});

export const toAttempt = (r: AttemptRow): DeliveryAttempt => ({
  deliveryId: r.delivery_id, number: r.number, at: r.at, ok: r.ok === 1, statusCode: r.status_code, error: r.error, durationMs: r.duration_ms,
});

export const toSubscription = (r: SubscriptionRow): WebhookSubscription => ({
  id: r.id, tenant: r.tenant, url: r.url, events: JSON.parse(r.events), secret: r.secret, description: r.description, createdAt: r.created_at,
});

/** A commit as bound to the writer's statements, in their column order. */
export interface CommitParams {
  expectedVersion: number | null;
  /** id, version, state, snapshot, create_hash, next_deadline_at, created_at, updated_at, machine_version, list_flags */
  order: [string, number, string, string, string, number | null, number, number, number, string | null];
  /** order_id, seq, type, payload, from_state, to_state, at, idempotency_key, source, due_at, machine_version */
  history: [string, number, string, string, string | null, string, number, string | null, string, number | null, number];
  /** id, order_id, seq, action, payload, created_at */
  outbox: [string, string, number, string, string, number][];
  /** order_id, name, event, due_at */
  timers: [string, string, string, number][];
  /** order_id, key, request_hash, status, response, created_at; then `expiredBefore` */
  idempotency: [string, string, string, number, string, number, number] | null;
  /** The order's flag index rows when they changed (order_id, flag each); null: unchanged. */
  listFlags: [string, string][] | null;
}

export function commitParams(c: Commit): CommitParams {
  const { order: o, history: h, idempotency: i } = c;
  return {
    expectedVersion: c.expectedVersion,
    order: [o.id, o.version, o.state, JSON.stringify(o.snapshot), o.createHash, o.nextDeadlineAt, o.createdAt, o.updatedAt, o.snapshot.machine.version, flagsColumn(o.listFlags)],
    history: [h.orderId, h.seq, h.type, JSON.stringify(h.payload ?? {}), h.fromState, h.toState, h.at, h.idempotencyKey, h.source, h.dueAt, h.machineVersion],
    outbox: c.outbox.map((e) => [e.id, e.orderId, e.seq, e.action, JSON.stringify(e.payload), e.createdAt]),
    timers: c.timers.map((t) => [t.orderId, t.name, t.event, t.dueAt]),
    idempotency: i ? [i.orderId, i.key, i.requestHash, i.status, JSON.stringify(i.response), i.createdAt, i.expiredBefore] : null,
    listFlags: c.listFlags ? c.listFlags.map((flag) => [o.id, flag]) : null,
  };
}

/** `orders.list_flags`: the JSON array, or NULL while not computed. */
export const flagsColumn = (flags: readonly string[] | undefined) => (flags === undefined ? null : JSON.stringify(flags));
