import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteStore, type SqliteStore } from './sqlite-store.ts';

export interface OpenSqliteOptions {
  /** How long a write waits for another connection's lock on the file before it fails (503). */
  busyTimeoutMs?: number;
  /**
   * The service's own start: one process writes an SQLite file, so the timer and delivery leases
   * found in it are a previous process's, dead now; they are released instead of waited out.
   */
  releaseLeases?: boolean;
}

/** Opens (creating the folder and file if needed) an SQLite database and migrates it. */
export async function openSqliteStore(file: string, { busyTimeoutMs, releaseLeases = false }: OpenSqliteOptions = {}): Promise<SqliteStore> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  const store = createSqliteStore(db, busyTimeoutMs === undefined ? {} : { busyTimeoutMs });
  await store.migrate();
  if (releaseLeases) {
    db.transaction(() => {
      db.prepare('UPDATE timers SET lease_until = NULL WHERE lease_until IS NOT NULL').run();
      db.prepare('UPDATE deliveries SET lease_until = NULL WHERE lease_until IS NOT NULL').run();
    })();
  }
  return store;
}
