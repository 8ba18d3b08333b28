import Database from 'better-sqlite3';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { storeContract } from './store-contract.ts';

storeContract({
  name: 'SQLite',
  create: async () => {
    const store = createSqliteStore(new Database(':memory:'));
    await store.migrate();
    return store;
  },
});
