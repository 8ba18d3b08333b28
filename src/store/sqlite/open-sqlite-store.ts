import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteStore, type SqliteStore } from './sqlite-store.ts';

/** Opens (creating the folder and file if needed) an SQLite database and migrates it. */
export async function openSqliteStore(file: string): Promise<SqliteStore> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const store = createSqliteStore(new Database(file));
  await store.migrate();
  return store;
}
