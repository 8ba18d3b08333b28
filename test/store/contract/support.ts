import { afterEach } from 'vitest';
import type { PersistedSnapshot } from '../../../src/engine/hosted-machine.ts';
import type { Commit, OrderRecord, TimerEntry } from '../../../src/store/records.ts';
import type { Store } from '../../../src/store/store.ts';

/** What each port's contract suite is given: a factory of migrated, empty stores (closed after each test). */
export interface ContractOptions {
  /** Shown in the test names. */
  name: string;
  create: () => Promise<Store>;
}

// Epoch ms beyond 32 bits, as real times are.
export const T0 = Date.parse('2026-03-02T01:00:00Z');
export const MIN = 60_000;

/** A stored snapshot for the store's sake: the store reads only its machine version. */
export const snapshotOf = (state: string, note = ''): PersistedSnapshot => ({
  machine: { id: 'order', version: 1 }, status: 'active', value: state, historyValue: {}, context: { note },
});

export interface Step {
  state?: string;
  timers?: { name: string; dueAt: number }[];
  outbox?: { action: string; payload?: unknown }[];
  idempotencyKey?: string;
  /** A record of the key created before this time has expired (default: none has, the retention is long). */
  expiredBefore?: number;
  payload?: unknown;
  at?: number;
  note?: string;
  /** The order's list flags after this step; absent: as an order stored before the store kept them (none written). */
  listFlags?: string[];
}

/** A commit that moves `prev` (or nothing, on creation) one version on. */
export function commitAfter(id: string, prev: OrderRecord | null, step: Step = {}, expectedVersion = prev?.version ?? null): Commit {
  const version = (prev?.version ?? 0) + 1;
  const at = step.at ?? T0 + version * MIN;
  const state = step.state ?? prev?.state ?? 'preShipment.processing.awaitingShipment';
  const timers: TimerEntry[] = (step.timers ?? []).map((t) => ({ orderId: id, name: t.name, event: `TIMER.${t.name}`, dueAt: t.dueAt }));
  const order: OrderRecord = {
    id,
    version,
    state,
    snapshot: snapshotOf(state, step.note),
    createHash: prev?.createHash ?? `hash-${id}`,
    nextDeadlineAt: timers.length ? Math.min(...timers.map((t) => t.dueAt)) : null,
    ...(step.listFlags ? { listFlags: step.listFlags } : {}),
    createdAt: prev?.createdAt ?? at,
    updatedAt: at,
  };
  return {
    order,
    expectedVersion,
    history: {
      orderId: id, seq: version, type: prev ? 'SUPPLIER_CONTACTED' : 'ORDER_CREATED', payload: step.payload ?? { n: version },
      fromState: prev?.state ?? null, toState: state, at, idempotencyKey: step.idempotencyKey ?? null, source: 'client', dueAt: null, machineVersion: 1,
    },
    outbox: (step.outbox ?? []).map((o, i) => ({ id: `${id}-${version}-${i}`, orderId: id, seq: version, action: o.action, payload: o.payload ?? {}, createdAt: at })),
    timers,
    ...(step.listFlags ? { listFlags: step.listFlags } : {}),
    ...(step.idempotencyKey
      ? { idempotency: { orderId: id, key: step.idempotencyKey, requestHash: `rh-${version}`, status: 200, response: { version, state }, createdAt: at, expiredBefore: step.expiredBefore ?? 0 } }
      : {}),
  };
}

/** Creates an order and applies `steps`, each as one commit; answers the last record. */
export async function seed(store: Store, id: string, ...steps: Step[]) {
  let prev: OrderRecord | null = null;
  for (const step of [{}, ...steps]) {
    const c = commitAfter(id, prev, step);
    await store.commit(c);
    prev = c.order;
  }
  return prev!;
}

/** Fresh stores for the tests of a `describe`, each closed after its test. */
export function freshStores(create: () => Promise<Store>) {
  const open: Store[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  return async () => {
    const store = await create();
    open.push(store);
    return store;
  };
}
