import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { postgresMigrations } from '../../src/store/postgres/schema.ts';
import { sqliteMigrations } from '../../src/store/sqlite/schema.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { orderKey } from '../../src/tenancy/order-keys.ts';
import { announceSkip, createTestDatabase, pgUrl, reportSuiteRan } from '../support/postgres.ts';
import { commitAfter, seed, snapshotOf } from './contract/support.ts';

announceSkip('postgres-state-index-migration');

/** The migration that merged the two state-keyed indexes of `orders`, counted from 1 as `schema_migrations` does. */
const mergeMigration = (migrations: string[]) => migrations.findIndex((ddl) => ddl.includes('CREATE INDEX orders_tenant_state_version')) + 1;

const shopA = (id: string) => orderKey('shop-a', id)!;

/** Orders of two tenants, two machine versions and several states, stored under the schema before the merge. */
async function seedOrders(store: Store) {
  await seed(store, 'D-1');
  await seed(store, 'D-2', { state: 'inTransit.shipping.onTheWay' });
  await seed(store, 'D-3', { state: 'inTransit.shipping.customsHold' });
  await seed(store, shopA('A-1'), { state: 'inTransit.shipping.onTheWay' });
  const v2 = await seed(store, 'D-4', { state: 'inTransit.shipping.onTheWay' });
  const moved = commitAfter('D-4', v2, { state: 'inTransit.shipping.onTheWay' });
  moved.order.snapshot = { ...snapshotOf('inTransit.shipping.onTheWay'), machine: { id: 'order', version: 2 } };
  await store.commit(moved);
}

/** What the lists, the census and the migrator's batches answer: the same before and after the merge. */
async function answers(store: Store) {
  const ids = (orders: { id: string }[]) => orders.map((o) => o.id);
  return {
    census: await store.versionCensus(),
    inTransit: ids(await store.listOrders({ tenant: 'default', statePrefix: 'inTransit', limit: 10 })),
    onTheWay: ids(await store.listOrders({ tenant: 'default', statePrefix: 'inTransit.shipping.onTheWay', limit: 10 })),
    pageAfter: ids(await store.listOrders({ tenant: 'default', statePrefix: 'inTransit', after: { id: 'D-2' }, limit: 10 })),
    shopA: ids(await store.listOrders({ tenant: 'shop-a', statePrefix: 'inTransit', limit: 10 })),
    v1: ids(await store.ordersAtVersion({ machineVersion: 1, limit: 10 })),
    v1Page: ids(await store.ordersAtVersion({ machineVersion: 1, after: 'D-2', limit: 2 })),
    v1OnTheWay: ids(await store.ordersAtVersion({ machineVersion: 1, state: 'inTransit.shipping.onTheWay', limit: 10 })),
    v2: ids(await store.ordersAtVersion({ machineVersion: 2, limit: 10 })),
  };
}

const expected = {
  census: [
    { machineVersion: 1, state: 'inTransit.shipping.customsHold', count: 1 },
    { machineVersion: 1, state: 'inTransit.shipping.onTheWay', count: 2 },
    { machineVersion: 1, state: 'preShipment.processing.awaitingShipment', count: 1 },
    { machineVersion: 2, state: 'inTransit.shipping.onTheWay', count: 1 },
  ],
  inTransit: ['D-2', 'D-3', 'D-4'],
  onTheWay: ['D-2', 'D-4'],
  pageAfter: ['D-3', 'D-4'],
  shopA: [shopA('A-1')],
  v1: ['D-1', 'D-2', 'D-3', shopA('A-1')],
  v1Page: ['D-3', shopA('A-1')],
  v1OnTheWay: ['D-2', shopA('A-1')],
  v2: ['D-4'],
};

/**
 * A database with orders under the schema before the merge migrates: the two state-keyed indexes give
 * way to one, every query answers as before, and commits keep the index up to date.
 */
async function mergesTheStateIndexes(store: Store, indexes: () => Promise<string[]>) {
  await seedOrders(store);
  expect(await answers(store)).toEqual(expected);
  expect(await indexes()).toEqual(expect.arrayContaining(['orders_tenant_state', 'orders_machine_version']));
  await store.migrate();
  const after = await indexes();
  expect(after).toContain('orders_tenant_state_version');
  expect(after).not.toContain('orders_tenant_state');
  expect(after).not.toContain('orders_machine_version');
  expect(await answers(store)).toEqual(expected);
  // A commit after the migration moves the order in the merged index.
  const d1 = (await store.getOrder('D-1'))!;
  await store.commit(commitAfter('D-1', d1, { state: 'inTransit.shipping.onTheWay' }));
  expect((await store.listOrders({ tenant: 'default', statePrefix: 'inTransit.shipping.onTheWay', limit: 10 })).map((o) => o.id)).toEqual(['D-1', 'D-2', 'D-4']);
  expect((await store.versionCensus()).find((c) => c.machineVersion === 1 && c.state === 'inTransit.shipping.onTheWay')?.count).toBe(3);
  expect((await store.versionCensus()).some((c) => c.state === 'preShipment.processing.awaitingShipment')).toBe(false);
}

describe('the migration that merges the state-keyed indexes of orders', () => {
  it('SQLite: an existing database migrates, answers as before, and the census reads the merged index alone', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL) STRICT');
    const merge = mergeMigration(sqliteMigrations);
    expect(merge).toBe(sqliteMigrations.length); // the last one: every earlier one makes the schema before it
    sqliteMigrations.slice(0, merge - 1).forEach((ddl, i) => {
      db.exec(ddl);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, 0)').run(i + 1);
    });
    const store = createSqliteStore(db);
    const indexes = async () => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders'").all() as { name: string }[]).map((r) => r.name);
    try {
      await mergesTheStateIndexes(store, indexes);
      const plan = (sql: string, ...params: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('; ');
      // The census: a scan of the merged index alone (no snapshot read).
      expect(plan('SELECT machine_version, state, COUNT(*) FROM orders GROUP BY machine_version, state')).toContain('COVERING INDEX orders_tenant_state_version');
      // The migrator's batches: the primary key from `after` on, in id order, no sort of the whole version.
      const batch = plan('SELECT * FROM orders WHERE machine_version = ? AND id > ? ORDER BY id LIMIT ?', 1, '', 10);
      expect(batch).toMatch(/SEARCH orders USING INDEX sqlite_autoindex_orders_1 \(id>\?\)/);
      expect(batch).not.toContain('TEMP B-TREE');
    } finally {
      await store.close();
    }
  });

  describe.runIf(pgUrl)('PostgreSQL', () => {
    let drop: (() => Promise<void>) | undefined;
    afterAll(async () => drop?.());

    it('PostgreSQL: an existing database migrates and answers as before', async () => {
      const fresh = await createTestDatabase('state_index_migration');
      drop = fresh.drop;
      const pool = new pg.Pool({ connectionString: fresh.url, max: 4 });
      await pool.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
      const merge = mergeMigration(postgresMigrations);
      expect(merge).toBe(postgresMigrations.length);
      for (const [i, ddl] of postgresMigrations.slice(0, merge - 1).entries()) {
        await pool.query(ddl);
        await pool.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, 0)', [i + 1]);
      }
      const store = createPostgresStore(pool);
      const indexes = async () => (await pool.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE tablename = 'orders'")).rows.map((r) => r.indexname);
      try {
        await mergesTheStateIndexes(store, indexes);
        // With the sequential scan ruled out (the table is tiny), the census is an index-only scan of the merged index.
        const client = await pool.connect();
        try {
          await client.query('SET enable_seqscan = off');
          const { rows } = await client.query<{ 'QUERY PLAN': string }>('EXPLAIN SELECT machine_version, state, COUNT(*) FROM orders GROUP BY machine_version, state');
          expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Index Only Scan using orders_tenant_state_version/);
        } finally {
          client.release();
        }
      } finally {
        await store.close();
      }
      reportSuiteRan('postgres-state-index-migration', 1);
    });
  });
});
