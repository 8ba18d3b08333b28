import Database from 'better-sqlite3';
import type { Commit, OrderRecord } from '../../src/store/records.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';

/**
 * An in-memory SQLite store whose `commit` and `getOrder` a test can intercept, to stage what
 * another instance would do between a read and a write (a commit that comes first, a database that
 * fails). Counts every call.
 */
export function faultyStore() {
  const inner = createSqliteStore(new Database(':memory:'));
  const calls = { commit: 0, getOrder: 0 };
  const faults: {
    /** Runs before each commit of the engine or migrator; may throw instead of letting it through. */
    beforeCommit?: (commit: Commit, n: number) => Promise<void> | void;
    /** Runs before each read of an order; may throw. */
    beforeGetOrder?: (id: string, n: number) => Promise<void> | void;
  } = {};
  const store: Store = new Proxy(inner, {
    get(target, key, receiver) {
      if (key === 'commit') {
        return async (commit: Commit) => {
          calls.commit += 1;
          await faults.beforeCommit?.(commit, calls.commit);
          return target.commit(commit);
        };
      }
      if (key === 'getOrder') {
        return async (id: string): Promise<OrderRecord | undefined> => {
          calls.getOrder += 1;
          await faults.beforeGetOrder?.(id, calls.getOrder);
          return target.getOrder(id);
        };
      }
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  /** Zeroes the counts and removes the faults (after a test's setup). */
  const reset = () => {
    calls.commit = 0;
    calls.getOrder = 0;
    delete faults.beforeCommit;
    delete faults.beforeGetOrder;
  };
  return { store, inner, calls, faults, reset };
}
