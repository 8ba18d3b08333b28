import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { PersistedOrder } from '../../machines/order/index.ts';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';
import type { SqliteWorkerStore } from '../../src/store/sqlite/sqlite-worker-store.ts';
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

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function fileStore(writer: 'in-process' | 'thread') {
  const dir = mkdtempSync(join(tmpdir(), 'aftersales-group-commit-'));
  dirs.push(dir);
  const file = join(dir, 'store.db');
  const writerErrors: Error[] = [];
  const store = await openSqliteStore(file, { writer, onWriterError: (e) => writerErrors.push(e) });
  // A second connection sees only what is committed, as a process reading after a crash would.
  const reader = new Database(file);
  const versionOnDisk = (id: string) => (reader.prepare('SELECT version FROM orders WHERE id = ?').get(id) as { version: number } | undefined)?.version;
  const transactions = async () => (await store.writerStats()).transactions;
  /**
   * From now on a transaction that created an order named `poison…` fails at its COMMIT, as a full
   * disk would: the trigger breaks a deferred foreign key, which SQLite checks only at COMMIT.
   */
  const poisonCommits = () =>
    reader.exec(`CREATE TABLE poison_parent (id TEXT PRIMARY KEY);
      CREATE TABLE poison (order_id TEXT REFERENCES poison_parent (id) DEFERRABLE INITIALLY DEFERRED);
      CREATE TRIGGER poison_order AFTER INSERT ON orders WHEN NEW.id LIKE 'poison%' BEGIN INSERT INTO poison VALUES (NEW.id); END;`);
  return { store, file, writerErrors, versionOnDisk, transactions, poisonCommits, close: async () => (reader.close(), store.close()) };
}

for (const writer of ['in-process', 'thread'] as const) {
  describe(`SQLite group commit (${writer})`, () => {
    it('writes commits that arrive together in one transaction and acknowledges none before its COMMIT', async () => {
      const t = await fileStore(writer);
      const before = await t.transactions();
      const ids = ['A', 'B', 'C', 'D', 'E'];
      const seenOnAck: Record<string, number | undefined> = {};
      const readBackOnAck: Record<string, number | undefined> = {};
      await Promise.all(
        ids.map((id) =>
          t.store.commit(commitOf(id, 0)).then(async () => {
            seenOnAck[id] = t.versionOnDisk(id);
            readBackOnAck[id] = (await t.store.getOrder(id))?.version;
          }),
        ),
      );
      expect((await t.transactions()) - before).toBe(1);
      expect(seenOnAck).toEqual({ A: 1, B: 1, C: 1, D: 1, E: 1 });
      expect(readBackOnAck).toEqual({ A: 1, B: 1, C: 1, D: 1, E: 1 });
      await t.close();
    });

    it('rejects only the loser of a version race inside one batch', async () => {
      const t = await fileStore(writer);
      await t.store.commit(commitOf('A', 0));
      const before = await t.transactions();
      const results = await Promise.allSettled([t.store.commit(commitOf('A', 1)), t.store.commit({ ...commitOf('A', 1), order: { ...commitOf('A', 1).order, state: 'other' } })]);
      expect((await t.transactions()) - before).toBe(1);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
      expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflictError);
      expect((await t.store.getOrder('A'))?.state).toBe('s2');
      expect((await t.store.history('A')).map((h) => h.seq)).toEqual([1, 2]);
      await t.close();
    });

    it('keeps the other commits of a batch when one of them fails', async () => {
      const t = await fileStore(writer);
      await Promise.all(['A', 'B', 'C'].map((id) => t.store.commit(commitOf(id, 0))));
      const before = await t.transactions();
      const results = await Promise.allSettled([t.store.commit(commitOf('A', 1)), t.store.commit(commitOf('B', 1, 7)), t.store.commit(commitOf('C', 1)), t.store.commit(commitOf('new', 0))]);
      expect((await t.transactions()) - before).toBe(1);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect(['A', 'B', 'C', 'new'].map(t.versionOnDisk)).toEqual([2, 1, 2, 1]);
      // The failed commit left nothing behind: no history row past its order's version.
      expect((await t.store.history('B')).map((h) => h.seq)).toEqual([1]);
      await t.close();
    });

    it('rejects every commit of a batch whose COMMIT fails, and writes none of them', async () => {
      const t = await fileStore(writer);
      t.poisonCommits();
      const results = await Promise.allSettled(['A', 'poison-1', 'B'].map((id) => t.store.commit(commitOf(id, 0))));
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
      expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
      expect(['A', 'poison-1', 'B'].map(t.versionOnDisk)).toEqual([undefined, undefined, undefined]);
      expect(await t.store.getOrder('A')).toBeUndefined();
      // The writer goes on: the next batch, without the poison, is written.
      await t.store.commit(commitOf('A', 0));
      expect(t.versionOnDisk('A')).toBe(1);
      expect(t.writerErrors).toEqual([]);
      await t.close();
    });

    it('writes what is still queued when closed', async () => {
      const t = await fileStore(writer);
      const pending = [t.store.commit(commitOf('A', 0)), t.store.claimDueTimers(Date.now(), 10, 1000)];
      await t.close();
      await expect(Promise.all(pending)).resolves.toEqual([undefined, []]);
      const again = new Database(t.file, { readonly: true });
      expect(again.prepare('SELECT version FROM orders WHERE id = ?').get('A')).toEqual({ version: 1 });
      again.close();
      await expect(t.store.commit(commitOf('B', 0))).rejects.toThrow(/closed/);
    });
  });
}

describe('SQLite writer thread', () => {
  it('rejects pending and later writes with a clear error when the thread dies, says so once, and still reads', async () => {
    const t = await fileStore('thread');
    await t.store.commit(commitOf('A', 0));
    const store = t.store as SqliteWorkerStore;
    const pending = [store.commit(commitOf('B', 0)), store.commit(commitOf('A', 1))];
    await store.writerThread.terminate();
    for (const result of await Promise.allSettled(pending)) {
      expect(result.status).toBe('rejected');
      expect(String((result as PromiseRejectedResult).reason)).toMatch(/SQLite writer thread exited .*writes are refused/);
    }
    await expect(store.commit(commitOf('C', 0))).rejects.toThrow(/writer thread exited/);
    expect(t.writerErrors.map((e) => e.message)).toEqual([expect.stringMatching(/SQLite writer thread exited \(code 1\)/)]);
    // Nothing was acknowledged that is not on disk, and reads go on.
    expect(t.versionOnDisk('B')).toBeUndefined();
    expect((await store.getOrder('A'))?.version).toBe(1);
    await t.close();
  });

  it('runs claims and migrations through the writer: the main thread never writes', async () => {
    const t = await fileStore('thread');
    const c = commitOf('A', 0);
    await t.store.commit({ ...c, timers: [{ orderId: 'A', name: 'shipBy', event: 'TIMER.shipBy', dueAt: 5 }] });
    const before = await t.store.writerStats();
    expect((await t.store.claimDueTimers(10, 10, 1000)).map((x) => x.name)).toEqual(['shipBy']);
    await t.store.migrate();
    const after = await t.store.writerStats();
    expect(after.ops - before.ops).toBe(2);
    expect(await t.store.claimDueTimers(10, 10, 1000)).toEqual([]);
    await t.close();
  });
});
