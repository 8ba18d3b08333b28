import pg from 'pg';
import { pgUrl } from '../../support/postgres.ts';

/** The service's connections to `database`, as PostgreSQL lists them (`application_name` aftersales). */
export async function serviceBackends(database: string): Promise<{ pid: number; state: string | null }[]> {
  return admin(async (client) => {
    const { rows } = await client.query(
      "SELECT pid, state FROM pg_stat_activity WHERE datname = $1 AND application_name = 'aftersales' AND pid <> pg_backend_pid()",
      [database],
    );
    return rows as { pid: number; state: string | null }[];
  });
}

/**
 * Ends every connection the service holds to `database` with `pg_terminate_backend`, as a server
 * restart, a failover or an administrator does. Resolves with how many were ended.
 */
export async function terminateServiceBackends(database: string): Promise<number> {
  return admin(async (client) => {
    const { rows } = await client.query(
      "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'aftersales' AND pid <> pg_backend_pid()",
      [database],
    );
    return (rows[0] as { n: number }).n;
  });
}

/** The database name of a `postgres://…/name` URL. */
export const databaseOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
