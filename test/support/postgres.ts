import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import pg from 'pg';

/**
 * PostgreSQL for tests. Suites that need it run only when `AFTERSALES_PG_URL` names a server
 * (an account that may create databases); each creates a database of its own and drops it, so no
 * one's data is touched. `.ci/run` sets the URL and checks, through `AFTERSALES_PG_REPORT`, that
 * the suites really ran.
 */
export const pgUrl = process.env.AFTERSALES_PG_URL || undefined;

/** Prints once per test file why its PostgreSQL suite is skipped, and how to run it. */
export function announceSkip(suite: string) {
  if (pgUrl) return;
  console.log(
    `PostgreSQL suite skipped: ${suite}. To run it against a server: ` +
      'AFTERSALES_PG_URL=postgres://postgres@127.0.0.1:5432/postgres npm test',
  );
}

/** Records that a PostgreSQL suite ran, with how many tests, for `.ci/run` to check. */
export function reportSuiteRan(suite: string, tests: number) {
  const file = process.env.AFTERSALES_PG_REPORT;
  if (file) appendFileSync(file, `${suite}\t${tests}\n`);
}

/** Creates a database with a unique name; `drop()` removes it, closing whatever is still connected. */
export async function createTestDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!pgUrl) throw new Error('AFTERSALES_PG_URL is not set');
  const name = `aftersales_test_${label}_${process.pid}_${randomUUID().slice(0, 8)}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
