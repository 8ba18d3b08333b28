import pg from 'pg';
import type { Store } from '../store.ts';
import { createPostgresStore } from './postgres-store.ts';

export interface OpenPostgresOptions {
  /** Connections per instance; every in-flight commit holds one. */
  maxConnections?: number;
  /** Told about errors of idle connections (a restarted server), which would otherwise end the process. */
  onIdleError?: (error: Error) => void;
}

/** Connects to PostgreSQL (`postgres://user@host:port/database`) and migrates the schema. */
export async function openPostgresStore(url: string, { maxConnections = 10, onIdleError = () => {} }: OpenPostgresOptions = {}): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections, application_name: 'aftersales' });
  pool.on('error', onIdleError);
  const store = createPostgresStore(pool);
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
