import { openPostgresStore, redactUrl } from './postgres/open-postgres-store.ts';
import { openSqliteStore } from './sqlite/open-sqlite-store.ts';
import type { Store } from './store.ts';

export interface StoreConfig {
  /** `postgres://…`: PostgreSQL, for several instances on one database. */
  DATABASE_URL?: string | undefined;
  /** The SQLite file used when there is no `DATABASE_URL`. */
  DATABASE_FILE: string;
  /** PostgreSQL timeouts (see `PostgresTimeouts`); defaults when absent. */
  DATABASE_CONNECT_TIMEOUT_MS?: number | undefined;
  DATABASE_STATEMENT_TIMEOUT_MS?: number | undefined;
  DATABASE_TRANSACTION_TIMEOUT_MS?: number | undefined;
  /** SQLite `busy_timeout`. */
  SQLITE_BUSY_TIMEOUT_MS?: number | undefined;
}

export interface OpenStoreOptions {
  /** PostgreSQL: an idle connection failed (the pool replaces it). */
  onIdleError?: (error: Error) => void;
  /** SQLite: this is the service starting, so leases left in the file are a dead process's and are released. */
  serviceStart?: boolean;
}

/** Opens and migrates the store the configuration names: PostgreSQL if a URL is given, else SQLite. */
export async function openStore(config: StoreConfig, { onIdleError, serviceStart = false }: OpenStoreOptions = {}): Promise<{ store: Store; database: string }> {
  if (config.DATABASE_URL) {
    const store = await openPostgresStore(config.DATABASE_URL, {
      ...(onIdleError ? { onIdleError } : {}),
      connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
      transactionTimeoutMs: config.DATABASE_TRANSACTION_TIMEOUT_MS,
    });
    return { store, database: redactUrl(config.DATABASE_URL) };
  }
  const store = await openSqliteStore(config.DATABASE_FILE, { busyTimeoutMs: config.SQLITE_BUSY_TIMEOUT_MS, releaseLeases: serviceStart });
  return { store, database: config.DATABASE_FILE };
}
