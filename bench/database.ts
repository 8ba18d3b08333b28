import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '../src/store/open-store.ts';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite-store.ts';

/**
 * A fresh database for one bench: an SQLite file in `dir`, or, when `DATABASE_URL` is set, a new
 * PostgreSQL database created beside the one it names (and dropped by `drop`).
 */
export async function freshDatabase(dir: string, { url = process.env.DATABASE_URL }: { url?: string | undefined } = {}) {
  const file = join(dir, 'bench.db');
  if (!url) return { kind: 'sqlite' as const, config: { DATABASE_FILE: file }, open: async () => ({ store: await openSqliteStore(file) }), drop: async () => {} };
  const name = `aftersales_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const benchUrl = new URL(url);
  benchUrl.pathname = `/${name}`;
  const config = { DATABASE_URL: benchUrl.toString(), DATABASE_FILE: file };
  return {
    kind: 'postgres' as const,
    config,
    open: () => openStore(config),
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
