import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { postgresMigrations } from '../../src/store/postgres/schema.ts';
import { sqliteMigrations } from '../../src/store/sqlite/schema.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { announceSkip, createTestDatabase, pgUrl, reportSuiteRan } from '../support/postgres.ts';
import { testApp } from '../support/test-app.ts';
import { seed, T0 } from './contract/support.ts';

announceSkip('postgres-tenant-migration');

/** The migration that brought tenants, counted from 1 as `schema_migrations` does. */
const tenantsMigration = (migrations: string[]) => migrations.findIndex((ddl) => ddl.includes('CREATE TABLE api_keys')) + 1;

/** Left out of the database from before tenants: the tenants migration, and the later ones that change its tenant index (the store runs them after it). */
const leftOut = (migrations: string[], i: number) => i + 1 === tenantsMigration(migrations) || (i + 1 > tenantsMigration(migrations) && migrations[i]!.includes('orders_tenant_state'));

/**
 * A database from before tenants (schema up to the migration before them) with orders, history and a
 * webhook subscription; then the store migrates it: everything belongs to the default tenant, which a
 * service without keys serves as before.
 */
async function migratesIntoDefaultTenant(store: Store, exec: (sql: string) => Promise<unknown>) {
  await seed(store, 'OLD-1', { state: 'inTransit.shipping.onTheWay', timers: [{ name: 'x', dueAt: T0 + 10 }] });
  await seed(store, 'OLD-2');
  await exec(`INSERT INTO webhook_subscriptions (id, url, events, secret, description, created_at) VALUES ('s-old', 'https://h.example/x', '["*"]', 'whsec_x', NULL, ${T0})`);
  await store.migrate();
  expect((await store.listOrders({ tenant: 'default', limit: 10 })).map((o) => o.id)).toEqual(['OLD-1', 'OLD-2']);
  expect((await store.listOrders({ tenant: 'default', statePrefix: 'inTransit', limit: 10 })).map((o) => o.id)).toEqual(['OLD-1']);
  expect((await store.listOrders({ tenant: 'default', deadlineBefore: T0 + 100, limit: 10 })).map((o) => o.id)).toEqual(['OLD-1']);
  expect((await store.listSubscriptions('default')).map((s) => s.id)).toEqual(['s-old']);
  expect(await store.hasActiveKeys()).toBe(false);
  const t = await testApp({ store });
  expect((await t.call('GET', '/orders')).body.orders.map((o: { id: string }) => o.id)).toEqual(['OLD-1', 'OLD-2']);
  expect((await t.history('OLD-2')).body.history).toHaveLength(1);
  expect((await t.call('GET', '/webhooks')).body.webhooks.map((w: { id: string }) => w.id)).toEqual(['s-old']);
}

describe('the tenants migration of a database from before tenants', () => {
  it('SQLite: existing rows belong to the default tenant', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL) STRICT');
    // Every migration but the tenants one (and those that change its index): this code's writer needs the later ones (list flags), which do not depend on it.
    sqliteMigrations.forEach((ddl, i) => {
      if (leftOut(sqliteMigrations, i)) return;
      db.exec(ddl);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, 0)').run(i + 1);
    });
    const store = createSqliteStore(db);
    try {
      await migratesIntoDefaultTenant(store, async (sql) => db.exec(sql));
    } finally {
      await store.close();
    }
  });

  describe.runIf(pgUrl)('PostgreSQL', () => {
    let drop: (() => Promise<void>) | undefined;
    afterAll(async () => drop?.());

    it('PostgreSQL: existing rows belong to the default tenant', async () => {
      const fresh = await createTestDatabase('tenant_migration');
      drop = fresh.drop;
      const pool = new pg.Pool({ connectionString: fresh.url, max: 4 });
      await pool.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
      for (const [i, ddl] of postgresMigrations.entries()) {
        if (leftOut(postgresMigrations, i)) continue;
        await pool.query(ddl);
        await pool.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, 0)', [i + 1]);
      }
      const store = createPostgresStore(pool);
      try {
        await migratesIntoDefaultTenant(store, (sql) => pool.query(sql));
      } finally {
        await store.close();
      }
      reportSuiteRan('postgres-tenant-migration', 1);
    });
  });
});
