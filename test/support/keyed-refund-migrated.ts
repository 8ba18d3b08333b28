import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { orderMachine } from '../../machines/order/index.ts';
import { createManualClock } from '../../src/clock.ts';
import { createMigrator } from '../../src/engine/migrator.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { testApp } from './test-app.ts';
import { orderVersion1Only } from './versions/renamed-state-v2.ts';

/**
 * Order `K-1` takes version 1's free-text refund request under the Idempotency-Key `refund-1`, then
 * is migrated to version 2, whose schema no longer takes that payload (R14's list of reasons): the
 * start of a retry that only the older version can read.
 */
export async function keyedRefundMigrated() {
  const clock = createManualClock();
  const store = createSqliteStore(new Database(':memory:'));
  const v1 = await testApp({ store, clock, machine: orderVersion1Only() });
  await v1.create({ id: 'K-1' });
  const payload = { reason: 'the buyer changed their mind' };
  const first = await v1.send('K-1', 'REQUEST_REFUND', payload, { 'idempotency-key': 'refund-1' });
  expect(first.status).toBe(200);
  expect(first.body.machine).toEqual({ id: 'order', version: 1 });
  const machine = orderMachine();
  expect((await createMigrator({ store, clock, machine }).run()).migrated).toBe(1);
  return { clock, store, machine, payload, first };
}
