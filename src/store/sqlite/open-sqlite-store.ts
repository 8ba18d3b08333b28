import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteStore, type SqliteStore } from './sqlite-store.ts';
import { openSqliteWorkerStore } from './sqlite-worker-store.ts';

export interface OpenSqliteOptions {
  /**
   * `thread`: writes run in a worker thread, off the event loop (files only).
   * `in-process` (default): one connection on the event loop (the only mode for `:memory:`, which a second
   * thread cannot share).
   */
  writer?: 'thread' | 'in-process';
  /** Writer-thread mode: told if the writer thread dies (its pending writes are rejected). */
  onWriterError?: (error: Error) => void;
}

/** Opens (creating the folder and file if needed) an SQLite database and migrates it. */
export async function openSqliteStore(file: string, { writer = 'in-process', onWriterError }: OpenSqliteOptions = {}): Promise<SqliteStore> {
  if (file === ':memory:' && writer === 'thread') throw new Error('an in-memory SQLite database cannot be written from another thread');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const store = writer === 'thread' ? await openSqliteWorkerStore(file, onWriterError ? { onWriterError } : {}) : createSqliteStore(new Database(file));
  await store.migrate();
  return store;
}
