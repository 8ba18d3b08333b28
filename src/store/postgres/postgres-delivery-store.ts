import type { OutboxStore } from '../outbox-store.ts';
import type { DeliveryQueries, SubscriptionStore } from '../queries.ts';
import { inTransaction, type PgPool } from './postgres-client.ts';
import {
  json,
  toAttempt,
  toDelivery,
  toHistory,
  toOutbox,
  toSubscription,
  type AttemptRow,
  type DeliveryRow,
  type HistoryRow,
  type OutboxRow,
  type SubscriptionRow,
} from './postgres-rows.ts';

/**
 * The outbox, deliveries and webhook subscriptions on PostgreSQL. Deliveries are claimed with
 * `FOR UPDATE SKIP LOCKED` and a lease, so the workers of several instances share them without
 * waiting on each other.
 */
export function createPostgresDeliveryStore(pool: PgPool, { transactionTimeoutMs }: { transactionTimeoutMs?: number } = {}): OutboxStore & DeliveryQueries & SubscriptionStore {
  const transaction = <T>(work: Parameters<typeof inTransaction<T>>[1]) => inTransaction(pool, work, { timeoutMs: transactionTimeoutMs });
  return {
    async undispatchedEffects(limit) {
      const { rows } = await pool.query("SELECT * FROM outbox WHERE status = 'pending' ORDER BY created_at, id LIMIT $1", [limit]);
      return (rows as OutboxRow[]).map(toOutbox);
    },
    async undispatchedHistory(limit) {
      const { rows } = await pool.query('SELECT * FROM history WHERE NOT dispatched ORDER BY at, order_id, seq LIMIT $1', [limit]);
      return (rows as HistoryRow[]).map(toHistory);
    },
    async dispatch(batch) {
      if (batch.length === 0) return;
      await transaction(async (tx) => {
        for (const { source, deliveries } of batch) {
          for (const d of deliveries) {
            await tx.query(
              `INSERT INTO deliveries (id, notification_id, order_id, seq, kind, channel, target, message, next_attempt_at, created_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) ON CONFLICT (notification_id, channel, target) DO NOTHING`,
              [d.id, d.notificationId, d.orderId, d.seq, d.kind, d.channel, d.target, json(d.message), d.createdAt],
            );
          }
          if ('outboxId' in source) await tx.query("UPDATE outbox SET status = 'dispatched' WHERE id = $1", [source.outboxId]);
          else await tx.query('UPDATE history SET dispatched = true WHERE order_id = $1 AND seq = $2', [source.orderId, source.seq]);
        }
      });
    },
    async claimDeliveries({ now, limit, leaseMs, channels }) {
      if (channels.length === 0) return [];
      const { rows } = await pool.query(
        `WITH picked AS (
           SELECT id FROM deliveries
           WHERE status = 'pending' AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until <= $1) AND channel = ANY($2::text[])
           ORDER BY next_attempt_at, id
           LIMIT $3
           FOR UPDATE SKIP LOCKED
         )
         UPDATE deliveries SET lease_until = $4 FROM picked WHERE deliveries.id = picked.id RETURNING deliveries.*`,
        [now, channels, limit, now + leaseMs],
      );
      return (rows as DeliveryRow[]).map(toDelivery).sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
    async recordAttempt(a, outcome) {
      return transaction(async (tx) => {
        const { rows } = await tx.query('SELECT status FROM deliveries WHERE id = $1 FOR UPDATE', [a.deliveryId]);
        if ((rows[0] as { status: string } | undefined)?.status !== 'pending') return false;
        await tx.query(
          `INSERT INTO delivery_attempts (delivery_id, number, at, ok, status_code, error, duration_ms)
           SELECT $1, COALESCE(MAX(number), 0) + 1, $2, $3, $4, $5, $6 FROM delivery_attempts WHERE delivery_id = $1`,
          [a.deliveryId, a.at, a.ok, a.statusCode, a.error, a.durationMs],
        );
        const status = outcome.then === 'retry' ? 'pending' : outcome.then;
        await tx.query(
          'UPDATE deliveries SET attempts = attempts + 1, lease_until = NULL, status = $1, next_attempt_at = $2, delivered_at = $3, last_error = $4 WHERE id = $5',
          [status, outcome.then === 'retry' ? outcome.nextAttemptAt : a.at, outcome.then === 'delivered' ? a.at : null, a.ok ? null : a.error, a.deliveryId],
        );
        return true;
      });
    },
    async getDelivery(id) {
      const { rows } = await pool.query('SELECT * FROM deliveries WHERE id = $1', [id]);
      const row = rows[0] as DeliveryRow | undefined;
      return row && toDelivery(row);
    },
    async listDeliveries({ tenant, orderId, status, channel, target, before, limit }) {
      const params: unknown[] = [];
      const where = Object.entries({ tenant, order_id: orderId, status, channel, target })
        .filter(([, v]) => v !== undefined)
        .map(([column, v]) => `${column} = $${params.push(v)}`);
      if (before) where.push(`(created_at, id) < ($${params.push(before.createdAt)}, $${params.push(before.id)})`);
      const text = `SELECT * FROM deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT $${params.push(limit)}`;
      const { rows } = await pool.query(text, params);
      return (rows as DeliveryRow[]).map(toDelivery);
    },
    async deliveryAttempts(deliveryIds) {
      if (deliveryIds.length === 0) return [];
      const { rows } = await pool.query('SELECT * FROM delivery_attempts WHERE delivery_id = ANY($1::text[]) ORDER BY delivery_id, number', [deliveryIds]);
      return (rows as AttemptRow[]).map(toAttempt);
    },
    async retryDelivery(id, now) {
      const { rows } = await pool.query(
        "UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = $1, lease_until = NULL WHERE id = $2 AND status = 'dead' RETURNING *",
        [now, id],
      );
      const row = rows[0] as DeliveryRow | undefined;
      return row && toDelivery(row);
    },
    async createSubscription(s) {
      await pool.query('INSERT INTO webhook_subscriptions (id, tenant, url, events, secret, description, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        s.id, s.tenant, s.url, json(s.events), s.secret, s.description, s.createdAt,
      ]);
    },
    async getSubscription(id) {
      const { rows } = await pool.query('SELECT * FROM webhook_subscriptions WHERE id = $1', [id]);
      const row = rows[0] as SubscriptionRow | undefined;
      return row && toSubscription(row);
    },
    async listSubscriptions(tenant) {
      const { rows } = tenant === undefined
        ? await pool.query('SELECT * FROM webhook_subscriptions ORDER BY created_at, id')
        : await pool.query('SELECT * FROM webhook_subscriptions WHERE tenant = $1 ORDER BY created_at, id', [tenant]);
      return (rows as SubscriptionRow[]).map(toSubscription);
    },
    async deleteSubscription(id) {
      const { rowCount } = await pool.query('DELETE FROM webhook_subscriptions WHERE id = $1', [id]);
      return rowCount === 1;
    },
  };
}
