import { openPostgresStore, redactUrl } from './postgres/open-postgres-store.ts';
import { openSqliteStore } from './sqlite/open-sqlite-store.ts';
import type { Store } from './store.ts';

export interface StoreConfig {
  /** `postgres://…`: PostgreSQL, for several instances on one database. */
  DATABASE_URL?: string | undefined;
  /** The SQLite file used when there is no `DATABASE_URL`. */
  DATABASE_FILE: string;
}

/** Opens and migrates the store the configuration names: PostgreSQL if a URL is given, else SQLite. */
export async function openStore(config: StoreConfig, options: { onIdleError?: (error: Error) => void } = {}): Promise<{ store: Store; database: string }> {
  if (config.DATABASE_URL) {
    return { store: await openPostgresStore(config.DATABASE_URL, options), database: redactUrl(config.DATABASE_URL) };
  }
  return { store: await openSqliteStore(config.DATABASE_FILE, options.onIdleError ? { onWriterError: options.onIdleError } : {}), database: config.DATABASE_FILE };
}
