/**
 * Where one event's time goes: the steps of `engine.send` (src/engine/engine.ts) replayed with
 * a timer around each, on the bench database, `connections` events at a time. Keep it in step
 * with the engine when the engine changes.
 */
import { currentVersion, type HostedMachine } from '../src/engine/hosted-machine.ts';
import { instanceView } from '../src/engine/instance-view.ts';
import { nextCommit } from '../src/engine/next-commit.ts';
import { createPureTransition } from '../src/engine/pure-transition.ts';
import { restore, versionOf } from '../src/engine/snapshots.ts';
import type { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../src/store/store.ts';
import { untouchedOrder, type CeilingOptions } from './ceilings.ts';

export const phases = ['validation', 'load', 'restore', 'check', 'transition', 'record', 'commitWrite', 'response'] as const;
export type Phase = (typeof phases)[number];

/**
 * Sends SUPPLIER_CONTACTED (with a note) to random untouched orders for `seconds`, timing each
 * step. On SQLite, `commitWrite` is the time the writer spends inside commit transactions (SQL and
 * fsync) divided by the events: with group commit one fsync is shared by a batch, and the event
 * loop is blocked for it.
 */
export async function breakdown(store: Store | SqliteStore, hosted: HostedMachine, options: CeilingOptions) {
  const writerStats = 'writerStats' in store ? () => store.writerStats() : undefined;
  const statsBefore = await writerStats?.();
  const current = currentVersion(hosted);
  const transition = createPureTransition(current.machine); // as the engine does
  const totals = Object.fromEntries(phases.map((p) => [p, 0])) as Record<Phase, number>;
  let events = 0;
  let commitWaitMs = 0;
  const end = performance.now() + options.seconds * 1000;
  const worker = async (k: number) => {
    while (performance.now() < end) {
      const orderId = untouchedOrder(options, k, options.connections);
      if (!orderId) break;
      let t = performance.now();
      const lap = (phase: Phase) => {
        const now = performance.now();
        totals[phase] += now - t;
        t = now;
      };
      const type = 'SUPPLIER_CONTACTED';
      const body = JSON.parse('{"note":"asked the supplier to expedite"}');
      const schema = current.eventSchemas[type];
      if (!schema) throw new Error('unknown type');
      const parsed = schema.safeParse(body);
      if (!parsed.success) throw new Error('invalid');
      lap('validation');
      // The read is synchronous inside getOrder (better-sqlite3), so this times the read and JSON.parse.
      const pending = store.getOrder(orderId);
      lap('load');
      const record = (await pending)!;
      t = performance.now();
      const version = versionOf(hosted, record.snapshot);
      const snapshot = restore(version, record.snapshot);
      lap('restore');
      const now = Date.now();
      const event = { ...(parsed.data as object), type, receivedAt: now };
      if (version.check(snapshot, event).length > 0 || !snapshot.can(event)) throw new Error('refused');
      lap('check');
      const [next, actions] = transition(snapshot, event);
      lap('transition');
      const armed = version.armedDeadlines(next);
      const applied = { type, payload: parsed.data, at: now, idempotencyKey: null, source: 'client' as const, dueAt: null };
      const commit = nextCommit({ hosted, version, prev: record, id: orderId, createHash: record.createHash, next, armed, actions, event: applied });
      const order = commit.order;
      lap('record');
      const waitStarted = performance.now();
      await store.commit(commit);
      commitWaitMs += performance.now() - waitStarted;
      t = performance.now();
      JSON.stringify(instanceView(order, version, next, armed, version.acceptedEvents(next, now)));
      lap('response');
      events++;
    }
  };
  await Promise.all(Array.from({ length: options.connections }, (_, k) => worker(k)));
  const statsAfter = await writerStats?.();
  await store.close();
  // Without SQLite's timing (PostgreSQL commits on the server, off this event loop) the column shows the wait.
  totals.commitWrite = statsAfter && statsBefore ? statsAfter.transactionMs - statsBefore.transactionMs : commitWaitMs;
  const transactions = statsAfter && statsBefore ? statsAfter.transactions - statsBefore.transactions : events;
  const perEventUs = Object.fromEntries(phases.map((p) => [p, (totals[p] * 1000) / events])) as Record<Phase, number>;
  return { events, perEventUs, eventsPerBatch: events / Math.max(1, transactions), commitWaitMs: commitWaitMs / events };
}
