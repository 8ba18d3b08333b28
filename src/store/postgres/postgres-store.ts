import type { VersionCount } from '../migration-store.ts';
import type { Commit, IdempotencyEntry, ListQuery } from '../records.ts';
import type { Store } from '../store.ts';
import { VersionConflictError } from '../store.ts';
import { inTransaction, unavailableOnLostConnections, withClient, type PgPool, type PgQueryable } from './postgres-client.ts';
import { postgresBacklog } from './postgres-backlog.ts';
import { noGroupCommits, postgresGroupCommit, type GroupCommitStats } from './postgres-group-commit.ts';
import { createPostgresDeliveryStore } from './postgres-delivery-store.ts';
import { createPostgresKeyStore } from './postgres-key-store.ts';
import { flagsColumn, json, toHistory, toOrder, toOutbox, toTimer, type HistoryRow, type OrderRow, type OutboxRow, type TimerRow } from './postgres-rows.ts';
import { postgresMigrations } from './schema.ts';

const UNIQUE_VIOLATION = '23505';
/** Client-side bound of the statements that may rightly wait long: schema migrations and the migration lock. */
const MIGRATION_TIMEOUT_MS = 24 * 3_600_000;

export interface PostgresStoreOptions {
  /**
   * A transaction that has not committed after this long is abandoned: its caller hears a
   * `StoreUnavailableError` (503), and it sends no statement more. Schema migrations are exempt.
   */
  transactionTimeoutMs?: number;
  /**
   * Group commit (default on): commits that arrive while earlier ones are being written share one
   * transaction and one WAL flush (see `postgresGroupCommit`); off, each commit is a transaction of its own.
   */
  groupCommit?: boolean;
  /** With group commit, how many batches may be in flight at once (each holds one connection). */
  maxBatchesInFlight?: number;
}

/** The PostgreSQL store, with what its group commit has done (for the bench). */
export interface PostgresStore extends Store {
  writerStats(): Promise<GroupCommitStats>;
}

/**
 * The store for several instances on one PostgreSQL database. Every commit is one transaction at
 * READ COMMITTED: the guarded UPDATE waits for a concurrent commit of the same order and then
 * finds the version moved on, so a stale commit writes nothing. Durability is PostgreSQL's default
 * `synchronous_commit = on` (the commit is flushed to the WAL before the client hears 200); this
 * adapter never lowers it. Sweepers claim timers with `FOR UPDATE SKIP LOCKED` and a lease.
 * A lost connection or a timeout is a `StoreUnavailableError`; the pool replaces the connection.
 */
export function createPostgresStore(client: PgPool, { transactionTimeoutMs, groupCommit = true, maxBatchesInFlight }: PostgresStoreOptions = {}): PostgresStore {
  const pool = unavailableOnLostConnections(client);
  const transaction = <T>(work: (tx: PgQueryable) => Promise<T>) => inTransaction(pool, work, { timeoutMs: transactionTimeoutMs });

  /** The order's flag index rows become `flags`, in one statement (a round trip): those it lost go, new ones come. */
  async function replaceFlags(tx: PgQueryable, orderId: string, flags: readonly string[]) {
    await tx.query(
      `WITH gone AS (DELETE FROM order_flags WHERE order_id = $1 AND NOT (flag = ANY ($2::text[])))
       INSERT INTO order_flags (order_id, flag) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
      [orderId, flags],
    );
  }

  async function writeCommit(tx: PgQueryable, c: Commit) {
    const o = c.order;
    const written =
      c.expectedVersion === null
        ? await tx.query(
            `INSERT INTO orders (id, version, state, snapshot, create_hash, next_deadline_at, created_at, updated_at, machine_version, list_flags)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
            [o.id, o.version, o.state, json(o.snapshot), o.createHash, o.nextDeadlineAt, o.createdAt, o.updatedAt, o.snapshot.machine.version, flagsColumn(o.listFlags)],
          )
        : await tx.query(
            'UPDATE orders SET version = $1, state = $2, snapshot = $3, next_deadline_at = $4, updated_at = $5, machine_version = $6, list_flags = $7 WHERE id = $8 AND version = $9',
            [o.version, o.state, json(o.snapshot), o.nextDeadlineAt, o.updatedAt, o.snapshot.machine.version, flagsColumn(o.listFlags), o.id, c.expectedVersion],
          );
    if (written.rowCount !== 1) throw new VersionConflictError(o.id);
    if (c.listFlags) await replaceFlags(tx, o.id, c.listFlags);
    if (c.idempotency) {
      const i = c.idempotency;
      // A record of the key that has expired is replaced; a live one is left as it is (no row: a conflict).
      const taken = await tx.query(
        `INSERT INTO idempotency (order_id, key, request_hash, status, response, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (order_id, key) DO UPDATE SET request_hash = excluded.request_hash, status = excluded.status,
           response = excluded.response, created_at = excluded.created_at
         WHERE idempotency.created_at < $7`,
        [i.orderId, i.key, i.requestHash, i.status, json(i.response), i.createdAt, i.expiredBefore],
      );
      if (taken.rowCount !== 1) throw new VersionConflictError(o.id);
    }
    const h = c.history;
    await tx.query(
      `INSERT INTO history (order_id, seq, type, payload, from_state, to_state, at, idempotency_key, source, due_at, machine_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [h.orderId, h.seq, h.type, json(h.payload), h.fromState, h.toState, h.at, h.idempotencyKey, h.source, h.dueAt, h.machineVersion],
    );
    for (const e of c.outbox) {
      await tx.query('INSERT INTO outbox (id, order_id, seq, action, payload, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        e.id, e.orderId, e.seq, e.action, json(e.payload), e.createdAt,
      ]);
    }
    await tx.query('DELETE FROM timers WHERE order_id = $1', [o.id]);
    for (const t of c.timers) {
      await tx.query('INSERT INTO timers (order_id, name, event, due_at) VALUES ($1, $2, $3, $4)', [t.orderId, t.name, t.event, t.dueAt]);
    }
  }

  /** One commit in a transaction of its own. */
  async function commitAlone(c: Commit) {
    try {
      await transaction((tx) => writeCommit(tx, c));
    } catch (error) {
      if (error instanceof VersionConflictError) throw error;
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new VersionConflictError(c.order.id, { cause: error });
      throw error;
    }
  }
  const group = groupCommit ? postgresGroupCommit({ transaction, commitAlone, ...(maxBatchesInFlight ? { maxInFlight: maxBatchesInFlight } : {}) }) : undefined;

  return {
    ...createPostgresDeliveryStore(pool, { transactionTimeoutMs }),
    ...postgresBacklog(pool, client),
    ...createPostgresKeyStore(pool),
    async migrate() {
      // Exempt from the statement and transaction timeouts: a migration of a large table takes its time.
      const long = (text: string, values?: unknown[]) => ({ text, ...(values ? { values } : {}), query_timeout: MIGRATION_TIMEOUT_MS });
      await inTransaction(pool, async (tx) => {
        await tx.query(long('SET LOCAL statement_timeout = 0'));
        // Two instances starting at once: the second waits here, then finds nothing left to apply.
        await tx.query(long("SELECT pg_advisory_xact_lock(hashtext('aftersales.migrate'))"));
        await tx.query(long('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)'));
        const { rows } = await tx.query(long('SELECT version FROM schema_migrations'));
        const applied = new Set((rows as { version: number }[]).map((r) => r.version));
        for (const [i, ddl] of postgresMigrations.entries()) {
          if (applied.has(i + 1)) continue;
          await tx.query(long(ddl));
          await tx.query(long('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [i + 1, Date.now()]));
        }
      });
    },
    async getOrder(id) {
      const { rows } = await pool.query('SELECT * FROM orders WHERE id = $1', [id]);
      const row = rows[0] as OrderRow | undefined;
      return row && toOrder(row);
    },
    commit: group ? group.commit : commitAlone,
    async writerStats() {
      return group ? { ...group.stats } : noGroupCommits();
    },
    async getIdempotency(orderId, key) {
      const { rows } = await pool.query('SELECT request_hash, status, response, created_at FROM idempotency WHERE order_id = $1 AND key = $2', [orderId, key]);
      const r = rows[0] as { request_hash: string; status: number; response: unknown; created_at: string } | undefined;
      return r && ({ orderId, key, requestHash: r.request_hash, status: r.status, response: r.response, createdAt: Number(r.created_at) } satisfies IdempotencyEntry);
    },
    async history(orderId, page) {
      const { rows } = page
        ? await pool.query('SELECT * FROM history WHERE order_id = $1 AND seq > $2 ORDER BY seq LIMIT $3', [orderId, page.afterSeq ?? 0, page.limit ?? null])
        : await pool.query('SELECT * FROM history WHERE order_id = $1 ORDER BY seq', [orderId]);
      return (rows as HistoryRow[]).map(toHistory);
    },
    async outbox(orderId) {
      const { rows } = await pool.query('SELECT * FROM outbox WHERE order_id = $1 ORDER BY seq, created_at, id', [orderId]);
      return (rows as OutboxRow[]).map(toOutbox);
    },
    async listOrders(q: ListQuery) {
      const params: unknown[] = [];
      const p = (value: unknown) => `$${params.push(value)}`;
      const where: string[] = [`tenant = ${p(q.tenant)}`];
      if (q.statePrefix) {
        // The states below `p` are the range ['p.', 'p/'): '/' is the character after '.'.
        where.push(`(state = ${p(q.statePrefix)} OR (state >= ${p(`${q.statePrefix}.`)} AND state < ${p(`${q.statePrefix}/`)}))`);
      }
      for (const [flag, wanted] of Object.entries(q.listFlags ?? {})) {
        where.push(`${wanted ? '' : 'NOT '}EXISTS (SELECT 1 FROM order_flags f WHERE f.flag = ${p(flag)} AND f.order_id = orders.id)`);
      }
      let order = 'id';
      if (q.deadlineBefore !== undefined) {
        where.push(`next_deadline_at IS NOT NULL AND next_deadline_at < ${p(q.deadlineBefore)}`);
        order = 'next_deadline_at, id';
        if (q.after) where.push(`(next_deadline_at, id) > (${p(q.after.deadline ?? 0)}, ${p(q.after.id)})`);
      } else if (q.after) {
        where.push(`id > ${p(q.after.id)}`);
      }
      const text = `SELECT * FROM orders WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${p(q.limit)}`;
      const { rows } = await pool.query(text, params);
      return (rows as OrderRow[]).map(toOrder);
    },
    async versionCensus() {
      const { rows } = await pool.query(
        'SELECT machine_version AS "machineVersion", state, COUNT(*)::integer AS count FROM orders GROUP BY machine_version, state ORDER BY machine_version, state',
      );
      return rows as VersionCount[];
    },
    async ordersAtVersion({ machineVersion, state, after, limit }) {
      const { rows } =
        state === undefined
          ? await pool.query('SELECT * FROM orders WHERE machine_version = $1 AND id > $2 ORDER BY id LIMIT $3', [machineVersion, after ?? '', limit])
          : await pool.query('SELECT * FROM orders WHERE machine_version = $1 AND state = $2 AND id > $3 ORDER BY id LIMIT $4', [machineVersion, state, after ?? '', limit]);
      return (rows as OrderRow[]).map(toOrder);
    },
    async ordersWithoutListFlags({ after, limit }) {
      const { rows } = await pool.query('SELECT * FROM orders WHERE list_flags IS NULL AND id > $1 ORDER BY id LIMIT $2', [after ?? '', limit]);
      return (rows as OrderRow[]).map(toOrder);
    },
    async setListFlags(orderId, version, flags) {
      return transaction(async (tx) => {
        const set = await tx.query('UPDATE orders SET list_flags = $1 WHERE id = $2 AND version = $3 AND list_flags IS NULL', [json(flags), orderId, version]);
        if (set.rowCount !== 1) return false;
        await replaceFlags(tx, orderId, flags);
        return true;
      });
    },
    async withMigrationLock(work) {
      // A session lock on a connection of its own, held while `work` runs on the pool: a second
      // instance waits here, then finds nothing left to migrate.
      return withClient(pool, async (client, health) => {
        // Waiting for another instance's migration is no timeout; this connection is not reused after.
        health.broken = new Error('the migration lock connection is not reused (statement_timeout lifted)');
        await client.query('SET statement_timeout = 0');
        await client.query({ text: "SELECT pg_advisory_lock(hashtext('aftersales.migrate-orders'))", query_timeout: MIGRATION_TIMEOUT_MS });
        try {
          return await work();
        } finally {
          if (!health.lost) await client.query("SELECT pg_advisory_unlock(hashtext('aftersales.migrate-orders'))");
        }
      });
    },
    async dueTimers(now, limit) {
      const { rows } = await pool.query('SELECT * FROM timers WHERE due_at <= $1 ORDER BY due_at, order_id, name LIMIT $2', [now, limit]);
      return (rows as TimerRow[]).map(toTimer);
    },
    async claimDueTimers(now, limit, leaseMs) {
      // SKIP LOCKED: a row another sweeper is claiming right now is left to it, not waited for.
      // Only an order's earliest timer is claimable, so its deadlines fire in order.
      const { rows } = await pool.query(
        `WITH picked AS (
           SELECT order_id, name FROM timers t
           WHERE due_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
             AND NOT EXISTS (SELECT 1 FROM timers e WHERE e.order_id = t.order_id AND (e.due_at, e.name) < (t.due_at, t.name))
           ORDER BY due_at, order_id, name
           LIMIT $2
           FOR UPDATE SKIP LOCKED
         ), claimed AS (
           UPDATE timers SET lease_until = $3 FROM picked
           WHERE timers.order_id = picked.order_id AND timers.name = picked.name
           RETURNING timers.order_id, timers.name, timers.event, timers.due_at
         )
         SELECT * FROM claimed ORDER BY due_at, order_id, name`,
        [now, limit, now + leaseMs],
      );
      return (rows as TimerRow[]).map(toTimer);
    },
    async releaseTimers(timers) {
      if (timers.length === 0) return;
      await pool.query(
        `UPDATE timers SET lease_until = NULL FROM unnest($1::text[], $2::text[], $3::bigint[]) AS given(order_id, name, due_at)
         WHERE timers.order_id = given.order_id AND timers.name = given.name AND timers.due_at = given.due_at`,
        [timers.map((t) => t.orderId), timers.map((t) => t.name), timers.map((t) => t.dueAt)],
      );
    },
    async purgeIdempotency(createdBefore, limit) {
      // SKIP LOCKED: records another instance is purging (or a commit is replacing) are left to it.
      // By ctid (stable while the rows are locked): matching on the key instead made the planner
      // scan the whole table for each batch (138 ms against 2 ms at 200,000 records).
      const { rowCount } = await pool.query(
        `DELETE FROM idempotency WHERE ctid = ANY (ARRAY(
           SELECT ctid FROM idempotency WHERE created_at < $1 ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED))`,
        [createdBefore, limit],
      );
      return rowCount ?? 0;
    },
    async close() {
      await pool.end();
    },
  };
}
