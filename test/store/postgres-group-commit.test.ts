import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.ts';
import type { PostgresStore } from '../../src/store/postgres/postgres-store.ts';
import type { Commit } from '../../src/store/records.ts';
import { StoreUnavailableError, VersionConflictError } from '../../src/store/store.ts';
import { announceSkip, createTestDatabase, pgUrl, reportSuiteRan } from '../support/postgres.ts';
import { commitAfter } from './contract/support.ts';

announceSkip('PostgreSQL group commit');

describe.runIf(pgUrl)('PostgreSQL group commit', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let reader: pg.Pool;
  let ran = 0;
  const stores: PostgresStore[] = [];
  beforeAll(async () => {
    db = await createTestDatabase('group');
    reader = new pg.Pool({ connectionString: db.url, max: 2 });
  });
  afterEach(async () => {
    ran += 1;
    await Promise.all(stores.splice(0).map((s) => s.close()));
    await reader.query('DROP TRIGGER IF EXISTS poison ON history; DROP FUNCTION IF EXISTS poison()');
    await reader.query('TRUNCATE orders, history, outbox, timers, idempotency, order_flags');
  });
  afterAll(async () => {
    await reader?.end();
    await db?.drop();
    reportSuiteRan('postgres-group-commit', ran);
  });

  const open = async (options: { transactionTimeoutMs?: number } = {}) => {
    const store = (await openPostgresStore(db.url, options)) as PostgresStore;
    stores.push(store);
    return store;
  };
  /** The order's version as another connection sees it: only what is committed. */
  const versionOnDisk = async (id: string) => ((await reader.query('SELECT version FROM orders WHERE id = $1', [id])).rows[0] as { version: number } | undefined)?.version;
  const seqs = async (id: string) => ((await reader.query('SELECT seq FROM history WHERE order_id = $1 ORDER BY seq', [id])).rows as { seq: number }[]).map((r) => r.seq);
  const batches = async (store: PostgresStore) => (await store.writerStats()).transactions;
  const created = async (store: PostgresStore, ids: string[]) => {
    await Promise.all(ids.map((id) => store.commit(commitAfter(id, null))));
    return Object.fromEntries(await Promise.all(ids.map(async (id) => [id, (await store.getOrder(id))!] as const)));
  };

  it('writes commits that arrive together in one transaction and acknowledges none before its COMMIT', async () => {
    const store = await open();
    const before = await batches(store);
    const ids = ['A', 'B', 'C', 'D', 'E'];
    const seenOnAck: Record<string, number | undefined> = {};
    await Promise.all(ids.map((id) => store.commit(commitAfter(id, null, { timers: [{ name: 'shipBy', dueAt: 5 }], outbox: [{ action: 'notify' }] })).then(async () => void (seenOnAck[id] = await versionOnDisk(id)))));
    expect((await batches(store)) - before).toBe(1);
    expect(seenOnAck).toEqual({ A: 1, B: 1, C: 1, D: 1, E: 1 });
    for (const id of ids) {
      expect(await store.history(id)).toHaveLength(1);
      expect(await store.outbox(id)).toHaveLength(1);
    }
    expect((await reader.query('SELECT count(*)::int AS n FROM timers')).rows[0]).toEqual({ n: 5 });
  });

  it('rejects only the stale commit of a batch, which writes nothing; the others commit', async () => {
    const store = await open();
    const v1 = await created(store, ['A', 'B', 'C']);
    const before = await batches(store);
    const stale: Commit = commitAfter('B', v1.B!, { outbox: [{ action: 'notify' }], timers: [{ name: 'x', dueAt: 1 }], listFlags: ['f'] }, 7);
    const results = await Promise.allSettled([store.commit(commitAfter('A', v1.A!)), store.commit(stale), store.commit(commitAfter('C', v1.C!)), store.commit(commitAfter('new', null))]);
    expect((await batches(store)) - before).toBe(1);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflictError);
    expect(await Promise.all(['A', 'B', 'C', 'new'].map(versionOnDisk))).toEqual([2, 1, 2, 1]);
    expect(await seqs('B')).toEqual([1]);
    expect(await store.outbox('B')).toEqual([]);
    expect((await reader.query("SELECT count(*)::int AS n FROM timers WHERE order_id = 'B'")).rows[0]).toEqual({ n: 0 });
    expect((await reader.query("SELECT count(*)::int AS n FROM order_flags WHERE order_id = 'B'")).rows[0]).toEqual({ n: 0 });
  });

  it('of two commits of one order from one version, the first applies and the second is a conflict', async () => {
    const store = await open();
    const v1 = await created(store, ['A']);
    const results = await Promise.allSettled([store.commit(commitAfter('A', v1.A!, { state: 'first' })), store.commit(commitAfter('A', v1.A!, { state: 'second' }))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflictError);
    expect((await store.getOrder('A'))!.state).toBe('first');
    expect(await seqs('A')).toEqual([1, 2]);
  });

  it('replaces timers and list flags of each order of a batch, and a replaced timer loses its lease', async () => {
    const store = await open();
    const v1 = Object.fromEntries(
      await Promise.all(
        ['A', 'B'].map(async (id) => {
          await store.commit(commitAfter(id, null, { timers: [{ name: 'keep', dueAt: 1 }, { name: 'drop', dueAt: 2 }], listFlags: ['x', 'y'] }));
          return [id, (await store.getOrder(id))!] as const;
        }),
      ),
    );
    expect(await store.claimDueTimers(10, 10, 1000)).toHaveLength(2); // each order's earliest: both 'keep'
    await Promise.all(['A', 'B'].map((id) => store.commit(commitAfter(id, v1[id]!, { timers: [{ name: 'keep', dueAt: 3 }, { name: 'new', dueAt: 4 }], listFlags: ['y', 'z'] }))));
    const { rows } = await reader.query('SELECT order_id, name, due_at::int, lease_until FROM timers ORDER BY order_id, name');
    expect(rows).toEqual(['A', 'B'].flatMap((id) => [{ order_id: id, name: 'keep', due_at: 3, lease_until: null }, { order_id: id, name: 'new', due_at: 4, lease_until: null }]));
    const flags = await reader.query('SELECT order_id, flag FROM order_flags ORDER BY order_id, flag');
    expect(flags.rows).toEqual(['A', 'B'].flatMap((id) => [{ order_id: id, flag: 'y' }, { order_id: id, flag: 'z' }]));
  });

  it('a key found taken after the order was written: the batch is redone commit by commit, only that commit fails', async () => {
    const store = await open();
    const v1 = await created(store, ['A', 'B', 'C']);
    await store.commit(commitAfter('B', v1.B!, { idempotencyKey: 'k' }));
    const v2 = (await store.getOrder('B'))!;
    const before = await store.writerStats();
    // B passes its version guard, then finds its key live: none of B may stay, A and C must.
    const results = await Promise.allSettled([store.commit(commitAfter('A', v1.A!)), store.commit(commitAfter('B', v2, { idempotencyKey: 'k' })), store.commit(commitAfter('C', v1.C!))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflictError);
    expect((await store.writerStats()).retriedAlone - before.retriedAlone).toBe(1);
    expect(await Promise.all(['A', 'B', 'C'].map(versionOnDisk))).toEqual([2, 2, 2]);
    expect(await seqs('B')).toEqual([1, 2]);
  });

  it('a batch that fails as a whole: each caller hears what it would have heard alone, the others commit', async () => {
    const store = await open();
    await reader.query(`CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.order_id LIKE 'poison%' THEN RAISE EXCEPTION 'poisoned history row'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER poison BEFORE INSERT ON history FOR EACH ROW EXECUTE FUNCTION poison()`);
    const before = await store.writerStats();
    const results = await Promise.allSettled(['A', 'poison-1', 'B'].map((id) => store.commit(commitAfter(id, null))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/poisoned history row/);
    expect((await store.writerStats()).retriedAlone - before.retriedAlone).toBe(1);
    expect(await Promise.all(['A', 'poison-1', 'B'].map(versionOnDisk))).toEqual([1, undefined, 1]);
    // The next batch goes through as one again.
    const next = await batches(store);
    await Promise.all(['C', 'D'].map((id) => store.commit(commitAfter(id, null))));
    expect((await batches(store)) - next).toBe(1);
  });

  it('a batch that outlives the transaction timeout: every caller hears 503, none of it is written', async () => {
    const store = await open({ transactionTimeoutMs: 300 });
    await reader.query(`CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.order_id LIKE 'slow%' THEN PERFORM pg_sleep(1); END IF; RETURN NEW; END $$;
      CREATE TRIGGER poison BEFORE INSERT ON history FOR EACH ROW EXECUTE FUNCTION poison()`);
    const results = await Promise.allSettled(['A', 'slow-1', 'B'].map((id) => store.commit(commitAfter(id, null))));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const r of results) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(StoreUnavailableError);
    await new Promise((resolve) => setTimeout(resolve, 1200)); // the abandoned statement ends, its connection with it
    expect(await Promise.all(['A', 'slow-1', 'B'].map(versionOnDisk))).toEqual([undefined, undefined, undefined]);
  });

  it('bad input in one commit changes nothing of it, and the rest of its batch commits', async () => {
    const store = await open();
    const odd = commitAfter('odd', null, { payload: { text: 'nul \u0000 byte' } }); // json keeps the \u0000 escape
    const bad = commitAfter('bad', null);
    bad.history.type = 'TYPE \u0000'; // a NUL in a text column is refused
    const results = await Promise.allSettled([store.commit(commitAfter('A', null)), store.commit(odd), store.commit(bad)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((await store.history('odd'))[0]!.payload).toEqual({ text: 'nul \u0000 byte' });
    expect(await versionOnDisk('bad')).toBeUndefined();
    expect(await seqs('bad')).toEqual([]);
  });
});
