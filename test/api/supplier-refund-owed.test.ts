import { expect, it } from 'vitest';
import { orderMachine } from '../../machines/order/index.ts';
import { createManualClock } from '../../src/clock.ts';
import { prepareOrders } from '../../src/engine/prepare-orders.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { postgresMigrations } from '../../src/store/postgres/schema.ts';
import { sqliteMigrations } from '../../src/store/sqlite/schema.ts';
import type { Store } from '../../src/store/store.ts';
import { onBothStores, type RunSql } from '../support/both-stores.ts';
import { expectInvariants } from '../support/invariants.ts';
import { DAY, testApp, type TestApp } from '../support/test-app.ts';
import { orderVersion1Only } from '../support/versions/renamed-state-v2.ts';

/**
 * R15's list: `GET /orders?supplierRefundOwed=true` lists the orders whose replaced supplier still
 * owes the refund of the original order (R1/R4), until SUPPLIER_REFUNDED settles it; `false` lists
 * the others. On SQLite and PostgreSQL.
 */
async function step(t: TestApp, id: string, type: string, payload?: unknown) {
  const res = await t.send(id, type, payload);
  expect(res.status, `${type}: ${res.text}`).toBe(200);
  await expectInvariants(t, id);
  return res.body;
}

const listed = async (t: TestApp, query: string) => {
  const res = await t.call('GET', `/orders?${query}`);
  expect(res.status, res.text).toBe(200);
  return (res.body.orders as { id: string }[]).map((o) => o.id);
};

/** Each order of the list with its flag as `GET /orders` shows it. */
const flagOf = async (t: TestApp) => {
  const res = await t.call('GET', '/orders');
  expect(res.status, res.text).toBe(200);
  return Object.fromEntries((res.body.orders as { id: string; flags: Record<string, boolean> }[]).map((o) => [o.id, o.flags.supplierRefundOwed]));
};

/** Every page of a list, following nextCursor, with the ids of each page. */
async function pages(t: TestApp, query: string) {
  const all: string[][] = [];
  for (let cursor: string | null = null; ; ) {
    const res = await t.call('GET', `/orders?${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status, res.text).toBe(200);
    all.push((res.body.orders as { id: string }[]).map((o) => o.id));
    cursor = res.body.nextCursor;
    if (cursor === null) return all;
    expect(res.headers.get('link')).toContain(`cursor=${cursor}`);
  }
}

onBothStores('postgres-supplier-refund-owed', (open, sql, kind) => {
  it('lists an order from the supplier switch until the replaced supplier has refunded; false lists the others', async () => {
    const t = await testApp({ store: await open() });
    await t.create({ id: 'A-plain' });
    await t.create({ id: 'B-switched' });
    await t.create({ id: 'C-settled' });
    await t.create({ id: 'D-refunded' });
    expect(await listed(t, 'supplierRefundOwed=true')).toEqual([]);

    await step(t, 'B-switched', 'STOCK_UNAVAILABLE');
    const switched = await step(t, 'B-switched', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-1' } });
    expect(switched.supplierRefunds.owed).toHaveLength(1);
    await step(t, 'C-settled', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-2' } });
    // R1: the seller refunds the buyer in full; the order stays open (and listed) until the supplier refunds the seller.
    await step(t, 'D-refunded', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-3' } });
    await step(t, 'D-refunded', 'REQUEST_REFUND');
    expect(await step(t, 'D-refunded', 'REFUND_ISSUED', { amount: 5500 })).toMatchObject({ state: 'refund', money: { refundable: 0 } });
    expect(await listed(t, 'supplierRefundOwed=true')).toEqual(['B-switched', 'C-settled', 'D-refunded']);
    expect(await listed(t, 'supplierRefundOwed=false')).toEqual(['A-plain']);
    expect(await flagOf(t)).toEqual({ 'A-plain': false, 'B-switched': true, 'C-settled': true, 'D-refunded': true });

    // Events that leave the owed refund open keep the order listed: shipped, the reminder fired (R15).
    await step(t, 'B-switched', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-B' });
    expect(await t.advance(8 * DAY)).toBeGreaterThan(0);
    expect((await t.get('B-switched')).body.supplierRefunds.owed[0].remindedAt).not.toBeNull();
    expect(await listed(t, 'supplierRefundOwed=true')).toEqual(['B-switched', 'C-settled', 'D-refunded']);

    await step(t, 'C-settled', 'SUPPLIER_REFUNDED', { supplierId: 'tmall-store-1', amount: 4000 });
    expect(await step(t, 'D-refunded', 'SUPPLIER_REFUNDED', { supplierId: 'tmall-store-1', amount: 3900 })).toMatchObject({ state: 'refunded', status: 'closed' });
    expect(await listed(t, 'supplierRefundOwed=true')).toEqual(['B-switched']);
    expect(await listed(t, 'supplierRefundOwed=false')).toEqual(['A-plain', 'C-settled', 'D-refunded']);
    expect(await flagOf(t)).toEqual({ 'A-plain': false, 'B-switched': true, 'C-settled': false, 'D-refunded': false });
    // Without the parameter the list is what it was: every order.
    expect(await listed(t, '')).toEqual(['A-plain', 'B-switched', 'C-settled', 'D-refunded']);
  });

  it('stays listed while any replaced supplier still owes (switched twice, one settled)', async () => {
    const t = await testApp({ store: await open() });
    await t.create({ id: 'E-twice' });
    await step(t, 'E-twice', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-1' } });
    const twice = await step(t, 'E-twice', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-2' } });
    expect(twice.supplierRefunds.owed.map((o: { supplierId: string }) => o.supplierId)).toEqual(['tmall-store-1', 'alt-1']);
    await step(t, 'E-twice', 'SUPPLIER_REFUNDED', { supplierId: 'tmall-store-1', amount: 100 });
    expect(await listed(t, 'supplierRefundOwed=true')).toEqual(['E-twice']);
    await step(t, 'E-twice', 'SUPPLIER_REFUNDED', { supplierId: 'alt-1', amount: 100 });
    expect(await listed(t, 'supplierRefundOwed=true')).toEqual([]);
    expect(await listed(t, 'supplierRefundOwed=false')).toEqual(['E-twice']);
  });

  it('pages by id like the other filters, and combines with state and deadlineBefore', async () => {
    const clock = createManualClock();
    const t = await testApp({ store: await open(), clock });
    const ids = Array.from({ length: 7 }, (_, i) => `P-${i}`);
    for (const id of ids) await t.create({ id });
    // Orders 1, 2, 4, 6 switch supplier; 4 then ships (inTransit).
    for (const id of ['P-1', 'P-2', 'P-4', 'P-6']) await step(t, id, 'SWITCH_SUPPLIER', { supplier: { id: `alt-${id}` } });
    await step(t, 'P-4', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-P-4' });

    expect(await pages(t, 'supplierRefundOwed=true&limit=3')).toEqual([['P-1', 'P-2', 'P-4'], ['P-6']]);
    expect(await pages(t, 'supplierRefundOwed=true&limit=2')).toEqual([['P-1', 'P-2'], ['P-4', 'P-6']]);
    expect(await pages(t, 'supplierRefundOwed=false&limit=2')).toEqual([['P-0', 'P-3'], ['P-5']]);
    expect(await listed(t, 'supplierRefundOwed=true&state=preShipment')).toEqual(['P-1', 'P-2', 'P-6']);
    expect(await listed(t, 'supplierRefundOwed=true&state=inTransit')).toEqual(['P-4']);
    expect(await listed(t, 'supplierRefundOwed=false&state=inTransit')).toEqual([]);
    // By next deadline: every order has one (the shipment follow-up, the supplier-refund reminder); paged by deadline then id.
    const soon = new Date(clock.now() + 365 * DAY).toISOString();
    const byDeadline = (await pages(t, `supplierRefundOwed=true&deadlineBefore=${soon}&limit=2`)).flat();
    expect([...byDeadline].sort()).toEqual(['P-1', 'P-2', 'P-4', 'P-6']);
    expect(byDeadline).toEqual(await listed(t, `supplierRefundOwed=true&deadlineBefore=${soon}`));
  });

  it('refuses a value other than true or false with a 422 problem naming the parameter', async () => {
    const t = await testApp({ store: await open() });
    for (const value of ['yes', '1', 'TRUE', '', 'true,false']) {
      const res = await t.call('GET', `/orders?supplierRefundOwed=${encodeURIComponent(value)}`);
      expect(res.status, value).toBe(422);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.body).toMatchObject({ type: '/problems/invalid-input', status: 422, detail: 'the query is not valid' });
      expect(res.body.errors.map((e: { path: string }) => e.path), value).toEqual(['query.supplierRefundOwed']);
    }
    // A misspelt flag is an unknown parameter, not a filter silently dropped.
    const misspelt = await t.call('GET', '/orders?supplierRefundsOwed=true');
    expect(misspelt.status).toBe(422);
    expect(JSON.stringify(misspelt.body.errors)).toContain('supplierRefundsOwed');
  });

  it('fills in the flag of orders a database stored before it was kept, on the version each order is pinned to', async () => {
    const clock = createManualClock();
    // The previous release's database: the same rows, without the flag column and index.
    const before = await open();
    const v1 = await testApp({ store: before, clock, machine: orderVersion1Only() });
    await v1.create({ id: 'V1-owed' });
    await step(v1, 'V1-owed', 'STOCK_UNAVAILABLE');
    await step(v1, 'V1-owed', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-v1' } });
    await v1.create({ id: 'V1-plain' });
    const v2 = await testApp({ store: before, clock });
    await v2.create({ id: 'V2-owed' });
    await step(v2, 'V2-owed', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-v2' } });
    await v2.create({ id: 'V2-settled' });
    await step(v2, 'V2-settled', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-v2' } });
    await step(v2, 'V2-settled', 'SUPPLIER_REFUNDED', { supplierId: 'tmall-store-1', amount: 10 });
    await v2.create({ id: 'V2-plain' });
    const after = await reopenWithoutListFlags(before, sql, kind);

    // Orders pinned to version 1 stay there (MACHINE_MIGRATION=manual): version 1's projection says what they owe.
    const prepared = await prepareOrders({ store: after, clock, machine: orderMachine(), logger: createMemoryLogger(), migration: 'manual' });
    expect(prepared.listFlags).toEqual({ filled: 5, flagged: 2, unrestorable: 0 });
    const t = await testApp({ store: after, clock });
    expect(await listed(t, 'supplierRefundOwed=true')).toEqual(['V1-owed', 'V2-owed']);
    expect(await listed(t, 'supplierRefundOwed=false')).toEqual(['V1-plain', 'V2-plain', 'V2-settled']);
    // Once filled in, a start finds nothing left to do.
    expect((await prepareOrders({ store: after, clock, machine: orderMachine(), logger: createMemoryLogger(), migration: 'manual' })).listFlags).toEqual({ filled: 0, flagged: 0, unrestorable: 0 });
    // Migrated to version 2 (the migration commit stores the flag again), still listed; settling it unlists it.
    await prepareOrders({ store: after, clock, machine: orderMachine(), logger: createMemoryLogger() });
    expect((await t.get('V1-owed')).body).toMatchObject({ machine: { version: 2 }, supplierRefunds: { owed: [{ supplierId: 'tmall-store-1' }] } });
    expect(await listed(t, 'supplierRefundOwed=true')).toEqual(['V1-owed', 'V2-owed']);
    await step(t, 'V1-owed', 'SUPPLIER_REFUNDED', { supplierId: 'tmall-store-1', amount: 4000 });
    expect(await listed(t, 'supplierRefundOwed=true')).toEqual(['V2-owed']);
  });
});

/**
 * The store as the previous release left it: the list-flag migration undone (its column, index and
 * table dropped, its row in schema_migrations removed), then migrated by this code again, which
 * adds them back with every stored order's flags not yet computed.
 */
async function reopenWithoutListFlags(store: Store, sql: RunSql, kind: 'sqlite' | 'postgres'): Promise<Store> {
  const migrations = kind === 'sqlite' ? sqliteMigrations : postgresMigrations;
  const version = migrations.findIndex((m) => m.includes('CREATE TABLE order_flags')) + 1;
  expect(version).toBeGreaterThan(1);
  await sql(store, `DROP TABLE order_flags; DROP INDEX orders_list_flags_unset; ALTER TABLE orders DROP COLUMN list_flags;
    DELETE FROM schema_migrations WHERE version = ${version};`);
  await store.migrate();
  return store;
}
