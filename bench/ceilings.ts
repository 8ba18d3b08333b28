/**
 * The ceilings the full event path is compared with, measured in the same run: the storage
 * ceiling (the commit without HTTP or XState) and the XState ceiling (restore + transition).
 */
import { transition } from 'xstate';
import type { MachineVersion, PersistedSnapshot } from '../src/engine/hosted-machine.ts';
import { restore } from '../src/engine/snapshots.ts';
import type { Commit, TimerEntry } from '../src/store/records.ts';
import type { Store } from '../src/store/store.ts';
import { benchOrderId } from './preload.ts';

export interface CeilingOptions {
  orders: number;
  /** Lifecycle position of each order (0: never sent an event); only untouched orders are used. */
  positions: Uint32Array;
  connections: number;
  seconds: number;
  /** The timers of a freshly created order (of any id: each commit re-addresses them to its order). */
  creationTimers: readonly TimerEntry[];
}

/**
 * A random untouched order in the share of worker `k` of `workers`, so no two workers race on one;
 * undefined when the event phase touched them all (a tiny `--orders`): that worker's loop ends.
 */
export function untouchedOrder({ orders, positions }: Pick<CeilingOptions, 'orders' | 'positions'>, k: number, workers: number): string | undefined {
  const share = Math.floor((orders - 1 - k) / workers) + 1;
  for (let tries = 0; tries < 1000; tries++) {
    const i = k + workers * Math.floor(Math.random() * share);
    if (positions[i] === 0) return benchOrderId(i);
  }
  for (let i = k; i < orders; i += workers) if (positions[i] === 0) return benchOrderId(i);
  return undefined;
}

/**
 * The storage ceiling: `connections` concurrent loops, each loading an order and committing the
 * next version with a history row (compare-and-swap update, as the engine does), on random
 * untouched orders. The event written is SUPPLIER_CONTACTED without a note, which an order
 * awaiting shipment takes without changing its snapshot, so the stored history stays true.
 */
export async function storageCeiling(store: Store, options: CeilingOptions) {
  const end = performance.now() + options.seconds * 1000;
  let commits = 0;
  const worker = async (k: number) => {
    while (performance.now() < end) {
      const id = untouchedOrder(options, k, options.connections);
      if (!id) break;
      const record = (await store.getOrder(id))!;
      const now = Date.now();
      const version = record.version + 1;
      const commit: Commit = {
        order: { ...record, version, updatedAt: now },
        expectedVersion: record.version,
        history: {
          orderId: id, seq: version, type: 'SUPPLIER_CONTACTED', payload: {}, fromState: record.state, toState: record.state, at: now,
          idempotencyKey: null, source: 'client', dueAt: null, machineVersion: record.snapshot.machine.version,
        },
        outbox: [],
        timers: options.creationTimers.map((t) => ({ ...t, orderId: id })),
      };
      await store.commit(commit);
      commits++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.connections }, (_, k) => worker(k)));
  return { commitsPerSecond: commits / ((performance.now() - started) / 1000), commits };
}

/** The XState ceiling: restore a stored snapshot and apply one event, in a tight loop. */
export function xstateCeiling(version: MachineVersion, stored: PersistedSnapshot, seconds: number) {
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  let transitions = 0;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) {
      const snapshot = restore(version, stored);
      const event = { type: 'SHIPPED', carrier: 'SF Express', trackingNumber: 'SF1000001', receivedAt: Date.now() };
      const [next] = transition(version.machine, snapshot, event);
      if (next.value === snapshot.value) throw new Error('the XState ceiling event was not taken');
    }
    transitions += 100;
  }
  return { transitionsPerSecond: transitions / ((performance.now() - started) / 1000), transitions };
}
