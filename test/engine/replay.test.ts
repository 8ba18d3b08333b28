import Database from 'better-sqlite3';
import { assign, setup, type AnyMachineSnapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { createEngine } from '../../src/engine/engine.ts';
import type { HostedMachine } from '../../src/engine/hosted-machine.ts';
import { replayHistory } from '../../src/engine/replay.ts';
import { persist } from '../../src/engine/snapshots.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { DAY, testApp } from '../support/test-app.ts';
import { TINY_HOUR, tinyMachine } from '../support/versions/tiny-machine.ts';
import { orderWithRenamedState } from '../support/versions/renamed-state-v2.ts';

interface Fired { dueAt?: number; receivedAt: number }

/**
 * The tiny machine whose `TIMER.POKE` keeps the due time and the receipt of each firing: a timer
 * event is `{ type, dueAt, receivedAt }` (hosted-machine.ts), and the order machine reads only its
 * receipt, so it cannot tell whether a replay gives a timer its due time.
 */
function dueTimeKeeper(): HostedMachine {
  const tiny = tinyMachine();
  const machine = setup({
    types: { context: {} as { createdAt: number; fired: Fired[] }, input: {} as { createdAt: number }, events: {} as { type: string; receivedAt: number; dueAt?: number } },
  }).createMachine({
    id: 'tiny',
    context: ({ input }) => ({ createdAt: input.createdAt, fired: [] }),
    initial: 'waiting',
    states: {
      waiting: { on: { 'TIMER.POKE': { actions: assign({ fired: ({ context, event }) => [...context.fired, { dueAt: event.dueAt, receivedAt: event.receivedAt }] }) }, FINISH: 'done' } },
      done: { type: 'final' },
    },
  });
  const armedDeadlines = (snapshot: AnyMachineSnapshot) => {
    if (snapshot.status === 'done') return [];
    const { createdAt } = snapshot.context as { createdAt: number };
    return [{ name: 'pokeAt', event: 'TIMER.POKE', dueAt: createdAt + TINY_HOUR }];
  };
  return { ...tiny, versions: [{ ...tiny.versions[0]!, machine, armedDeadlines, view: () => ({ pokes: 0 }) }] };
}

describe('replayHistory: an order rebuilt from its history alone', () => {
  it('equals the stored snapshot: the creation, client events with their payload, timers at their firing time', async () => {
    const t = await testApp();
    await t.create({ id: 'R-1', scope: 'international' }); // v2: customs holds only international parcels
    await t.send('R-1', 'SUPPLIER_CONTACTED', { note: 'asked twice' });
    await t.send('R-1', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF1' });
    await t.send('R-1', 'CUSTOMS_HELD');
    await t.advance(4 * DAY); // a customs reminder fires; the next one is counted from its firing time
    const history = await t.store.history('R-1');
    expect(history.map((h) => h.source)).toEqual(['client', 'client', 'client', 'client', 'timer']);
    const { version, snapshot } = replayHistory(t.app.engine.machine, history);
    expect(version.version).toBe(2);
    expect(persist(t.app.engine.machine, version, snapshot)).toEqual((await t.store.getOrder('R-1'))!.snapshot);
    // Without the payload, or with the timer fired at another time, the rebuilt order differs: each part is used.
    const noPayload = history.map((h) => (h.type === 'SUPPLIER_CONTACTED' ? { ...h, payload: {} } : h));
    expect(replayHistory(t.app.engine.machine, noPayload).snapshot.context).not.toEqual(snapshot.context);
    const firedLater = history.map((h) => (h.source === 'timer' ? { ...h, at: h.at + DAY } : h));
    expect(replayHistory(t.app.engine.machine, firedLater).snapshot.context).not.toEqual(snapshot.context);
  });

  it('gives a timer its due time, not only the time it fired (a sweeper late by half an hour)', async () => {
    const store = createSqliteStore(new Database(':memory:'));
    await store.migrate();
    const clock = createManualClock();
    const hosted = dueTimeKeeper();
    const engine = createEngine({ store, clock, machine: hosted });
    const created = clock.now();
    await engine.createOrder({ id: 'R-4' });
    const [poke] = await store.dueTimers(created + TINY_HOUR, 10);
    expect(poke).toMatchObject({ name: 'pokeAt', dueAt: created + TINY_HOUR });
    clock.set(created + 1.5 * TINY_HOUR);
    expect(await engine.fireTimer(poke!)).toBe('fired');
    const history = await store.history('R-4');
    expect(history.map((h) => [h.source, h.type])).toEqual([['client', 'ORDER_CREATED'], ['timer', 'TIMER.POKE']]);
    const { version, snapshot } = replayHistory(hosted, history);
    expect(snapshot.context.fired).toEqual([{ dueAt: created + TINY_HOUR, receivedAt: created + 1.5 * TINY_HOUR }]);
    expect(persist(hosted, version, snapshot)).toEqual((await store.getOrder('R-4'))!.snapshot);
  });

  it('refuses a history that does not start with the creation', async () => {
    const t = await testApp();
    await t.create({ id: 'R-2' });
    await t.send('R-2', 'SUPPLIER_CONTACTED', { note: 'n' });
    const history = await t.store.history('R-2');
    expect(() => replayHistory(t.app.engine.machine, history.slice(1))).toThrow('history does not start with ORDER_CREATED');
    expect(() => replayHistory(t.app.engine.machine, [])).toThrow('history does not start with ORDER_CREATED');
  });

  it('refuses a row applied with a version this code lacks, or on another version with no migration recorded', async () => {
    const t = await testApp();
    await t.create({ id: 'R-3' });
    await t.send('R-3', 'SUPPLIER_CONTACTED', { note: 'n' });
    const history = await t.store.history('R-3');
    const hosted = t.app.engine.machine;
    expect(() => replayHistory(hosted, [{ ...history[0]!, machineVersion: 9 }, history[1]!])).toThrow('history #1 (ORDER_CREATED) was applied with order@9, which this code does not have');
    const twoVersions = orderWithRenamedState();
    expect(() => replayHistory(twoVersions, [{ ...history[0]!, machineVersion: 1 }, { ...history[1]!, machineVersion: 2 }])).toThrow(
      'history #2 (SUPPLIER_CONTACTED) ran on version 2, but no migration to it was recorded',
    );
  });
});
