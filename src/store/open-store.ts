import { openPostgresStore, redactUrl } from './postgres/open-postgres-store.ts';
import { openSqliteStore } from './sqlite/open-sqlite-store.ts';
import type { Store } from './store.ts';

export interface StoreConfig {
  /** `postgres://…`: PostgreSQL, for several instances on one database. */
  DATABASE_URL?: string | undefined;
  /** The SQLite file used when there is no `DATABASE_URL`. */
  DATABASE_FILE: string;
  /** SQLite only: `in-process` (default) commits on the event loop; `thread` in a worker thread. */
  SQLITE_WRITER?: 'in-process' | 'thread' | undefined;
}

export interface OpenStoreOptions {
  /** PostgreSQL: an idle connection failed (the pool replaces it). */
  onIdleError?: (error: Error) => void;
  /** SQLite writer thread: the thread died; its pending writes were rejected and no write can succeed. */
  onWriterError?: (error: Error) => void;
}

/** Opens and migrates the store the configuration names: PostgreSQL if a URL is given, else SQLite. */
export async function openStore(config: StoreConfig, { onIdleError, onWriterError }: OpenStoreOptions = {}): Promise<{ store: Store; database: string }> {
  if (config.DATABASE_URL) {
    return { store: await openPostgresStore(config.DATABASE_URL, onIdleError ? { onIdleError } : {}), database: redactUrl(config.DATABASE_URL) };
  }
  const writer = config.DATABASE_FILE === ':memory:' ? 'in-process' : (config.SQLITE_WRITER ?? 'in-process');
  return { store: await openSqliteStore(config.DATABASE_FILE, { writer, ...(onWriterError ? { onWriterError } : {}) }), database: config.DATABASE_FILE };
}
