import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { orderMachine, sampleOrder } from '../../machines/order/index.ts';
import { createManualClock } from '../../src/clock.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { VersionConflictError } from '../../src/store/store.ts';
import { DAY, testApp } from '../support/test-app.ts';

describe('engine: compare-and-swap, idempotency, nothing lost', () => {
  it('a commit computed from a stale version never overwrites, and writes nothing of itself', async () => {
    const t = await testApp();
    await t.create({ id: 'S-1' });
    const stale = await t.store.getOrder('S-1');
    await t.send('S-1', 'SHIPPED', { carrier: 'SF', trackingNumber: 'A' });
    const current = await t.store.getOrder('S-1');
    const attempt = t.store.commit({
      order: { ...stale!, version: 2, state: 'preShipment.processing.oversized' },
      expectedVersion: 1,
      history: { orderId: 'S-1', seq: 2, type: 'ITEM_OVERSIZED', payload: {}, fromState: stale!.state, toState: 'preShipment.processing.oversized', at: 1, idempotencyKey: 'k', source: 'client', dueAt: null, machineVersion: 1 },
      outbox: [{ id: 'x', orderId: 'S-1', seq: 2, action: 'requestRefund', payload: {}, createdAt: 1 }],
      timers: [],
      idempotency: { orderId: 'S-1', key: 'k', requestHash: 'h', status: 200, response: {}, createdAt: 1, expiredBefore: 0 },
    });
    await expect(attempt).rejects.toBeInstanceOf(VersionConflictError);
    expect(await t.store.getOrder('S-1')).toEqual(current);
    expect((await t.store.history('S-1')).map((h) => h.type)).toEqual(['ORDER_CREATED', 'SHIPPED']);
    expect(await t.store.outbox('S-1')).toEqual([]);
    expect(await t.store.getIdempotency('S-1', 'k')).toBeUndefined();
  });

  it('concurrent events on one order all apply, one version each, none lost', async () => {
    const t = await testApp();
    await t.create({ id: 'S-2', scope: 'international' });
    await t.send('S-2', 'SHIPPED', { carrier: 'SF', trackingNumber: 'A' });
    await t.send('S-2', 'CUSTOMS_HELD');
    // CUSTOMS_REMINDER repeats are internal; what clients can race on here is the seller's notes:
    // interleave a clear and a hold many times through parallel requests.
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.send('S-2', i % 2 ? 'CUSTOMS_HELD' : 'CUSTOMS_CLEARED', { note: `n${i}` })),
    );
    const applied = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status === 409);
    expect(applied.length + refused.length).toBe(20);
    const order = (await t.get('S-2')).body;
    expect(order.version).toBe(3 + applied.length);
    const history = (await t.history('S-2')).body.history;
    expect(history.map((h: { seq: number }) => h.seq)).toEqual(Array.from({ length: order.version }, (_, i) => i + 1));
    const versions = applied.map((r) => r.body.version).sort((a, b) => a - b);
    expect(new Set(versions).size).toBe(applied.length);
  });

  it('the same Idempotency-Key sent concurrently applies once and every caller gets the same answer', async () => {
    const t = await testApp();
    await t.create({ id: 'S-3' });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => t.send('S-3', 'REQUEST_REFUND', { amount: 1000 }, { 'idempotency-key': 'refund-once' })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(results.map((r) => JSON.stringify(r.body))).size).toBe(1);
    const history = (await t.history('S-3')).body.history;
    expect(history.map((h: { type: string }) => h.type)).toEqual(['ORDER_CREATED', 'REQUEST_REFUND']);
    expect((await t.store.outbox('S-3')).length).toBe(1);
  });

  it('an order whose stored state no longer exists is reported, not crashed on', async () => {
    const t = await testApp();
    await t.create({ id: 'S-4' });
    const record = await t.store.getOrder('S-4');
    await t.store.commit({
      order: { ...record!, version: 2, snapshot: { ...record!.snapshot, value: { preShipment: 'vanished' } } },
      expectedVersion: 1,
      history: { orderId: 'S-4', seq: 2, type: 'CORRUPTED', payload: {}, fromState: null, toState: 'x', at: 0, idempotencyKey: null, source: 'client', dueAt: null, machineVersion: 1 },
      outbox: [],
      timers: [],
    });
    // Issue 11: no longer a bare 500; a problem of its own type that names the missing state (test/api/unrestorable.test.ts).
    const res = await t.get('S-4');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body).toMatchObject({ type: '/problems/unrestorable-order', state: 'preShipment.vanished' });
    expect(res.text).not.toMatch(/at \w+ \(/);
  });

  it('the same Idempotency-Key with the same payload in another key order is the same request; another value is not', async () => {
    const t = await testApp();
    await t.create({ id: 'S-5' });
    const first = await t.send('S-5', 'SHIPPED', { carrier: 'SF', trackingNumber: 'A1' }, { 'idempotency-key': 'ship-once' });
    const reordered = await t.send('S-5', 'SHIPPED', { trackingNumber: 'A1', carrier: 'SF' }, { 'idempotency-key': 'ship-once' });
    expect(first.status).toBe(200);
    expect(reordered.status).toBe(200);
    expect(reordered.body).toEqual(first.body);
    const changed = await t.send('S-5', 'SHIPPED', { carrier: 'SF', trackingNumber: 'A2' }, { 'idempotency-key': 'ship-once' });
    expect(changed.status).toBe(422);
    expect((await t.history('S-5')).body.history.map((h: { type: string }) => h.type)).toEqual(['ORDER_CREATED', 'SHIPPED']);
  });

  it('works without an observer: creates, applies, refuses and fires as with one', async () => {
    const store = createSqliteStore(new Database(':memory:'));
    await store.migrate();
    const clock = createManualClock();
    const commits: string[] = [];
    const engine = createEngine({ store, clock, machine: orderMachine(), onCommit: (c) => commits.push(`${c.source}:${c.event.type}`) });
    const { order, created } = await engine.createOrder(sampleOrder({ id: 'N-1', shipBy: '2026-03-04T00:00:00Z' }));
    expect(created).toBe(true);
    expect((await engine.send('N-1', 'SUPPLIER_CONTACTED', { note: 'n' })).version).toBe(2);
    await expect(engine.send('N-1', 'DELIVERED', {})).rejects.toMatchObject({ problem: { type: '/problems/event-not-accepted' } });
    clock.advance(10 * DAY);
    const [timer] = await store.claimDueTimers(clock.now(), 1, 60_000);
    expect(await engine.fireTimer(timer!)).toBe('fired');
    expect(commits).toEqual(['client:ORDER_CREATED', 'client:SUPPLIER_CONTACTED', `timer:${timer!.event}`]);
    expect(order.version).toBe(1);
    await store.close();
  });
});
