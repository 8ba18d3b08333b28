import type { Delivery, DeliveryAttempt, WebhookSubscription } from '../delivery-records.ts';
import type { HistoryEntry, OrderRecord, OutboxEntry, TimerEntry } from '../records.ts';

/**
 * Rows as `pg` returns them, and their mapping to the port's records: written once for every
 * PostgreSQL file. BIGINT (epoch ms) arrives as a string; JSON arrives parsed.
 */
export interface OrderRow {
  id: string; version: number; state: string; snapshot: OrderRecord['snapshot']; create_hash: string; next_deadline_at: string | null;
  created_at: string; updated_at: string; list_flags: string[] | null;
}
export interface HistoryRow {
  order_id: string; seq: number; type: string; payload: unknown; from_state: string | null; to_state: string; at: string;
  idempotency_key: string | null; source: string; due_at: string | null; machine_version: number;
}
export interface OutboxRow { id: string; order_id: string; seq: number; action: string; payload: unknown; created_at: string; status: string }
export interface TimerRow { order_id: string; name: string; event: string; due_at: string }
export interface DeliveryRow {
  id: string; notification_id: string; order_id: string; seq: number; kind: string; channel: string; target: string; message: unknown;
  status: string; attempts: number; next_attempt_at: string; delivered_at: string | null; last_error: string | null; created_at: string;
}
export interface AttemptRow { delivery_id: string; number: number; at: string; ok: boolean; status_code: number | null; error: string | null; duration_ms: number }
export interface SubscriptionRow { id: string; tenant: string; url: string; events: string[]; secret: string; description: string | null; created_at: string }

// BIGINT arrives as a string (it may exceed 2^53); epoch ms never do.
const ms = (v: string | number) => Number(v);
const msOrNull = (v: string | number | null) => (v === null ? null : Number(v));

/** JSON goes in as text: `pg` would turn a top-level array into a PostgreSQL array. */
export const json = (value: unknown) => JSON.stringify(value ?? {});

/** `orders.list_flags`: the JSON array, or NULL while not computed. */
export const flagsColumn = (flags: readonly string[] | undefined) => (flags === undefined ? null : JSON.stringify(flags));

export const toOrder = (r: OrderRow): OrderRecord => ({
  id: r.id,
  version: r.version,
  state: r.state,
  snapshot: r.snapshot,
  createHash: r.create_hash,
  nextDeadlineAt: msOrNull(r.next_deadline_at),
  ...(r.list_flags === null ? {} : { listFlags: r.list_flags }),
  createdAt: ms(r.created_at),
  updatedAt: ms(r.updated_at),
});

export const toHistory = (r: HistoryRow): HistoryEntry => ({
  orderId: r.order_id,
  seq: r.seq,
  type: r.type,
  payload: r.payload,
  fromState: r.from_state,
  toState: r.to_state,
  at: ms(r.at),
  idempotencyKey: r.idempotency_key,
  source: r.source as HistoryEntry['source'],
  dueAt: msOrNull(r.due_at),
  machineVersion: r.machine_version,
});

export const toOutbox = (r: OutboxRow): OutboxEntry => ({
  id: r.id, orderId: r.order_id, seq: r.seq, action: r.action, payload: r.payload, createdAt: ms(r.created_at), status: r.status as OutboxEntry['status'],
});

export const toTimer = (r: TimerRow): TimerEntry => ({ orderId: r.order_id, name: r.name, event: r.event, dueAt: ms(r.due_at) });

export const toDelivery = (r: DeliveryRow): Delivery => ({
  id: r.id,
  notificationId: r.notification_id,
  orderId: r.order_id,
  seq: r.seq,
  kind: r.kind,
  channel: r.channel as Delivery['channel'],
  target: r.target,
  message: r.message,
  status: r.status as Delivery['status'],
  attempts: r.attempts,
  nextAttemptAt: ms(r.next_attempt_at),
  deliveredAt: msOrNull(r.delivered_at),
  lastError: r.last_error,
  createdAt: ms(r.created_at),
});

export const toAttempt = (r: AttemptRow): DeliveryAttempt => ({
  deliveryId: r.delivery_id, number: r.number, at: ms(r.at), ok: r.ok, statusCode: r.status_code, error: r.error, durationMs: r.duration_ms,
});

export const toSubscription = (r: SubscriptionRow): WebhookSubscription => ({
  id: r.id, tenant: r.tenant, url: r.url, events: r.events, secret: r.secret, description: r.description, createdAt: ms(r.created_at),
});
