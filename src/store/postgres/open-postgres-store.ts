import pg from 'pg';
import type { Store } from '../store.ts';
import { createPostgresStore } from './postgres-store.ts';

/** How long the service waits for PostgreSQL before it answers 503; see docs/operations.md. */
export interface PostgresTimeouts {
  /** Opening a connection, or waiting for a free one of the pool. */
  connectTimeoutMs?: number;
  /** One statement: `statement_timeout` on the server, and a client-side bound a little longer for a server that went silent. */
  statementTimeoutMs?: number;
  /** One transaction (a commit) from BEGIN to COMMIT; also the server's `idle_in_transaction_session_timeout`. */
  transactionTimeoutMs?: number;
}

export const postgresTimeoutDefaults = { connectTimeoutMs: 5000, statementTimeoutMs: 5000, transactionTimeoutMs: 10_000 } satisfies PostgresTimeouts;

export interface OpenPostgresOptions extends PostgresTimeouts {
  /** Connections per instance; every in-flight commit holds one. */
  maxConnections?: number;
  /** Told about errors of idle connections (a restarted server), which would otherwise end the process. */
  onIdleError?: (error: Error) => void;
}

/** Connects to PostgreSQL (`postgres://user@host:port/database`) and migrates the schema. */
export async function openPostgresStore(url: string, { maxConnections = 10, onIdleError = () => {}, ...timeouts }: OpenPostgresOptions = {}): Promise<Store> {
  const { connectTimeoutMs, statementTimeoutMs, transactionTimeoutMs } = { ...postgresTimeoutDefaults, ...definedOnly(timeouts) };
  const pool = new pg.Pool({
    connectionString: url,
    max: maxConnections,
    application_name: 'aftersales',
    connectionTimeoutMillis: connectTimeoutMs,
    statement_timeout: statementTimeoutMs,
    // The server cancels a slow statement itself; this catches a server that no longer answers at all.
    query_timeout: statementTimeoutMs + 1000,
    idle_in_transaction_session_timeout: transactionTimeoutMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  pool.on('error', onIdleError);
  const store = createPostgresStore(pool, { transactionTimeoutMs });
  try {
    await store.migrate();
  } catch (error) {
    await pool.end();
    throw new Error(`PostgreSQL store at ${redactUrl(url)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return store;
}

/** The URL without its password, for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}

const definedOnly = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
