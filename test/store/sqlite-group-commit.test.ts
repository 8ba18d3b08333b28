import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { PersistedSnapshot } from '../../src/engine/hosted-machine.ts';
import type { Commit } from '../../src/store/records.ts';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';
import { VersionConflictError } from '../../src/store/store.ts';

/** A commit that moves order `id` from `from` to `from + 1` (`from = 0` creates it). */
function commitOf(id: string, from: number, expectedVersion: number | null = from === 0 ? null : from): Commit {
  const version = from + 1;
  return {
    order: { id, version, state: `s${version}`, snapshot: { machine: { id: 'order', version: 1 }, context: { version } } as unknown as PersistedSnapshot, createHash: 'h', nextDeadlineAt: null, createdAt: 1, updatedAt: version },
    expectedVersion,
    history: { orderId: id, seq: version, type: version === 1 ? 'ORDER_CREATED' : 'E', payload: {}, fromState: from === 0 ? null : `s${from}`, toState: `s${version}`, at: version, idempotencyKey: null, source: 'client', dueAt: null, machineVersion: 1 },
    outbox: [],
    timers: [],
  };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function fileStore() {
  const dir = mkdtempSync(join(tmpdir(), 'aftersales-group-commit-'));
  dirs.push(dir);
  const file = join(dir, 'store.db');
  const store = await openSqliteStore(file);
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
  return { store, file, versionOnDisk, transactions, poisonCommits, close: async () => (reader.close(), store.close()) };
}

describe('SQLite group commit', () => {
  it('writes commits that arrive together in one transaction and acknowledges none before its COMMIT', async () => {
    const t = await fileStore();
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
    const t = await fileStore();
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
    const t = await fileStore();
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

  it('keeps the other commits of a batch when one fails after writing part of itself', async () => {
    const t = await fileStore();
    await Promise.all(['A', 'B', 'C'].map((id) => t.store.commit(commitOf(id, 0))));
    const keyed = (id: string) => ({ ...commitOf(id, 1), idempotency: { orderId: id, key: 'k', requestHash: 'h', status: 200, response: {}, createdAt: 2, expiredBefore: 0 } });
    await t.store.commit(keyed('B'));
    const before = await t.transactions();
    // B's order write passes its guard, then its idempotency key is found taken: the batch is redone
    // with a savepoint per commit, so only B's part is rolled back.
    const results = await Promise.allSettled([t.store.commit(commitOf('A', 1)), t.store.commit({ ...keyed('B'), order: { ...keyed('B').order, version: 3 }, expectedVersion: 2, history: { ...keyed('B').history, seq: 3 } }), t.store.commit(commitOf('C', 1))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflictError);
    expect((await t.transactions()) - before).toBe(1);
    expect(['A', 'B', 'C'].map(t.versionOnDisk)).toEqual([2, 2, 2]);
    expect((await t.store.history('B')).map((h) => h.seq)).toEqual([1, 2]);
    await t.close();
  });

  it('rejects every commit of a batch whose COMMIT fails, and writes none of them', async () => {
    const t = await fileStore();
    t.poisonCommits();
    const results = await Promise.allSettled(['A', 'poison-1', 'B'].map((id) => t.store.commit(commitOf(id, 0))));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(['A', 'poison-1', 'B'].map(t.versionOnDisk)).toEqual([undefined, undefined, undefined]);
    expect(await t.store.getOrder('A')).toBeUndefined();
    // The writer goes on: the next batch, without the poison, is written.
    await t.store.commit(commitOf('A', 0));
    expect(t.versionOnDisk('A')).toBe(1);
    await t.close();
  });

  it('writes what is still queued when closed', async () => {
    const t = await fileStore();
    const pending = [t.store.commit(commitOf('A', 0)), t.store.claimDueTimers(Date.now(), 10, 1000)];
    await t.close();
    await expect(Promise.all(pending)).resolves.toEqual([undefined, []]);
    const again = new Database(t.file, { readonly: true });
    expect(again.prepare('SELECT version FROM orders WHERE id = ?').get('A')).toEqual({ version: 1 });
    again.close();
    await expect(t.store.commit(commitOf('B', 0))).rejects.toThrow(/closed/);
  });
});
