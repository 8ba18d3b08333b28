import type { DeliveryAttempt, FanOut } from '../delivery-records.ts';
import type { OutboxStore } from '../outbox-store.ts';
import type { DeliveryQueries, SubscriptionStore } from '../queries.ts';
import type { SqliteDatabase } from './sqlite-database.ts';
import {
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
} from './sqlite-rows.ts';

type DeliveryPorts = OutboxStore & DeliveryQueries & SubscriptionStore;

/**
 * The outbox, deliveries and webhook subscriptions on SQLite. Its writes are small transactions on
 * the store's one connection. Call after `migrate()`: statements are prepared on first use.
 */
export function createSqliteDeliveryStore(db: SqliteDatabase): DeliveryPorts {
  let statements: ReturnType<typeof prepare> | undefined;
  const sql = () => (statements ??= prepare(db));

  const dispatchTx = db.transaction((batch: FanOut[]) => {
    const s = sql();
    for (const { source, deliveries } of batch) {
      for (const d of deliveries) {
        s.insertDelivery.run(d.id, d.notificationId, d.orderId, d.seq, d.kind, d.channel, d.target, JSON.stringify(d.message), d.createdAt, d.createdAt);
      }
      if ('outboxId' in source) s.outboxDispatched.run(source.outboxId);
      else s.historyDispatched.run(source.orderId, source.seq);
    }
  });

  const recordTx = db.transaction((a: Omit<DeliveryAttempt, 'number'>, outcome: Parameters<OutboxStore['recordAttempt']>[1]): boolean => {
    const s = sql();
    const current = s.deliveryStatus.get(a.deliveryId) as { status: string } | undefined;
    if (current?.status !== 'pending') return false;
    const { next } = s.nextAttemptNumber.get(a.deliveryId) as { next: number };
    s.insertAttempt.run(a.deliveryId, next, a.at, a.ok ? 1 : 0, a.statusCode, a.error, a.durationMs);
    const status = outcome.then === 'retry' ? 'pending' : outcome.then;
    const nextAttemptAt = outcome.then === 'retry' ? outcome.nextAttemptAt : a.at;
    s.finishAttempt.run(status, nextAttemptAt, outcome.then === 'delivered' ? a.at : null, a.ok ? null : a.error, a.deliveryId);
    return true;
  });

  return {
    async undispatchedEffects(limit) {
      return (sql().undispatchedOutbox.all(limit) as OutboxRow[]).map(toOutbox);
    },
    async undispatchedHistory(limit) {
      return (sql().undispatchedHistory.all(limit) as HistoryRow[]).map(toHistory);
    },
    async dispatch(batch) {
      if (batch.length > 0) dispatchTx(batch);
    },
    async claimDeliveries({ now, limit, leaseMs, channels }) {
      if (channels.length === 0) return [];
      const marks = channels.map(() => '?').join(', ');
      const rows = db
        .prepare(
          `UPDATE deliveries SET lease_until = ? WHERE id IN (
             SELECT id FROM deliveries
             WHERE status = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?) AND channel IN (${marks})
             ORDER BY next_attempt_at, id LIMIT ?
           ) RETURNING *`,
        )
        .all(now + leaseMs, now, now, ...channels, limit) as DeliveryRow[];
      return rows.map(toDelivery).sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.id.localeCompare(b.id));
    },
    async recordAttempt(attempt, outcome) {
      return recordTx(attempt, outcome);
    },
    async getDelivery(id) {
      const row = sql().getDelivery.get(id) as DeliveryRow | undefined;
      return row && toDelivery(row);
    },
    async listDeliveries({ tenant, orderId, status, channel, target, before, limit }) {
      const filters = Object.entries({ tenant, order_id: orderId, status, channel, target }).filter(([, v]) => v !== undefined);
      const where = filters.map(([column]) => `${column} = ?`);
      const params: unknown[] = filters.map(([, v]) => v);
      if (before) {
        where.push('(created_at, id) < (?, ?)');
        params.push(before.createdAt, before.id);
      }
      const text = `SELECT * FROM deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ?`;
      return (db.prepare(text).all(...params, limit) as DeliveryRow[]).map(toDelivery);
    },
    async deliveryAttempts(deliveryIds) {
      if (deliveryIds.length === 0) return [];
      const out: DeliveryAttempt[] = [];
      // Chunked: SQLite limits the number of bound parameters.
      for (let i = 0; i < deliveryIds.length; i += 500) {
        const chunk = deliveryIds.slice(i, i + 500);
        const rows = db.prepare(`SELECT * FROM delivery_attempts WHERE delivery_id IN (${chunk.map(() => '?').join(', ')}) ORDER BY delivery_id, number`).all(...chunk) as AttemptRow[];
        out.push(...rows.map(toAttempt));
      }
      return out;
    },
    async retryDelivery(id, now) {
      const row = sql().retryDelivery.get(now, id) as DeliveryRow | undefined;
      return row && toDelivery(row);
    },
    async createSubscription(s) {
      sql().insertSubscription.run(s.id, s.tenant, s.url, JSON.stringify(s.events), s.secret, s.description, s.createdAt);
    },
    async getSubscription(id) {
      const row = sql().getSubscription.get(id) as SubscriptionRow | undefined;
      return row && toSubscription(row);
    },
    async listSubscriptions(tenant) {
      const rows = tenant === undefined ? sql().listSubscriptions.all() : sql().listTenantSubscriptions.all(tenant);
      return (rows as SubscriptionRow[]).map(toSubscription);
    },
    async deleteSubscription(id) {
      return sql().deleteSubscription.run(id).changes === 1;
    },
  };
}

function prepare(db: SqliteDatabase) {
  return {
    undispatchedOutbox: db.prepare("SELECT * FROM outbox WHERE status = 'pending' ORDER BY created_at, id LIMIT ?"),
    undispatchedHistory: db.prepare('SELECT * FROM history WHERE dispatched = 0 ORDER BY at, order_id, seq LIMIT ?'),
    insertDelivery: db.prepare(
      `INSERT INTO deliveries (id, notification_id, order_id, seq, kind, channel, target, message, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (notification_id, channel, target) DO NOTHING`,
    ),
    outboxDispatched: db.prepare("UPDATE outbox SET status = 'dispatched' WHERE id = ?"),
    historyDispatched: db.prepare('UPDATE history SET dispatched = 1 WHERE order_id = ? AND seq = ?'),
    deliveryStatus: db.prepare('SELECT status FROM deliveries WHERE id = ?'),
    nextAttemptNumber: db.prepare('SELECT COALESCE(MAX(number), 0) + 1 AS next FROM delivery_attempts WHERE delivery_id = ?'),
    insertAttempt: db.prepare('INSERT INTO delivery_attempts (delivery_id, number, at, ok, status_code, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    finishAttempt: db.prepare(
      'UPDATE deliveries SET attempts = attempts + 1, lease_until = NULL, status = ?, next_attempt_at = ?, delivered_at = ?, last_error = ? WHERE id = ?',
    ),
    getDelivery: db.prepare('SELECT * FROM deliveries WHERE id = ?'),
    retryDelivery: db.prepare(
      "UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, lease_until = NULL WHERE id = ? AND status = 'dead' RETURNING *",
    ),
    insertSubscription: db.prepare('INSERT INTO webhook_subscriptions (id, tenant, url, events, secret, description, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    getSubscription: db.prepare('SELECT * FROM webhook_subscriptions WHERE id = ?'),
    listSubscriptions: db.prepare('SELECT * FROM webhook_subscriptions ORDER BY created_at, id'),
    listTenantSubscriptions: db.prepare('SELECT * FROM webhook_subscriptions WHERE tenant = ? ORDER BY created_at, id'),
    deleteSubscription: db.prepare('DELETE FROM webhook_subscriptions WHERE id = ?'),
  };
}
