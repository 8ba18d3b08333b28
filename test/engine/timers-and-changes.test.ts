import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { orderMachine, sampleOrder } from '../../machines/order/index.ts';
import { createManualClock } from '../../src/clock.ts';
import { createEngine, type CommittedChange, type EngineObserver, type RefusedEvent } from '../../src/engine/engine.ts';
import type { HostedMachine } from '../../src/engine/hosted-machine.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { TINY_HOUR, tinyMachine } from '../support/versions/tiny-machine.ts';

// What the engine does with a due timer (fire it once, never re-arm it, skip it when stale), and
// what it tells its listener and observer about each change.

async function engineOn(machine: HostedMachine) {
  const store = createSqliteStore(new Database(':memory:'));
  await store.migrate();
  const clock = createManualClock();
  const changes: CommittedChange[] = [];
  const refused: RefusedEvent[] = [];
  const timings: { kind: string; durationMs: number; startedAt?: number }[] = [];
  const observer: EngineObserver = {
    applied: (_change, { startedAt, durationMs }) => timings.push({ kind: 'applied', startedAt, durationMs }),
    refused: (r) => refused.push(r),
    committed: (durationMs, outcome) => timings.push({ kind: outcome, durationMs }),
  };
  const engine = createEngine({ store, clock, machine, observer, onCommit: (c) => changes.push(c) });
  return { store, clock, engine, changes, refused, timings };
}

describe('firing a due timer', () => {
  it('fires at its due time, not a moment before; records it as the timer\'s event with its effects', async () => {
    const { store, clock, engine, changes } = await engineOn(tinyMachine());
    const created = clock.now();
    await engine.createOrder({ id: 'T-1' });
    const poke = { orderId: 'T-1', name: 'pokeAt', event: 'TIMER.POKE', dueAt: created + TINY_HOUR };
    clock.set(poke.dueAt - 1);
    expect(await engine.fireTimer(poke)).toBe('stale');
    expect((await store.getOrder('T-1'))!.version).toBe(1);
    clock.set(poke.dueAt);
    expect(await engine.fireTimer(poke)).toBe('fired');
    expect((await store.history('T-1')).at(-1)).toMatchObject({
      seq: 2, type: 'TIMER.POKE', payload: {}, source: 'timer', at: poke.dueAt, dueAt: poke.dueAt, idempotencyKey: null, fromState: 'waiting', toState: 'waiting', machineVersion: 1,
    });
    expect((await store.outbox('T-1')).map((o) => [o.action, o.payload])).toEqual([['notify', { why: 'poked' }]]);
    expect(changes.at(-1)).toMatchObject({
      orderId: 'T-1', version: 2, event: { type: 'TIMER.POKE', dueAt: poke.dueAt, receivedAt: poke.dueAt }, fromState: 'waiting', toState: 'waiting', source: 'timer', machineVersion: 1,
    });
  });

  it('never re-arms the deadline it fired, even when the handler leaves it armed; the others stay', async () => {
    const { store, clock, engine } = await engineOn(tinyMachine());
    const created = clock.now();
    await engine.createOrder({ id: 'T-2' });
    clock.set(created + TINY_HOUR);
    const [due] = await store.claimDueTimers(clock.now(), 10, 60_000);
    expect(due).toMatchObject({ name: 'pokeAt' });
    expect(await engine.fireTimer(due!)).toBe('fired');
    clock.set(created + 10 * TINY_HOUR);
    expect((await store.dueTimers(clock.now(), 10)).map((t) => t.name)).toEqual(['blockedAt']);
    expect((await store.getOrder('T-2'))!.nextDeadlineAt).toBe(created + 2 * TINY_HOUR);
  });

  it('is stale when the order is gone, no longer arms that deadline at that time, or does not take the event now', async () => {
    const { store, clock, engine } = await engineOn(tinyMachine());
    const created = clock.now();
    await engine.createOrder({ id: 'T-3' });
    clock.set(created + 5 * TINY_HOUR);
    const poke = { orderId: 'T-3', name: 'pokeAt', event: 'TIMER.POKE', dueAt: created + TINY_HOUR };
    expect(await engine.fireTimer({ ...poke, orderId: 'nobody' })).toBe('stale');
    expect(await engine.fireTimer({ ...poke, dueAt: poke.dueAt - 1 })).toBe('stale');
    expect(await engine.fireTimer({ ...poke, name: 'otherAt' })).toBe('stale');
    // Armed, due, but guarded: the state does not take TIMER.BLOCKED now.
    expect(await engine.fireTimer({ orderId: 'T-3', name: 'blockedAt', event: 'TIMER.BLOCKED', dueAt: created + 2 * TINY_HOUR })).toBe('stale');
    expect((await store.getOrder('T-3'))!.version).toBe(1);
    await engine.send('T-3', 'FINISH', {});
    expect(await engine.fireTimer(poke)).toBe('stale'); // the final state arms nothing
  });
});

describe('what the listener and the observer are told', () => {
  it('a creation: version 1 from no state, on the newest version; the same creation again commits nothing', async () => {
    const { engine, changes, timings } = await engineOn(tinyMachine());
    const before = performance.now();
    const { order, created } = await engine.createOrder({ id: 'C-1' });
    const wall = performance.now() - before;
    expect(created).toBe(true);
    expect(order).toMatchObject({ id: 'C-1', state: 'waiting', status: 'open', version: 1, acceptedEvents: ['FINISH'], pokes: 0, machine: { id: 'tiny', version: 1 } });
    expect(changes).toEqual([
      { orderId: 'C-1', version: 1, event: { type: 'ORDER_CREATED' }, fromState: null, toState: 'waiting', snapshot: expect.anything(), source: 'client', machineVersion: 1 },
    ]);
    expect(timings.map((t) => t.kind)).toEqual(['committed', 'applied']);
    for (const t of timings) expect(t.durationMs).toBeGreaterThanOrEqual(0);
    for (const t of timings) expect(t.durationMs).toBeLessThanOrEqual(wall);
    expect(timings[1]!.startedAt).toBeGreaterThanOrEqual(before);
    expect(await engine.createOrder({ id: 'C-1' })).toEqual({ order, created: false });
    expect(changes).toHaveLength(1);
  });

  it('a client event: its type and time, the states it went between, and how long it took', async () => {
    const { clock, engine, changes, timings } = await engineOn(tinyMachine());
    await engine.createOrder({ id: 'C-2' });
    timings.length = 0;
    clock.advance(1000);
    const before = performance.now();
    const view = await engine.send('C-2', 'FINISH', {});
    const wall = performance.now() - before;
    expect(view).toMatchObject({ state: 'done', status: 'closed', version: 2, acceptedEvents: [] });
    expect(changes.at(-1)).toMatchObject({ orderId: 'C-2', version: 2, event: { type: 'FINISH', receivedAt: clock.now() }, fromState: 'waiting', toState: 'done', source: 'client', machineVersion: 1 });
    expect(timings.map((t) => t.kind)).toEqual(['committed', 'applied']);
    for (const t of timings) expect(t.durationMs).toBeLessThanOrEqual(wall);
  });

  it('a refusal is told to the observer when sent, never when only tried (a dry run)', async () => {
    const order = await engineOn(orderMachine());
    await order.engine.createOrder(sampleOrder({ id: 'C-3' }));
    await order.engine.send('C-3', 'REQUEST_REFUND', {});
    for (const attempt of [() => order.engine.trySend('C-3', 'REFUND_ISSUED', { amount: 999_999 }), () => order.engine.trySend('C-3', 'SHIPPED', { carrier: 'SF', trackingNumber: '1' })]) {
      await expect(attempt()).rejects.toMatchObject({ problem: { status: expect.any(Number) } });
    }
    expect(order.refused).toEqual([]);
    await expect(order.engine.send('C-3', 'REFUND_ISSUED', { amount: 999_999 })).rejects.toMatchObject({ problem: { status: 422 } });
    await expect(order.engine.send('C-3', 'SHIPPED', { carrier: 'SF', trackingNumber: '1' })).rejects.toMatchObject({ problem: { status: 409 } });
    expect(order.refused).toEqual([
      { orderId: 'C-3', event: 'REFUND_ISSUED', state: 'refund', machineVersion: 2, reason: 'check' },
      { orderId: 'C-3', event: 'SHIPPED', state: 'refund', machineVersion: 2, reason: 'state' },
    ]);
  });
});
