import type { Commit, HistoryEntry, IdempotencyEntry, ListQuery, OrderRecord, OutboxEntry, Store, TimerEntry } from '../store.ts';
import { VersionConflictError } from '../store.ts';
import { sqliteMigrations } from './schema.ts';
import { createSqliteDeliveryStore } from './sqlite-delivery-store.ts';

/** The slice of a better-sqlite3 `Database` this adapter uses. */
export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): unknown;
  pragma(sql: string, options?: { simple?: boolean }): unknown;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
  /** False once SQLite itself rolled back the open transaction (disk full, I/O error). */
  readonly inTransaction: boolean;
  close(): unknown;
}

export interface SqliteStoreOptions {
  /**
   * Group commit (default on): commits that arrive while the event loop is busy are written
   * together, each in its own savepoint inside one transaction, so N events cost one fsync.
   * A commit that fails (version conflict) rolls back only its savepoint and rejects only its
   * promise; every promise settles only after the COMMIT of its batch has returned.
   */
  groupCommit?: boolean;
}

interface PendingCommit { commit: Commit; resolve: () => void; reject: (error: unknown) => void }
interface SqliteStatement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

interface OrderRow { id: string; version: number; state: string; snapshot: string; create_hash: string; next_deadline_at: number | null; created_at: number; updated_at: number }
interface HistoryRow { order_id: string; seq: number; type: string; payload: string; from_state: string | null; to_state: string; at: number; idempotency_key: string | null; source: string; due_at: number | null }

const toOrder = (r: OrderRow): OrderRecord => ({
  id: r.id,
  version: r.version,
  state: r.state,
  snapshot: JSON.parse(r.snapshot),
  createHash: r.create_hash,
  nextDeadlineAt: r.next_deadline_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toHistory = (r: HistoryRow): HistoryEntry => ({
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
});

/**
 * The states below a prefix `p` are the range ['p.', 'p/'), '/' being the character after '.':
 * literal and case-sensitive (unlike SQLite's LIKE), and served by the state index.
 */
const belowState = (prefix: string) => [`${prefix}.`, `${prefix}/`] as const;

/**
 * The embedded store on SQLite (better-sqlite3): WAL, `synchronous=FULL` so that a commit is on
 * disk before the client hears of it. Single writer; commits are grouped (see `groupCommit`).
 */
export function createSqliteStore(db: SqliteDatabase, { groupCommit = true }: SqliteStoreOptions = {}): Store {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  let statements: ReturnType<typeof prepare> | undefined;
  const sql = () => (statements ??= prepare(db));

  const commitTx = db.transaction((c: Commit) => {
    const s = sql();
    const o = c.order;
    const row = [o.state, JSON.stringify(o.snapshot), o.nextDeadlineAt, o.updatedAt];
    if (c.expectedVersion === null) {
      const inserted = s.insertOrder.run(o.id, o.version, ...row.slice(0, 2), o.createHash, o.nextDeadlineAt, o.createdAt, o.updatedAt);
      if (inserted.changes !== 1) throw new VersionConflictError(o.id);
    } else if (s.updateOrder.run(o.version, ...row, o.id, c.expectedVersion).changes !== 1) {
      throw new VersionConflictError(o.id);
    }
    const h = c.history;
    s.insertHistory.run(h.orderId, h.seq, h.type, JSON.stringify(h.payload ?? {}), h.fromState, h.toState, h.at, h.idempotencyKey, h.source, h.dueAt);
    for (const e of c.outbox) s.insertOutbox.run(e.id, e.orderId, e.seq, e.action, JSON.stringify(e.payload), e.createdAt, e.createdAt);
    s.deleteTimers.run(o.id);
    for (const t of c.timers) s.insertTimer.run(t.orderId, t.name, t.event, t.dueAt);
    if (c.idempotency) {
      const i = c.idempotency;
      if (s.insertIdempotency.run(i.orderId, i.key, i.requestHash, i.status, JSON.stringify(i.response)).changes !== 1) {
        throw new VersionConflictError(o.id);
      }
    }
  });

  /** Maps driver errors of one commit to the port's errors. */
  const commitError = (error: unknown, c: Commit) =>
    !(error instanceof VersionConflictError) && (error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ? new VersionConflictError(c.order.id, { cause: error }) : error;

  let queue: PendingCommit[] = [];
  // Inside this transaction each `commitTx` call runs as a savepoint (better-sqlite3 nests them).
  const batchTx = db.transaction((batch: PendingCommit[]) => {
    const outcomes: unknown[] = [];
    for (const pending of batch) {
      // SQLite rolls the whole transaction back on some errors; then nothing of this batch is written.
      if (!db.inTransaction) throw outcomes.at(-1);
      try {
        commitTx(pending.commit);
        outcomes.push(undefined);
      } catch (error) {
        outcomes.push(error ?? new Error('commit failed'));
      }
    }
    if (!db.inTransaction) throw outcomes.at(-1);
    return outcomes;
  });
  const flush = () => {
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    let outcomes: unknown[];
    try {
      outcomes = batchTx(batch);
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    // Only now, with the COMMIT (and its fsync) returned, does anyone hear of the result.
    batch.forEach((pending, i) => (outcomes[i] === undefined ? pending.resolve() : pending.reject(commitError(outcomes[i], pending.commit))));
  };

  return {
    ...createSqliteDeliveryStore(db),
    async migrate() {
      db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL) STRICT');
      const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
      db.transaction(() => {
        sqliteMigrations.forEach((ddl, i) => {
          if (applied.has(i + 1)) return;
          db.exec(ddl);
          db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(i + 1, Date.now());
        });
      })();
    },
    async getOrder(id) {
      const row = sql().getOrder.get(id) as OrderRow | undefined;
      return row && toOrder(row);
    },
    async commit(c) {
      if (!groupCommit) {
        try {
          commitTx(c);
        } catch (error) {
          throw commitError(error, c);
        }
        return;
      }
      return new Promise<void>((resolve, reject) => {
        queue.push({ commit: c, resolve, reject });
        // Everything that arrives before the event loop comes round joins this batch.
        if (queue.length === 1) setImmediate(flush);
      });
    },
    async getIdempotency(orderId, key) {
      const r = sql().getIdempotency.get(orderId, key) as { request_hash: string; status: number; response: string } | undefined;
      return r && ({ orderId, key, requestHash: r.request_hash, status: r.status, response: JSON.parse(r.response) } satisfies IdempotencyEntry);
    },
    async history(orderId) {
      return (sql().history.all(orderId) as HistoryRow[]).map(toHistory);
    },
    async outbox(orderId) {
      const rows = sql().outboxOf.all(orderId) as { id: string; order_id: string; seq: number; action: string; payload: string; created_at: number; status: string }[];
      return rows.map((r): OutboxEntry => ({ id: r.id, orderId: r.order_id, seq: r.seq, action: r.action, payload: JSON.parse(r.payload), createdAt: r.created_at, status: r.status as OutboxEntry['status'] }));
    },
    async listOrders(q: ListQuery) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (q.statePrefix) {
        where.push('(state = ? OR (state >= ? AND state < ?))');
        params.push(q.statePrefix, ...belowState(q.statePrefix));
      }
      let order = 'id';
      if (q.deadlineBefore !== undefined) {
        where.push('next_deadline_at IS NOT NULL AND next_deadline_at < ?');
        params.push(q.deadlineBefore);
        order = 'next_deadline_at, id';
        if (q.after) {
          where.push('(next_deadline_at > ? OR (next_deadline_at = ? AND id > ?))');
          params.push(q.after.deadline ?? 0, q.after.deadline ?? 0, q.after.id);
        }
      } else if (q.after) {
        where.push('id > ?');
        params.push(q.after.id);
      }
      const text = `SELECT * FROM orders ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ?`;
      return (db.prepare(text).all(...params, q.limit) as OrderRow[]).map(toOrder);
    },
    async dueTimers(now, limit) {
      const rows = sql().dueTimers.all(now, limit) as { order_id: string; name: string; event: string; due_at: number }[];
      return rows.map((r): TimerEntry => ({ orderId: r.order_id, name: r.name, event: r.event, dueAt: r.due_at }));
    },
    async claimDueTimers(now, limit, leaseMs) {
      const rows = sql().claimDueTimers.all(now + leaseMs, now, now, limit) as { order_id: string; name: string; event: string; due_at: number }[];
      return rows
        .map((r): TimerEntry => ({ orderId: r.order_id, name: r.name, event: r.event, dueAt: r.due_at }))
        .sort(byDueTime);
    },
    async close() {
      if (queue.length > 0) flush();
      db.close();
    },
  };
}

/** Earliest first, then by order id and name, compared as the database does (bytewise). */
const byDueTime = (a: TimerEntry, b: TimerEntry) => a.dueAt - b.dueAt || compare(a.orderId, b.orderId) || compare(a.name, b.name);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Due, unclaimed (or lease ended), and the earliest of its order. Parameters: now, now. */
const claimableTimers = `SELECT order_id, name FROM timers t
  WHERE due_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
    AND NOT EXISTS (SELECT 1 FROM timers e WHERE e.order_id = t.order_id AND (e.due_at < t.due_at OR (e.due_at = t.due_at AND e.name < t.name)))
  ORDER BY due_at, order_id, name`;

function prepare(db: SqliteDatabase) {
  return {
    getOrder: db.prepare('SELECT * FROM orders WHERE id = ?'),
    insertOrder: db.prepare(
      'INSERT INTO orders (id, version, state, snapshot, create_hash, next_deadline_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
    ),
    updateOrder: db.prepare('UPDATE orders SET version = ?, state = ?, snapshot = ?, next_deadline_at = ?, updated_at = ? WHERE id = ? AND version = ?'),
    insertHistory: db.prepare(
      'INSERT INTO history (order_id, seq, type, payload, from_state, to_state, at, idempotency_key, source, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    insertOutbox: db.prepare('INSERT INTO outbox (id, order_id, seq, action, payload, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    deleteTimers: db.prepare('DELETE FROM timers WHERE order_id = ?'),
    insertTimer: db.prepare('INSERT INTO timers (order_id, name, event, due_at) VALUES (?, ?, ?, ?)'),
    insertIdempotency: db.prepare(
      'INSERT INTO idempotency (order_id, key, request_hash, status, response) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    getIdempotency: db.prepare('SELECT request_hash, status, response FROM idempotency WHERE order_id = ? AND key = ?'),
    history: db.prepare('SELECT * FROM history WHERE order_id = ? ORDER BY seq'),
    outboxOf: db.prepare('SELECT * FROM outbox WHERE order_id = ? ORDER BY seq, created_at, id'),
    dueTimers: db.prepare('SELECT * FROM timers WHERE due_at <= ? ORDER BY due_at, order_id, name LIMIT ?'),
    // One statement, so atomic; SQLite has a single writer, so no row locks are needed.
    claimDueTimers: db.prepare(`UPDATE timers SET lease_until = ? WHERE (order_id, name) IN (${claimableTimers} LIMIT ?) RETURNING order_id, name, event, due_at`),
  };
}
