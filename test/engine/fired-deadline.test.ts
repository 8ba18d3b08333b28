import Database from 'better-sqlite3';
import type { AnyMachineSnapshot } from 'xstate';
import { expect, it } from 'vitest';
import { orderMachine, sampleOrder } from '../../machines/order/index.ts';
import { createManualClock } from '../../src/clock.ts';
import { createEngine } from '../../src/engine/engine.ts';
import type { HostedMachine } from '../../src/engine/hosted-machine.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { TINY_HOUR, tinyMachine } from '../support/versions/tiny-machine.ts';

// The deadline a timer fired is not armed again (test/engine/timers-and-changes.test.ts): only that
// one, named and due as it was; another deadline due at the same time stays armed. (One re-armed for
// a later time stays too: the order's customs reminders, test/api/deadlines.test.ts.)

/** The tiny machine arming `pokeAt` and `alsoAt` for the same time, an hour after creation, and `blockedAt` after them. */
function twoAtOnce(): HostedMachine {
  const tiny = tinyMachine();
  const base = tiny.versions[0]!;
  const armedDeadlines = (snapshot: AnyMachineSnapshot) => {
    if (snapshot.status === 'done') return [];
    const { createdAt } = snapshot.context as { createdAt: number };
    return [
      { name: 'pokeAt', event: 'TIMER.POKE', dueAt: createdAt + TINY_HOUR },
      { name: 'alsoAt', event: 'TIMER.POKE', dueAt: createdAt + TINY_HOUR },
      { name: 'blockedAt', event: 'TIMER.BLOCKED', dueAt: createdAt + 2 * TINY_HOUR },
    ];
  };
  return { ...tiny, versions: [{ ...base, armedDeadlines }] };
}

it('firing a deadline disarms it alone, not another one due at the same time', async () => {
  const store = createSqliteStore(new Database(':memory:'));
  await store.migrate();
  const clock = createManualClock();
  const engine = createEngine({ store, clock, machine: twoAtOnce() });
  const created = clock.now();
  await engine.createOrder({ id: 'F-1' });
  clock.set(created + TINY_HOUR);
  expect(await engine.fireTimer({ orderId: 'F-1', name: 'pokeAt', event: 'TIMER.POKE', dueAt: created + TINY_HOUR })).toBe('fired');
  const timers = (await store.dueTimers(created + 3 * TINY_HOUR, 10)).map((t) => [t.name, t.dueAt - created]);
  expect(timers).toEqual([['alsoAt', TINY_HOUR], ['blockedAt', 2 * TINY_HOUR]]);
  expect((await store.getOrder('F-1'))!.nextDeadlineAt).toBe(created + TINY_HOUR);
});

it('a deadline the handler arms again for a later time stays armed (a customs reminder counted from its firing)', async () => {
  const store = createSqliteStore(new Database(':memory:'));
  await store.migrate();
  const clock = createManualClock();
  const engine = createEngine({ store, clock, machine: orderMachine() });
  await engine.createOrder(sampleOrder({ id: 'F-2', scope: 'international', shipBy: '2026-06-01T00:00:00Z' }));
  await engine.send('F-2', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF1' });
  await engine.send('F-2', 'CUSTOMS_HELD', {});
  const reminder = async () => (await store.dueTimers(Number.MAX_SAFE_INTEGER, 10)).find((t) => t.name === 'customsReminderAt');
  const first = (await reminder())!;
  clock.set(first.dueAt);
  expect(await engine.fireTimer(first)).toBe('fired');
  const next = await reminder();
  expect(next!.dueAt).toBeGreaterThan(first.dueAt);
});
