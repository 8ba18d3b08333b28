import type { Commit, TimerEntry } from '../records.ts';
import { VersionConflictError } from '../store.ts';
import { sqliteMigrations } from './schema.ts';
import type { SqliteDatabase } from './sqlite-database.ts';
import { commitParams, flagsColumn, toTimer, type CommitParams, type TimerRow } from './sqlite-rows.ts';

/** One write, as the writer runs it. */
export type WriteOp =
  | { kind: 'commit'; commit: Commit }
  | { kind: 'claim'; now: number; limit: number; leaseMs: number }
  | { kind: 'release'; timers: readonly TimerEntry[] }
  | { kind: 'purgeIdempotency'; createdBefore: number; limit: number }
  | { kind: 'listFlags'; orderId: string; version: number; flags: readonly string[] }
  | { kind: 'migrate' };

/** What one write came to: its value, or the error that rejected it. */
export type Outcome = { ok: true; value?: unknown } | { ok: false; error: unknown };

/** Time the writer spent inside transactions (SQL and fsync), to see where an event's time goes. */
export interface WriterStats {
  /** Transactions committed or rolled back (one per batch). */
  transactions: number;
  ops: number;
  transactionMs: number;
}

/**
 * The writes of the store's one connection: commits, timer claims, purges and schema migrations. Pragmas:
 * WAL, so readers on other connections (a second process) see each commit once its COMMIT has
 * returned; `synchronous=FULL`, so that COMMIT returns only after the fsync.
 */
export function openWriter(db: SqliteDatabase, { busyTimeoutMs = 5000 }: { busyTimeoutMs?: number } = {}) {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  db.pragma('foreign_keys = ON');
  // Checkpoint every ~40 MB of WAL rather than every 4 MB: a page rewritten by many batches is copied
  // to the database once per checkpoint (measured: about 30% less writer time per commit at 300,000
  // orders); the WAL file is cut back to 64 MB after a checkpoint, so the disk stays bounded.
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('journal_size_limit = 67108864');
  // A page cache of up to 64 MiB instead of SQLite's 2 MB: each event reads and rewrites pages of the
  // orders, history and timers B-trees at random, and every miss is a read(2) into the cache (kernel
  // time and a copy). Bounded, so memory stays flat however many orders are stored. Measured at
  // 10,000 orders: 4.2 -> 3.0 read syscalls per event; the CPU gain is small (BENCHMARKS.md, step 3).
  db.pragma('cache_size = -65536');
  let statements: ReturnType<typeof writerStatements> | undefined;
  const sql = () => (statements ??= writerStatements(db));
  const stats: WriterStats = { transactions: 0, ops: 0, transactionMs: 0 };

  /**
   * A commit's statements. The guarded write of the order comes first: when it loses the race it
   * has written nothing, so it fails clean (`VersionConflictError`); a failure after it has
   * written part of the commit is a `PartialWriteError`.
   */
  const commitRows = (c: CommitParams) => {
    const s = sql();
    const [id, version, state, snapshot, , nextDeadlineAt, , updatedAt, machineVersion, listFlags] = c.order;
    if (c.expectedVersion === null) {
      if (s.insertOrder.run(...c.order).changes !== 1) throw new VersionConflictError(id);
    } else if (s.updateOrder.run(version, state, snapshot, nextDeadlineAt, updatedAt, machineVersion, listFlags, id, c.expectedVersion).changes !== 1) {
      throw new VersionConflictError(id);
    }
    try {
      if (c.listFlags) replaceFlags(id, c.listFlags);
      s.insertHistory.run(...c.history);
      for (const e of c.outbox) s.insertOutbox.run(...e);
      s.deleteTimers.run(id);
      for (const t of c.timers) s.insertTimer.run(...t);
      if (c.idempotency && s.insertIdempotency.run(...c.idempotency).changes !== 1) throw new VersionConflictError(id);
    } catch (error) {
      throw new PartialWriteError(error);
    }
  };
  // In a savepoint of its own (the careful batch): a failure rolls back only this commit.
  const commitTx = db.transaction((c: CommitParams) => {
    try {
      commitRows(c);
    } catch (error) {
      throw error instanceof PartialWriteError ? error.cause : error;
    }
  });

  const replaceFlags = (orderId: string, rows: readonly [string, string][]) => {
    const s = sql();
    s.deleteFlags.run(orderId);
    for (const row of rows) s.insertFlag.run(...row);
  };

  // The list flags of an order stored before they were kept, if it is still at `version` and has none.
  const listFlagsTx = db.transaction((orderId: string, version: number, flags: readonly string[]) => {
    if (sql().setListFlags.run(flagsColumn(flags), orderId, version).changes !== 1) return false;
    replaceFlags(orderId, flags.map((flag) => [orderId, flag]));
    return true;
  });

  const claimTx = db.transaction((now: number, limit: number, leaseMs: number) => {
    const rows = sql().claimDueTimers.all(now + leaseMs, now, now, limit) as TimerRow[];
    return rows.map(toTimer).sort(byDueTime);
  });

  const releaseTx = db.transaction((timers: readonly TimerEntry[]) => {
    for (const t of timers) sql().releaseTimer.run(t.orderId, t.name, t.dueAt);
  });

  const runOne = (op: WriteOp): unknown => {
    if (op.kind === 'commit') return commitTx(commitParams(op.commit));
    if (op.kind === 'claim') return claimTx(op.now, op.limit, op.leaseMs);
    if (op.kind === 'release') return releaseTx(op.timers);
    if (op.kind === 'purgeIdempotency') return sql().purgeIdempotency.run(op.createdBefore, op.limit).changes;
    if (op.kind === 'listFlags') return listFlagsTx(op.orderId, op.version, op.flags);
    throw new Error(`${op.kind} cannot run inside a batch`);
  };

  // The careful batch: each op runs as a savepoint (better-sqlite3 nests them), so a failed op
  // rolls back only itself; the one COMMIT at the end (and its fsync) is shared by the batch.
  const carefulBatchTx = db.transaction((ops: WriteOp[]) => {
    const outcomes: Outcome[] = [];
    for (const op of ops) {
      // SQLite rolls the whole transaction back on some errors; then nothing of this batch is written.
      if (!db.inTransaction) throw (outcomes.at(-1) as { error: unknown }).error;
      try {
        outcomes.push({ ok: true, value: runOne(op) });
      } catch (error) {
        outcomes.push({ ok: false, error: portError(error ?? new Error('write failed'), op) });
      }
    }
    if (!db.inTransaction) throw (outcomes.at(-1) as { error: unknown }).error;
    return outcomes;
  });

  // The quick batch: the commits' statements straight in the batch's transaction, without a
  // savepoint each (a savepoint journals every page it changes: measured, about a sixth of the
  // event's CPU). A commit that loses its race has written nothing and fails alone; any other
  // failure abandons the quick batch (rolled back whole) for the careful one.
  const quickBatchTx = db.transaction((ops: WriteOp[]) =>
    ops.map((op): Outcome => {
      if (op.kind !== 'commit') return { ok: true, value: runOne(op) };
      try {
        commitRows(commitParams(op.commit));
        return { ok: true };
      } catch (error) {
        if (error instanceof VersionConflictError) return { ok: false, error };
        throw new QuickBatchAbandoned(error);
      }
    }),
  );

  const batchTx = (ops: WriteOp[]): Outcome[] => {
    try {
      return quickBatchTx(ops);
    } catch (error) {
      if (!(error instanceof QuickBatchAbandoned) && !ops.some((op) => op.kind !== 'commit')) throw error;
      return carefulBatchTx(ops);
    }
  };

  const timed = <R>(run: () => R): R => {
    const started = performance.now();
    try {
      return run();
    } finally {
      stats.transactionMs += performance.now() - started;
      stats.transactions++;
    }
  };

  const migrate = () => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL) STRICT');
    const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
    db.transaction(() => {
      sqliteMigrations.forEach((ddl, i) => {
        if (applied.has(i + 1)) return;
        db.exec(ddl);
        db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(i + 1, Date.now());
      });
    })();
    statements = undefined; // prepared against the old schema
  };

  return {
    stats,
    /** Runs ops in order: one op alone as its own transaction, several as one group commit. */
    run(ops: WriteOp[]): Outcome[] {
      stats.ops += ops.length;
      const outcomes: Outcome[] = [];
      let batch: WriteOp[] = [];
      const flushBatch = () => {
        if (batch.length === 0) return;
        const ops = batch;
        batch = [];
        try {
          outcomes.push(...timed(() => batchTx(ops)));
        } catch (error) {
          // The COMMIT (or the transaction) failed: none of the batch is written, all are rejected.
          for (const _ of ops) outcomes.push({ ok: false, error });
        }
      };
      for (const op of ops) {
        if (op.kind !== 'migrate') {
          batch.push(op);
          continue;
        }
        flushBatch();
        try {
          outcomes.push({ ok: true, value: timed(migrate) });
        } catch (error) {
          outcomes.push({ ok: false, error });
        }
      }
      flushBatch();
      return outcomes;
    },
    /** A single write without group commit (`groupCommit: false`). */
    runAlone(op: WriteOp): unknown {
      stats.ops++;
      try {
        return timed(() => (op.kind === 'migrate' ? migrate() : runOne(op)));
      } catch (error) {
        throw portError(error, op);
      }
    },
    close: () => db.close(),
  };
}

export type SqliteWriter = ReturnType<typeof openWriter>;

/** A commit failed after writing part of itself: its batch cannot keep the rest without savepoints. */
class PartialWriteError extends Error {
  constructor(cause: unknown) {
    super('a commit failed after writing part of itself', { cause });
  }
}

/** The quick batch met a failure it cannot leave behind alone; the careful batch runs instead. */
class QuickBatchAbandoned extends Error {
  constructor(cause: unknown) {
    super('the quick batch was abandoned', { cause });
  }
}

/** A duplicate primary key on creation or history is a lost race: the port's `VersionConflictError`. */
function portError(error: unknown, op: WriteOp) {
  if (op.kind !== 'commit' || error instanceof VersionConflictError) return error;
  return (error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ? new VersionConflictError(op.commit.order.id, { cause: error }) : error;
}

/** Earliest first, then by order id and name, compared as the database does (bytewise). */
const byDueTime = (a: TimerEntry, b: TimerEntry) => a.dueAt - b.dueAt || compare(a.orderId, b.orderId) || compare(a.name, b.name);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Due, unclaimed (or lease ended), and the earliest of its order. Parameters: now, now. */
const claimableTimers = `SELECT order_id, name FROM timers t
  WHERE due_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
    AND NOT EXISTS (SELECT 1 FROM timers e WHERE e.order_id = t.order_id AND (e.due_at < t.due_at OR (e.due_at = t.due_at AND e.name < t.name)))
  ORDER BY due_at, order_id, name`;

/** The writer's prepared statements (exported for `bench/commit-floor.ts`, which runs them bare). */
export function writerStatements(db: SqliteDatabase) {
  return {
    insertOrder: db.prepare(
      `INSERT INTO orders (id, version, state, snapshot, create_hash, next_deadline_at, created_at, updated_at, machine_version, list_flags)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    ),
    updateOrder: db.prepare(
      'UPDATE orders SET version = ?, state = ?, snapshot = ?, next_deadline_at = ?, updated_at = ?, machine_version = ?, list_flags = ? WHERE id = ? AND version = ?',
    ),
    insertHistory: db.prepare(
      `INSERT INTO history (order_id, seq, type, payload, from_state, to_state, at, idempotency_key, source, due_at, machine_version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertOutbox: db.prepare('INSERT INTO outbox (id, order_id, seq, action, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    deleteTimers: db.prepare('DELETE FROM timers WHERE order_id = ?'),
    insertTimer: db.prepare('INSERT INTO timers (order_id, name, event, due_at) VALUES (?, ?, ?, ?)'),
    deleteFlags: db.prepare('DELETE FROM order_flags WHERE order_id = ?'),
    insertFlag: db.prepare('INSERT INTO order_flags (order_id, flag) VALUES (?, ?)'),
    setListFlags: db.prepare('UPDATE orders SET list_flags = ? WHERE id = ? AND version = ? AND list_flags IS NULL'),
    // A record of the key that has expired is replaced; a live one is left as it is (no change: a conflict).
    insertIdempotency: db.prepare(
      `INSERT INTO idempotency (order_id, key, request_hash, status, response, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (order_id, key) DO UPDATE SET request_hash = excluded.request_hash, status = excluded.status,
         response = excluded.response, created_at = excluded.created_at
       WHERE idempotency.created_at < ?`,
    ),
    // Oldest first, by the created_at index; a bounded batch keeps the writer's transaction short.
    purgeIdempotency: db.prepare(
      'DELETE FROM idempotency WHERE (order_id, key) IN (SELECT order_id, key FROM idempotency WHERE created_at < ? ORDER BY created_at LIMIT ?)',
    ),
    releaseTimer: db.prepare('UPDATE timers SET lease_until = NULL WHERE order_id = ? AND name = ? AND due_at = ?'),
    // One statement, so atomic; SQLite has a single writer, so no row locks are needed.
    claimDueTimers: db.prepare(`UPDATE timers SET lease_until = ? WHERE (order_id, name) IN (${claimableTimers} LIMIT ?) RETURNING order_id, name, event, due_at`),
  };
}
