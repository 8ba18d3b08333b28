import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { announceSkip, createTestDatabase, pgUrl, reportSuiteRan } from './postgres.ts';

async function onPostgres(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Each test starts empty: every table but the migrations' is truncated (much faster than a new database). */
async function emptyTables(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'");
    if (rows.length > 0) await client.query(`TRUNCATE ${rows.map((r) => `"${r.tablename as string}"`).join(', ')}`);
  } finally {
    await client.end();
  }
}

/** Opens a fresh, migrated store of one kind; the suite closes what it opened. */
export type OpenStore = () => Promise<Store>;

/** Runs SQL (several statements) on the database behind a store that `open` gave: for a suite that must shape what an older release left. */
export type RunSql = (store: Store, sql: string) => Promise<void>;

/**
 * Runs the same API suite on SQLite (in memory) and on PostgreSQL (a database of its own, when
 * `AFTERSALES_PG_URL` is set; `.ci/run` checks through `report` that it ran there).
 */
export function onBothStores(report: string, suite: (open: OpenStore, sql: RunSql, kind: 'sqlite' | 'postgres') => void) {
  announceSkip(report);
  const opened: Store[] = [];
  const databases = new WeakMap<Store, (sql: string) => Promise<void>>();
  const runSql: RunSql = async (store, sql) => {
    const run = databases.get(store);
    if (!run) throw new Error('not a store this suite opened');
    await run(sql);
  };
  const tracked = (store: Store) => {
    opened.push(store);
    return store;
  };
  afterAll(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  describe('SQLite', () => {
    suite(async () => {
      const db = new Database(':memory:');
      const store = tracked(createSqliteStore(db));
      await store.migrate();
      databases.set(store, async (sql) => void db.exec(sql));
      return store;
    }, runSql, 'sqlite');
  });

  describe.runIf(pgUrl)('PostgreSQL', () => {
    let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
    let count = 0;
    beforeAll(async () => {
      db = await createTestDatabase(report.replace(/\W/g, '_').slice(0, 20));
    });
    afterAll(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
      await db?.drop();
      reportSuiteRan(report, count);
    });
    suite(async () => {
      if (!db) throw new Error('the test database was not created');
      count += 1;
      const store = tracked(await openPostgresStore(db.url, { maxConnections: 4 }));
      await emptyTables(db.url);
      const url = db.url;
      databases.set(store, (sql) => onPostgres(url, sql));
      return store;
    }, runSql, 'postgres');
  });
}
