import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { orderMachine, sampleOrder } from '../../machines/order/index.ts';
import { createManualClock } from '../../src/clock.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { prepareOrders } from '../../src/engine/prepare-orders.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

// A start on a database whose orders were stored before the store kept list flags (the previous
// release's database: test/fixtures/v1-fixture.test.ts): the flags are filled in, and the start says so.

const filledMessage = 'list flags filled in for orders stored before they were kept';

async function storeWithoutFlags() {
  const db = new Database(':memory:');
  const store = createSqliteStore(db);
  await store.migrate();
  const clock = createManualClock();
  const engine = createEngine({ store, clock, machine: orderMachine() });
  for (const id of ['P-1', 'P-2', 'P-3']) await engine.createOrder(sampleOrder({ id }));
  // A replaced supplier owes the refund of the original order: P-2 is listed by supplierRefundOwed.
  await engine.send('P-2', 'SWITCH_SUPPLIER', { supplier: { id: 'alt' } });
  expect((await store.getOrder('P-2'))!.listFlags).toEqual(['supplierRefundOwed']);
  db.exec('UPDATE orders SET list_flags = NULL');
  return { db, store, clock };
}

describe('a start on orders stored without list flags', () => {
  it('fills them in on the version each order is on, and says how many', async () => {
    const { store, clock } = await storeWithoutFlags();
    const logger = createMemoryLogger();
    const { listFlags } = await prepareOrders({ store, clock, machine: orderMachine(), logger });
    expect(listFlags).toEqual({ filled: 3, flagged: 1, unrestorable: 0 });
    expect(logger.lines).toEqual([expect.objectContaining({ level: 'info', msg: filledMessage, machine: 'order', filled: 3, flagged: 1, unrestorable: 0 })]);
    expect((await store.getOrder('P-2'))!.listFlags).toEqual(['supplierRefundOwed']);
    expect((await store.getOrder('P-1'))!.listFlags).toEqual([]);
    // Filled once: the next start finds nothing to do, and says nothing of it.
    const again = createMemoryLogger();
    expect((await prepareOrders({ store, clock, machine: orderMachine(), logger: again })).listFlags).toEqual({ filled: 0, flagged: 0, unrestorable: 0 });
    expect(again.lines).toEqual([]);
  });

  it('says so too when the only orders without flags are ones this release cannot restore', async () => {
    const { db, store, clock } = await storeWithoutFlags();
    db.exec("UPDATE orders SET list_flags = '[]' WHERE id <> 'P-3'");
    db.exec("UPDATE orders SET snapshot = json_set(snapshot, '$.value', json('{\"preShipment\":\"vanished\"}')), state = 'preShipment.vanished' WHERE id = 'P-3'");
    const logger = createMemoryLogger();
    const { listFlags } = await prepareOrders({ store, clock, machine: orderMachine(), logger });
    expect(listFlags).toEqual({ filled: 0, flagged: 0, unrestorable: 1 });
    expect(logger.lines.map((l) => l.msg)).toEqual([filledMessage, 'orders this release cannot restore: run `npx aftersales doctor`']);
    expect(logger.lines[0]).toMatchObject({ filled: 0, flagged: 0, unrestorable: 1 });
  });
});
