import { readFileSync } from 'node:fs';
import { orderMachine, sampleOrder } from '../machines/order/index.ts';
import { createEngine } from '../src/engine/engine.ts';
import { requestHash } from '../src/engine/hash.ts';
import type { HostedMachine } from '../src/engine/hosted-machine.ts';
import type { Commit } from '../src/store/records.ts';
import type { Store } from '../src/store/store.ts';

const DAY = 86_400_000;

/** The id of the i-th preloaded order. */
export const benchOrderId = (i: number) => `b-${i}`;

/** The creation body of a preloaded order; shipBy lies a month ahead so no timer falls due during a run. */
export function benchOrderInput(id: string, now: number) {
  // International: the bench's lifecycle passes customs, which version 2 takes only for international parcels (R13).
  return sampleOrder({ id, scope: 'international', shipBy: new Date(now + 30 * DAY).toISOString() });
}

/**
 * The commit the engine makes to create one order: captured once from the engine itself (its
 * initial transition, record, history row and timers), then re-addressed to each order id.
 */
export async function creationCommits(now: number, machine: HostedMachine = orderMachine()) {
  let captured: Commit | undefined;
  const capture = { commit: async (c: Commit) => void (captured = c), getOrder: async () => undefined } as unknown as Store;
  const engine = createEngine({ store: capture, clock: { now: () => now }, machine });
  await engine.createOrder(benchOrderInput(benchOrderId(0), now));
  const template = captured!;
  return (id: string): Commit => {
    const input = benchOrderInput(id, now);
    return {
      ...template,
      order: { ...template.order, id, createHash: requestHash(input), snapshot: { ...template.order.snapshot, context: { ...(template.order.snapshot.context as object), orderId: id } } },
      history: { ...template.history, orderId: id, payload: input },
      outbox: template.outbox.map((e) => ({ ...e, id: crypto.randomUUID(), orderId: id })),
      timers: template.timers.map((t) => ({ ...t, orderId: id })),
    };
  };
}

/**
 * Preloads `count` orders through `store.commit`, `batch` at a time: with group commit each
 * batch is one transaction, so a million orders take minutes, not hours. Created on `machine`'s
 * newest version (default: the order machine as the service hosts it).
 */
export async function preloadOrders(
  store: Store,
  count: number,
  { batch = 5000, now = Date.now(), onProgress, machine }: { batch?: number; now?: number; onProgress?: (done: number) => void; machine?: HostedMachine } = {},
) {
  const commitFor = await creationCommits(now, machine);
  for (let start = 0; start < count; start += batch) {
    const end = Math.min(count, start + batch);
    const commits: Promise<void>[] = [];
    for (let i = start; i < end; i++) commits.push(store.commit(commitFor(benchOrderId(i))));
    await Promise.all(commits);
    onProgress?.(end);
  }
}

/**
 * The orders' lifecycle positions kept in `file`. A small file's Buffer is a view into Node's shared
 * pool, so the bytes are copied out of their own range rather than taken as `.buffer`.
 */
export function readPositions(file: string): Uint32Array {
  const bytes = readFileSync(file);
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}
