import { StoreUnavailableError, type Store } from '../store.ts';
import { translatingErrors } from '../unavailable-errors.ts';
import type { SqliteDatabase } from './sqlite-database.ts';
import { createSqliteDeliveryStore } from './sqlite-delivery-store.ts';
import { sqliteBacklog } from './sqlite-backlog.ts';
import { createSqliteKeyStore } from './sqlite-key-store.ts';
import { sqliteReads } from './sqlite-reader.ts';
import { openWriter, type Outcome, type WriteOp, type WriterStats } from './sqlite-writer.ts';

export interface SqliteStoreOptions {
  /**
   * Group commit (default on): commits that arrive while the event loop is busy are written
   * together, each in its own savepoint inside one transaction, so N events cost one fsync.
   * A commit that fails (version conflict) rolls back only its savepoint and rejects only its
   * promise; every promise settles only after the COMMIT of its batch has returned.
   */
  groupCommit?: boolean;
  /** How long a write waits for another connection's lock on the file (SQLite `busy_timeout`); then it fails with 503. */
  busyTimeoutMs?: number;
}

/** The SQLite store, with what its writer has spent (for the bench). */
export interface SqliteStore extends Store {
  writerStats(): Promise<WriterStats>;
}

interface Pending { op: WriteOp; resolve: (value: unknown) => void; reject: (error: unknown) => void }

/**
 * The embedded store on SQLite (better-sqlite3): one connection, which reads and writes on the
 * event loop. WAL, `synchronous=FULL` so that a commit is on disk before the client hears of it;
 * commits are grouped (see `groupCommit`).
 */
export function createSqliteStore(db: SqliteDatabase, { groupCommit = true, busyTimeoutMs = 5000 }: SqliteStoreOptions = {}): SqliteStore {
  const writer = openWriter(db, { busyTimeoutMs });
  let queue: Pending[] = [];
  const flush = () => {
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    // Only now, with the COMMIT (and its fsync) returned, does anyone hear of the result.
    writer.run(batch.map((p) => p.op)).forEach((outcome: Outcome, i) => (outcome.ok ? batch[i]!.resolve(outcome.value) : batch[i]!.reject(outcome.error)));
  };
  let closed = false;
  let migrating: Promise<unknown> = Promise.resolve();
  const write = async (op: WriteOp) => {
    if (closed) throw new Error('the SQLite store is closed');
    if (!groupCommit) return writer.runAlone(op);
    return new Promise<unknown>((resolve, reject) => {
      queue.push({ op, resolve, reject });
      // Everything that arrives before the event loop comes round joins this batch.
      if (queue.length === 1) setImmediate(flush);
    });
  };

  return translatingErrors<SqliteStore>({
    ...createSqliteDeliveryStore(db),
    ...sqliteReads(db),
    ...sqliteBacklog(db),
    ...createSqliteKeyStore(db),
    async migrate() {
      flush();
      writer.runAlone({ kind: 'migrate' });
    },
    async commit(commit) {
      await write({ kind: 'commit', commit });
    },
    async claimDueTimers(now, limit, leaseMs) {
      return (await write({ kind: 'claim', now, limit, leaseMs })) as Awaited<ReturnType<Store['claimDueTimers']>>;
    },
    async releaseTimers(timers) {
      if (timers.length > 0) await write({ kind: 'release', timers });
    },
    async purgeIdempotency(createdBefore, limit) {
      return (await write({ kind: 'purgeIdempotency', createdBefore, limit })) as number;
    },
    async setListFlags(orderId, version, flags) {
      return (await write({ kind: 'listFlags', orderId, version, flags })) as boolean;
    },
    // One process writes an SQLite file: a migration waits only for another of this process.
    async withMigrationLock(work) {
      const run = migrating.then(work);
      migrating = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    },
    async writerStats() {
      return { ...writer.stats };
    },
    async close() {
      if (closed) return;
      closed = true;
      flush();
      writer.close();
    },
  }, unavailableWhenBusy);
}

/** Another connection (a second process, a backup) held the file's lock for longer than `busy_timeout`. */
function unavailableWhenBusy(error: unknown) {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string' || !/^SQLITE_(BUSY|LOCKED)/.test(code)) return error;
  return new StoreUnavailableError(`SQLite: the database file stayed locked by another connection (${code})`, { cause: error });
}
