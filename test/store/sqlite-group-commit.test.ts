import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { PersistedOrder } from '../../machines/order/index.ts';
import { createSqliteStore, type SqliteDatabase } from '../../src/store/sqlite/sqlite-store.ts';
import { VersionConflictError, type Commit } from '../../src/store/store.ts';

/** A commit that moves order `id` from `from` to `from + 1` (`from = 0` creates it). */
function commitOf(id: string, from: number, expectedVersion: number | null = from === 0 ? null : from): Commit {
  const version = from + 1;
  return {
    order: { id, version, state: `s${version}`, snapshot: { version } as unknown as PersistedOrder, createHash: 'h', nextDeadlineAt: null, createdAt: 1, updatedAt: version },
    expectedVersion,
    history: { orderId: id, seq: version, type: version === 1 ? 'ORDER_CREATED' : 'E', payload: {}, fromState: from === 0 ? null : `s${from}`, toState: `s${version}`, at: version, idempotencyKey: null, source: 'client', dueAt: null },
    outbox: [],
    timers: [],
  };
}

/**
 * better-sqlite3 behind the adapter's slice, logging when an outermost transaction has really
 * committed, and able to fail the next outermost COMMIT as a full disk would.
 */
function loggingDatabase(db: Database.Database) {
  const log: string[] = [];
  let depth = 0;
  let failNextCommit = false;
  const sliced: SqliteDatabase = {
    prepare: (sql) => db.prepare(sql),
    exec: (sql) => db.exec(sql),
    pragma: (sql, options) => db.pragma(sql, options),
    close: () => db.close(),
    get inTransaction() {
      return db.inTransaction;
    },
    transaction<A extends unknown[], R>(fn: (...args: A) => R) {
      const tx = db.transaction((...args: A) => {
        depth++;
        try {
          const result = fn(...args);
          if (depth === 1 && failNextCommit) {
            failNextCommit = false;
            throw new Error('disk I/O error (simulated at COMMIT)');
          }
          return result;
        } finally {
          depth--;
        }
      });
      return (...args: A): R => {
        const outermost = depth === 0;
        const result = tx(...args) as R;
        if (outermost) log.push('committed');
        return result;
      };
    },
  };
  return { sliced, log, failNextCommit: () => (failNextCommit = true) };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function fileStore() {
  const dir = mkdtempSync(join(tmpdir(), 'aftersales-group-commit-'));
  dirs.push(dir);
  const file = join(dir, 'store.db');
  const logging = loggingDatabase(new Database(file));
  const store = createSqliteStore(logging.sliced);
  await store.migrate();
  // A second connection sees only what is committed, as a process reading after a crash would.
  const reader = new Database(file, { readonly: true });
  const versionOnDisk = (id: string) => (reader.prepare('SELECT version FROM orders WHERE id = ?').get(id) as { version: number } | undefined)?.version;
  logging.log.length = 0;
  return { store, ...logging, versionOnDisk, close: async () => (reader.close(), store.close()) };
}

describe('SQLite group commit', () => {
  it('writes commits that arrive together in one transaction and acknowledges none before its COMMIT', async () => {
    const t = await fileStore();
    const ids = ['A', 'B', 'C', 'D', 'E'];
    const seenOnAck: Record<string, number | undefined> = {};
    await Promise.all(
      ids.map((id) =>
        t.store.commit(commitOf(id, 0)).then(() => {
          t.log.push(`ack ${id}`);
          seenOnAck[id] = t.versionOnDisk(id);
        }),
      ),
    );
    expect(t.log).toEqual(['committed', ...ids.map((id) => `ack ${id}`)]);
    expect(seenOnAck).toEqual({ A: 1, B: 1, C: 1, D: 1, E: 1 });
    await t.close();
  });

  it('rejects only the loser of a version race inside one batch', async () => {
    const t = await fileStore();
    await t.store.commit(commitOf('A', 0));
    t.log.length = 0;
    const results = await Promise.allSettled([t.store.commit(commitOf('A', 1)), t.store.commit({ ...commitOf('A', 1), order: { ...commitOf('A', 1).order, state: 'other' } })]);
    expect(t.log).toEqual(['committed']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflictError);
    expect((await t.store.getOrder('A'))?.state).toBe('s2');
    expect((await t.store.history('A')).map((h) => h.seq)).toEqual([1, 2]);
    await t.close();
  });

  it('keeps the other commits of a batch when one of them fails', async () => {
    const t = await fileStore();
    await Promise.all(['A', 'B', 'C'].map((id) => t.store.commit(commitOf(id, 0))));
    t.log.length = 0;
    const results = await Promise.allSettled([t.store.commit(commitOf('A', 1)), t.store.commit(commitOf('B', 1, 7)), t.store.commit(commitOf('C', 1)), t.store.commit(commitOf('new', 0))]);
    expect(t.log).toEqual(['committed']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(['A', 'B', 'C', 'new'].map(t.versionOnDisk)).toEqual([2, 1, 2, 1]);
    // The failed commit left nothing behind: no history row past its order's version.
    expect((await t.store.history('B')).map((h) => h.seq)).toEqual([1]);
    await t.close();
  });

  it('rejects every commit of a batch whose COMMIT fails, and writes none of them', async () => {
    const t = await fileStore();
    t.failNextCommit();
    const results = await Promise.allSettled(['A', 'B'].map((id) => t.store.commit(commitOf(id, 0))));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(t.versionOnDisk('A')).toBeUndefined();
    expect(t.versionOnDisk('B')).toBeUndefined();
    await t.store.commit(commitOf('A', 0));
    expect(t.versionOnDisk('A')).toBe(1);
    await t.close();
  });

  it('writes what is still queued when closed', async () => {
    const t = await fileStore();
    const pending = t.store.commit(commitOf('A', 0));
    await t.close();
    await expect(pending).resolves.toBeUndefined();
    const again = new Database(join(dirs[0]!, 'store.db'), { readonly: true });
    expect(again.prepare('SELECT version FROM orders WHERE id = ?').get('A')).toEqual({ version: 1 });
    again.close();
  });
});
