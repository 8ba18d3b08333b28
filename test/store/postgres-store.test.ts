import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.ts';
import { postgresMigrations } from '../../src/store/postgres/schema.ts';
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
          expect(rows).toEqual(postgresMigrations.map((_, i) => ({ version: i + 1 })));
          await Promise.all(stores.map((s) => s.close()));
        } finally {
          await fresh.drop();
        }
      });
      it('migration 4 dates each kept Idempotency-Key by the history row its request wrote', async () => {
        const old = await createTestDatabase('idem');
        try {
          const pool = new pg.Pool({ connectionString: old.url });
          await pool.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
          for (const [i, ddl] of postgresMigrations.slice(0, 3).entries()) {
            await pool.query(ddl);
            await pool.query('INSERT INTO schema_migrations VALUES ($1, 0)', [i + 1]);
          }
          const history = "INSERT INTO history (order_id, seq, type, payload, to_state, at, idempotency_key, source, machine_version) VALUES ($1, $2, 'X', '{}', 'a', $3, $4, 'client', 1)";
          await pool.query(history, ['old', 1, 1000, null]);
          await pool.query(history, ['old', 2, 2000, 'k-1']);
          await pool.query(history, ['old', 3, 3000, 'k-2']);
          const record = "INSERT INTO idempotency (order_id, key, request_hash, status, response) VALUES ($1, $2, 'h', 200, '{}')";
          await pool.query(record, ['old', 'k-1']);
          await pool.query(record, ['old', 'k-2']);
          await pool.query(record, ['gone', 'k-1']); // no history row to date it by: the migration's time
          await pool.end();
          const before = Date.now();
          const store = await openPostgresStore(old.url);
          expect((await store.getIdempotency('old', 'k-1'))!.createdAt).toBe(2000);
          expect((await store.getIdempotency('old', 'k-2'))!.createdAt).toBe(3000);
          const orphan = (await store.getIdempotency('gone', 'k-1'))!.createdAt;
          expect(orphan).toBeGreaterThanOrEqual(before - 1000);
          expect(orphan).toBeLessThanOrEqual(Date.now() + 1000);
          expect(await store.purgeIdempotency(2500, 10)).toBe(1);
          expect(await store.getIdempotency('old', 'k-1')).toBeUndefined();
          await store.close();
        } finally {
          await old.drop();
        }
      });
    },
  });
});
