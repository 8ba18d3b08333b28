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
