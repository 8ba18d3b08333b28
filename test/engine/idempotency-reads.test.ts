import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { orderMachine, sampleOrder } from '../../machines/order/index.ts';
import { createManualClock } from '../../src/clock.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { keyedRefundMigrated } from '../support/keyed-refund-migrated.ts';

// Idempotency records are read once per request that carries a key, and not at all without one:
// on PostgreSQL each read is a round trip on the event's path.

/** The store, counting the reads of idempotency records. */
function counting(store: Store) {
  const reads = { count: 0 };
  const counted = new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'getIdempotency') return (...args: Parameters<Store['getIdempotency']>) => ((reads.count += 1), target.getIdempotency(...args));
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { counted, reads };
}

it('a request without a key reads no record; one with a key reads it once', async () => {
  const store = createSqliteStore(new Database(':memory:'));
  await store.migrate();
  const { counted, reads } = counting(store);
  const engine = createEngine({ store: counted, clock: createManualClock(), machine: orderMachine() });
  await engine.createOrder(sampleOrder({ id: 'I-3' }));
  await engine.send('I-3', 'SUPPLIER_CONTACTED', { note: 'n' });
  await engine.trySend('I-3', 'SUPPLIER_CONTACTED', { note: 'n' });
  expect(reads.count).toBe(0);
  await engine.send('I-3', 'SUPPLIER_CONTACTED', { note: 'n' }, { idempotencyKey: 'k' });
  expect(reads.count).toBe(1);
  await engine.send('I-3', 'SUPPLIER_CONTACTED', { note: 'n' }, { idempotencyKey: 'k' });
  expect(reads.count).toBe(2);
});

it('a retry that only an older version reads (test/engine/idempotency-across-versions.test.ts) reads the record once too', async () => {
  const { clock, store, machine, payload, first } = await keyedRefundMigrated();
  const { counted, reads } = counting(store);
  const engine = createEngine({ store: counted, clock, machine });
  expect(await engine.send('K-1', 'REQUEST_REFUND', payload, { idempotencyKey: 'refund-1' })).toEqual(first.body);
  expect(reads.count).toBe(1);
});
