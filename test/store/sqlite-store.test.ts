import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { storeContract } from './store-contract.ts';

storeContract({
  name: 'SQLite, in-process (:memory:)',
  create: async () => {
    const store = createSqliteStore(new Database(':memory:'));
    await store.migrate();
    return store;
  },
});

const dir = mkdtempSync(join(tmpdir(), 'aftersales-sqlite-thread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

storeContract({
  name: 'SQLite, writer thread (file)',
  create: () => openSqliteStore(join(dir, `store-${++files}.db`), { writer: 'thread' }),
});
