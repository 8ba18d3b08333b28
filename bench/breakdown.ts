/**
 * Where one event's time goes: the steps of `engine.send` (src/engine/engine.ts) replayed with
 * a timer around each, on the bench database, `connections` events at a time. Keep it in step
 * with the engine when the engine changes.
 */
import {
  acceptedEvents,
  armedDeadlines,
  checkAgainstOrder,
  clientEventSchemas,
  effectActions,
  isClientEventType,
  persist,
  restore,
  statePath,
  type OrderEvent,
  type OrderMachine,
} from '../machines/order/index.ts';
import { orderView } from '../src/engine/order-view.ts';
import { createPureTransition } from '../src/engine/pure-transition.ts';
import type { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import type { Commit, Store } from '../src/store/store.ts';
import { untouchedOrder, type CeilingOptions } from './ceilings.ts';

export const phases = ['validation', 'load', 'restore', 'check', 'transition', 'record', 'commitHandoff', 'commitWrite', 'response'] as const;
export type Phase = (typeof phases)[number];

const effects = new Set<string>(effectActions);

/**
 * Sends SUPPLIER_CONTACTED (with a note) to random untouched orders for `seconds`, timing each
 * step. On SQLite, `commitWrite` is the time the writer spends inside commit transactions (SQL and
 * fsync) divided by the events: with group commit one fsync is shared by a batch. In writer-thread
 * mode that time is spent on the writer thread, and the event loop pays only `commitHandoff`
 * (posting the batch to the thread); in-process, the event loop is blocked for `commitWrite`.
 */
export async function breakdown(store: Store | SqliteStore, machine: OrderMachine, options: CeilingOptions) {
  const writerStats = 'writerStats' in store ? () => store.writerStats() : undefined;
  const statsBefore = await writerStats?.();
  const transition = createPureTransition(machine); // as the engine does
  const totals = Object.fromEntries(phases.map((p) => [p, 0])) as Record<Phase, number>;
  let events = 0;
  let commitWaitMs = 0;
  const end = performance.now() + options.seconds * 1000;
  const worker = async (k: number) => {
    while (performance.now() < end) {
      const orderId = untouchedOrder(options, k, options.connections);
      let t = performance.now();
      const lap = (phase: Phase) => {
        const now = performance.now();
        totals[phase] += now - t;
        t = now;
      };
      const type = 'SUPPLIER_CONTACTED';
      const body = JSON.parse('{"note":"asked the supplier to expedite"}');
      if (!isClientEventType(type)) throw new Error('unknown type');
      const parsed = clientEventSchemas[type].safeParse(body);
      if (!parsed.success) throw new Error('invalid');
      lap('validation');
      // The read is synchronous inside getOrder (better-sqlite3), so this times the read and JSON.parse.
      const pending = store.getOrder(orderId);
      lap('load');
      const record = (await pending)!;
      t = performance.now();
      const snapshot = restore(machine, record.snapshot);
      lap('restore');
      const now = Date.now();
      const event = { ...parsed.data, type, receivedAt: now } as OrderEvent;
      if (checkAgainstOrder(snapshot.context, event).length > 0 || !snapshot.can(event)) throw new Error('refused');
      lap('check');
      const [next, actions] = transition(snapshot, event);
      lap('transition');
      const armed = armedDeadlines(next);
      const order = { ...record, version: record.version + 1, state: statePath(next.value), snapshot: persist(machine, next), nextDeadlineAt: armed[0]?.dueAt ?? null, updatedAt: now };
      const commit: Commit = {
        order,
        expectedVersion: record.version,
        history: { orderId, seq: order.version, type, payload: parsed.data, fromState: record.state, toState: order.state, at: now, idempotencyKey: null, source: 'client', dueAt: null },
        outbox: actions.filter((a) => effects.has(a.type)).map((a) => ({ id: crypto.randomUUID(), orderId, seq: order.version, action: a.type, payload: a.params ?? {}, createdAt: now })),
        timers: armed.map((d) => ({ orderId, name: d.name, event: d.event, dueAt: d.dueAt })),
      };
      lap('record');
      const waitStarted = performance.now();
      await store.commit(commit);
      commitWaitMs += performance.now() - waitStarted;
      t = performance.now();
      JSON.stringify(orderView(order, next, acceptedEvents(next, now)));
      lap('response');
      events++;
    }
  };
  await Promise.all(Array.from({ length: options.connections }, (_, k) => worker(k)));
  const statsAfter = await writerStats?.();
  await store.close();
  // Without SQLite's timing (PostgreSQL commits on the server, off this event loop) the column shows the wait.
  totals.commitWrite = statsAfter && statsBefore ? statsAfter.transactionMs - statsBefore.transactionMs : commitWaitMs;
  totals.commitHandoff = (statsAfter?.handoffMs ?? 0) - (statsBefore?.handoffMs ?? 0);
  const transactions = statsAfter && statsBefore ? statsAfter.transactions - statsBefore.transactions : events;
  const perEventUs = Object.fromEntries(phases.map((p) => [p, (totals[p] * 1000) / events])) as Record<Phase, number>;
  return { events, perEventUs, eventsPerBatch: events / Math.max(1, transactions), commitWaitMs: commitWaitMs / events };
}
