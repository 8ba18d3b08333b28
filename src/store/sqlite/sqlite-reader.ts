import type { EngineStore } from '../engine-store.ts';
import type { MigrationStore, VersionCount } from '../migration-store.ts';
import type { OrderQueries } from '../queries.ts';
import type { IdempotencyEntry, ListQuery } from '../records.ts';
import type { SqliteDatabase } from './sqlite-database.ts';
import { orderRowColumns, toHistory, toOrder, toOutbox, toTimer, type HistoryRow, type OrderRow, type OutboxRow, type TimerRow } from './sqlite-rows.ts';

/**
 * The states below a prefix `p` are the range ['p.', 'p/'), '/' being the character after '.':
 * literal and case-sensitive (unlike SQLite's LIKE), and served by the state index.
 */
const belowState = (prefix: string) => [`${prefix}.`, `${prefix}/`] as const;

export type SqliteReads = Pick<EngineStore, 'getOrder' | 'getIdempotency'> & OrderQueries & Omit<MigrationStore, 'withMigrationLock' | 'setListFlags'>;

/**
 * The reads of the store (the engine's and the order queries): in WAL mode a connection that did not write sees each
 * commit once the writer's COMMIT has returned. Statements are prepared on first use (after `migrate`).
 */
export function sqliteReads(db: SqliteDatabase): SqliteReads {
  let statements: ReturnType<typeof prepare> | undefined;
  const sql = () => (statements ??= prepare(db));
  return {
    async getOrder(id) {
      const row = sql().getOrder.get(id) as OrderRow | undefined;
      return row && toOrder(row);
    },
    async getIdempotency(orderId, key) {
      const r = sql().getIdempotency.get(orderId, key) as { request_hash: string; status: number; response: string; created_at: number } | undefined;
      return r && ({ orderId, key, requestHash: r.request_hash, status: r.status, response: JSON.parse(r.response), createdAt: r.created_at } satisfies IdempotencyEntry);
    },
    async history(orderId, page) {
      const rows = page ? sql().historyPage.all(orderId, page.afterSeq ?? 0, page.limit ?? -1) : sql().history.all(orderId);
      return (rows as HistoryRow[]).map(toHistory);
    },
    async outbox(orderId) {
      return (sql().outboxOf.all(orderId) as OutboxRow[]).map(toOutbox);
    },
    async listOrders(q: ListQuery) {
      const where: string[] = ['o.tenant = ?'];
      const params: unknown[] = [q.tenant];
      if (q.statePrefix) {
        where.push('(o.state = ? OR (o.state >= ? AND o.state < ?))');
        params.push(q.statePrefix, ...belowState(q.statePrefix));
      }
      // Served by the flag index (flag, order_id); most orders have no flag, so the subquery is small.
      for (const [flag, wanted] of Object.entries(q.listFlags ?? {})) {
        where.push(`o.id ${wanted ? 'IN' : 'NOT IN'} (SELECT f.order_id FROM order_flags f WHERE f.flag = ?)`);
        params.push(flag);
      }
      if (q.deadlineBefore === undefined) {
        if (q.after) {
          where.push('o.id > ?');
          params.push(q.after.id);
        }
        const text = `SELECT o.* FROM orders o WHERE ${where.join(' AND ')} ORDER BY o.id LIMIT ?`;
        return (db.prepare(text).all(...params, q.limit) as OrderRow[]).map(toOrder);
      }
      // By next deadline: walk the timers' due-time index (entries are due_at, order_id, name), taking
      // each order's earliest timer, which is its `next_deadline_at`. CROSS JOIN keeps timers the outer
      // loop, so the index gives the order and LIMIT stops early (else SQLite sorts every match).
      const deadline: unknown[] = [q.deadlineBefore];
      let page = '';
      if (q.after) {
        page = 'AND (t.due_at > ? OR (t.due_at = ? AND t.order_id > ?))';
        deadline.push(q.after.deadline ?? 0, q.after.deadline ?? 0, q.after.id);
      }
      const text = `SELECT o.* FROM timers t CROSS JOIN orders o ON o.id = t.order_id
        WHERE t.due_at < ? ${page} AND o.next_deadline_at = t.due_at
          AND NOT EXISTS (SELECT 1 FROM timers e WHERE e.order_id = t.order_id AND e.due_at = t.due_at AND e.name < t.name)
          AND ${where.join(' AND ')}
        ORDER BY t.due_at, t.order_id LIMIT ?`;
      return (db.prepare(text).all(...deadline, ...params, q.limit) as OrderRow[]).map(toOrder);
    },
    async versionCensus() {
      return sql().versionCensus.all() as VersionCount[];
    },
    async ordersAtVersion({ machineVersion, state, after, limit }) {
      const rows = state === undefined ? sql().ordersAtVersion.all(machineVersion, after ?? '', limit) : sql().ordersAtVersionState.all(machineVersion, state, after ?? '', limit);
      return (rows as OrderRow[]).map(toOrder);
    },
    async ordersWithoutListFlags({ after, limit }) {
      return (sql().ordersWithoutListFlags.all(after ?? '', limit) as OrderRow[]).map(toOrder);
    },
    async dueTimers(now, limit) {
      return (sql().dueTimers.all(now, limit) as TimerRow[]).map(toTimer);
    },
  };
}

function prepare(db: SqliteDatabase) {
  return {
    getOrder: db.prepare(`SELECT ${orderRowColumns} FROM orders WHERE id = ?`),
    getIdempotency: db.prepare('SELECT request_hash, status, response, created_at FROM idempotency WHERE order_id = ? AND key = ?'),
    history: db.prepare('SELECT * FROM history WHERE order_id = ? ORDER BY seq'),
    historyPage: db.prepare('SELECT * FROM history WHERE order_id = ? AND seq > ? ORDER BY seq LIMIT ?'),
    outboxOf: db.prepare('SELECT * FROM outbox WHERE order_id = ? ORDER BY seq, created_at, id'),
    dueTimers: db.prepare('SELECT * FROM timers WHERE due_at <= ? ORDER BY due_at, order_id, name LIMIT ?'),
    versionCensus: db.prepare('SELECT machine_version AS machineVersion, state, COUNT(*) AS count FROM orders GROUP BY machine_version, state ORDER BY machine_version, state'),
    ordersAtVersion: db.prepare('SELECT * FROM orders WHERE machine_version = ? AND id > ? ORDER BY id LIMIT ?'),
    ordersWithoutListFlags: db.prepare('SELECT * FROM orders WHERE list_flags IS NULL AND id > ? ORDER BY id LIMIT ?'),
    ordersAtVersionState: db.prepare('SELECT * FROM orders WHERE machine_version = ? AND state = ? AND id > ? ORDER BY id LIMIT ?'),
  };
}
