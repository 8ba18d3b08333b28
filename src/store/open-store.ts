import { openPostgresStore, redactUrl } from './postgres/open-postgres-store.ts';
import { openSqliteStore } from './sqlite/open-sqlite-store.ts';
import type { Store } from './store.ts';

export interface StoreConfig {
  /** `postgres://…`: PostgreSQL, for several instances on one database. */
  DATABASE_URL?: string | undefined;
  /** The SQLite file used when there is no `DATABASE_URL`. */
  DATABASE_FILE: string;
}

export interface OpenStoreOptions {
  /** PostgreSQL: an idle connection failed (the pool replaces it). */
  onIdleError?: (error: Error) => void;
}

/** Opens and migrates the store the configuration names: PostgreSQL if a URL is given, else SQLite. */
export async function openStore(config: StoreConfig, { onIdleError }: OpenStoreOptions = {}): Promise<{ store: Store; database: string }> {
  if (config.DATABASE_URL) {
    return { store: await openPostgresStore(config.DATABASE_URL, onIdleError ? { onIdleError } : {}), database: redactUrl(config.DATABASE_URL) };
  }
  return { store: await openSqliteStore(config.DATABASE_FILE), database: config.DATABASE_FILE };
}
