import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sqliteMigrations } from '../../src/store/sqlite/schema.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { storeContracts } from './contract/index.ts';

storeContracts({
  name: 'SQLite',
  create: async () => {
    const store = createSqliteStore(new Database(':memory:'));
    await store.migrate();
    return store;
  },
});

describe('sqlite migration 3 (delivery)', () => {
  it('counts the history of a database from before delivery as already fanned out', async () => {
    const db = new Database(':memory:');
    db.exec(sqliteMigrations[0]!);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL) STRICT');
    db.prepare('INSERT INTO schema_migrations VALUES (1, 0)').run();
    db.prepare("INSERT INTO history VALUES ('old', 1, 'ORDER_CREATED', '{}', NULL, 'a', 1, NULL, 'client', NULL)").run();
    const store = createSqliteStore(db);
    await store.migrate();
    expect(await store.undispatchedHistory(10)).toEqual([]);
    expect(await store.history('old')).toHaveLength(1);
  });
});

describe('sqlite migration 6 (Idempotency-Key retention)', () => {
  it('dates each kept key by the history row its request wrote, so retention counts from its first use', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL) STRICT');
    sqliteMigrations.slice(0, 5).forEach((ddl, i) => {
      db.exec(ddl);
      db.prepare('INSERT INTO schema_migrations VALUES (?, 0)').run(i + 1);
    });
    const history = db.prepare("INSERT INTO history (order_id, seq, type, payload, to_state, at, idempotency_key, source) VALUES (?, ?, 'X', '{}', 'a', ?, ?, 'client')");
    history.run('old', 1, 1000, null);
    history.run('old', 2, 2000, 'k-1');
    history.run('old', 3, 3000, 'k-2');
    const record = db.prepare("INSERT INTO idempotency (order_id, key, request_hash, status, response) VALUES (?, ?, 'h', 200, '{}')");
    record.run('old', 'k-1');
    record.run('old', 'k-2');
    record.run('gone', 'k-1'); // no history row to date it by: the migration's time
    const before = Date.now();
    const store = createSqliteStore(db);
    await store.migrate();
    expect((await store.getIdempotency('old', 'k-1'))!.createdAt).toBe(2000);
    expect((await store.getIdempotency('old', 'k-2'))!.createdAt).toBe(3000);
    expect((await store.getIdempotency('gone', 'k-1'))!.createdAt).toBeGreaterThanOrEqual(before - 1000);
    expect((await store.getIdempotency('gone', 'k-1'))!.createdAt).toBeLessThanOrEqual(Date.now());
    expect(await store.purgeIdempotency(2500, 10)).toBe(1);
    expect(await store.getIdempotency('old', 'k-1')).toBeUndefined();
    await store.close();
  });
});
