import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { orderMachine } from '../../machines/order/index.ts';
import { createManualClock } from '../../src/clock.ts';
import { prepareOrders } from '../../src/engine/prepare-orders.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { expectInvariants } from '../support/invariants.ts';
import { DAY, testApp } from '../support/test-app.ts';
import { orderVersion1Only } from '../support/versions/renamed-state-v2.ts';

/**
 * Orders that version 1 left in a dead end, upgraded to version 2 as a start does
 * (docs/machine-v2.md, "Orders version 1 left in a dead end"): a final order stays final and says
 * what was left open; an open one gets version 2's way out.
 */
async function version1Store() {
  const clock = createManualClock();
  const store = createSqliteStore(new Database(':memory:'));
  const v1 = await testApp({ store, clock, machine: orderVersion1Only() });
  const ok = async (id: string, type: string, payload?: unknown) => expect((await v1.send(id, type, payload)).status, `${id} ${type}`).toBe(200);
  // Refunded 1,000 of 5,500 before shipment: version 1 ended it in `refunded`.
  await v1.create({ id: 'D-PART' });
  await ok('D-PART', 'REQUEST_REFUND', { amount: 1000, reason: 'one mug short' });
  await ok('D-PART', 'REFUND_ISSUED', { amount: 1000 });
  // Switched supplier, then refunded in full: the replaced supplier's refund stayed `owed` forever.
  await v1.create({ id: 'D-OWED' });
  await ok('D-OWED', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-1' } });
  await ok('D-OWED', 'REQUEST_REFUND');
  await ok('D-OWED', 'REFUND_ISSUED', { amount: 5500 });
  // Held in customs (international), with no escalation in version 1.
  await v1.create({ id: 'D-HOLD', scope: 'international' });
  await ok('D-HOLD', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-H' });
  await ok('D-HOLD', 'CUSTOMS_HELD', { note: 'inspection' });
  // Switched supplier and still waiting for the shipment.
  await v1.create({ id: 'D-OPEN' });
  await ok('D-OPEN', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-2' } });
  await v1.advance(20 * DAY);
  return { store, clock };
}

describe('orders version 1 left in a dead end, upgraded to version 2', () => {
  it('a final order stays final and says what was left open; open ones get the new deadlines', async () => {
    const { store, clock } = await version1Store();
    const machine = orderMachine();
    const prepared = await prepareOrders({ store, clock, machine, logger: createMemoryLogger() });
    expect(prepared.migration).toMatchObject({ migrated: 4, failed: 0 });
    const t = await testApp({ store, clock, machine });

    const part = (await t.get('D-PART')).body;
    expect(part).toMatchObject({ state: 'refunded', status: 'closed', machine: { version: 2 }, money: { refunded: 1000, refundable: 4500 } });
    expect(part.notice).toMatchObject({ code: 'migrated_dead_end' });
    expect(part.notice.text).toMatch(/after a partial refund, with 4500 \(CNY minor units\) still refundable/);
    const owed = (await t.get('D-OWED')).body;
    expect(owed.notice.text).toMatch(/while tmall-store-1 still owed the refund of the original order/);
    expect(owed.supplierRefunds.owed).toMatchObject([{ supplierId: 'tmall-store-1' }]);

    // The hold escalates at once (it began 20 days ago); the owed refund reminds at once (switched 20 days ago).
    expect((await t.get('D-HOLD')).body.deadlines.map((d: { name: string }) => d.name)).toEqual(['customsEscalateAt', 'customsReminderAt']);
    expect(await t.app.sweeper.sweep()).toBe(2);
    expect((await t.get('D-HOLD')).body).toMatchObject({ state: 'inTransit.shipping.customsEscalated', problem: { code: 'customs_escalated' } });
    expect((await t.store.outbox('D-OPEN')).map((o) => o.action)).toContain('remindSupplierRefund');
    for (const id of ['D-PART', 'D-OWED', 'D-HOLD', 'D-OPEN']) await expectInvariants(t, id);
    expect(await t.app.sweeper.sweep()).toBe(0);
  });
});
