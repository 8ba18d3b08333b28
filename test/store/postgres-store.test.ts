import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.ts';
import { announceSkip, createTestDatabase, pgUrl, reportSuiteRan } from '../support/postgres.ts';
import { storeContracts } from './contract/index.ts';

announceSkip('PostgreSQL store contract');

describe.runIf(pgUrl)('PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ran = 0;
  beforeAll(async () => {
    db = await createTestDatabase('contract');
  });
  afterAll(async () => {
    await db?.drop();
    reportSuiteRan('postgres-store-contract', ran);
  });

  const create = async () => {
    ran += 1;
    const store = await openPostgresStore(db.url);
    const pool = new pg.Pool({ connectionString: db.url });
    await pool.query('TRUNCATE orders, history, outbox, timers, idempotency, deliveries, delivery_attempts, webhook_subscriptions');
    await pool.end();
    return store;
  };

  storeContracts({
    name: 'PostgreSQL',
    create,
    additionalTests: () => {
      it('migrates safely when several instances start at once on a new database', async () => {
        const fresh = await createTestDatabase('migrate');
        try {
          const stores = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore(fresh.url)));
          const pool = new pg.Pool({ connectionString: fresh.url });
          const { rows } = await pool.query('SELECT version FROM schema_migrations ORDER BY version');
          await pool.end();
          expect(rows).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);
          await Promise.all(stores.map((s) => s.close()));
        } finally {
          await fresh.drop();
        }
      });
    },
  });
});
