/**
 * The engine's CPU per event alone: `engine.send` on orders kept in a `Map` (no SQLite, no HTTP), with
 * the bench's orders and mix (`--connections` concurrent callers, 85% the order's next lifecycle event,
 * 10% refused, 5% invalid). Each commit keeps the order's record as JSON text and each load parses it,
 * as the SQLite store does, and resolves at once. What `event-cpu.ts` measures less the store and the
 * HTTP layer: for A/B of a change to the engine, the snapshots or the machine's view, steadier than
 * the whole path on a busy machine. Prints CPU µs per event (all threads), median of `--repeat` phases.
 *
 *   npx tsx bench/engine-cpu.ts [--orders 10000] [--events 20000] [--warmup 20000] [--connections 50] [--repeat 5] [--machine-version N]
 */
import { parseArgs } from 'node:util';
import { orderMachine } from '../machines/order/index.ts';
import { loadCalendar } from '../src/calendar/load-calendar.ts';
import { workingDaysCounter } from '../src/calendar/working-days.ts';
import { systemClock } from '../src/clock.ts';
import { createEngine } from '../src/engine/engine.ts';
import type { EngineStore } from '../src/store/engine-store.ts';
import type { Commit, OrderRecord } from '../src/store/records.ts';
import { VersionConflictError } from '../src/store/store.ts';
import { cpuPerAsync } from './cpu-time.ts';
import { hostedUpTo } from './hosted-up-to.ts';
import { lifecycle, stepAfter } from './lifecycle.ts';
import { benchOrderId, creationCommits } from './preload.ts';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '10000' },
    events: { type: 'string', default: '20000' },
    warmup: { type: 'string', default: '20000' },
    connections: { type: 'string', default: '50' },
    repeat: { type: 'string', default: '5' },
    'machine-version': { type: 'string' },
  },
});
const orders = Number(values.orders);
const connections = Number(values.connections);

/** Orders as JSON text by id: a load parses, a commit stringifies (as the SQLite store's row mapping does). */
const rows = new Map<string, string>();
const versions = new Map<string, number>();
const store = {
  async getOrder(id: string) {
    const text = rows.get(id);
    return text === undefined ? undefined : (JSON.parse(text) as OrderRecord);
  },
  async getIdempotency() {
    return undefined;
  },
  async commit(c: Commit) {
    if ((versions.get(c.order.id) ?? null) !== c.expectedVersion) throw new VersionConflictError(c.order.id);
    versions.set(c.order.id, c.order.version);
    rows.set(c.order.id, JSON.stringify(c.order));
    JSON.stringify(c.history.payload);
  },
} as unknown as EngineStore;

const machine = hostedUpTo(orderMachine({ addWorkingDays: workingDaysCounter(loadCalendar()) }), values['machine-version']);
const commitFor = await creationCommits(Date.now(), machine);
for (let i = 0; i < orders; i++) await store.commit(commitFor(benchOrderId(i)));
const engine = createEngine({ store, clock: systemClock, machine });
const positions = new Uint32Array(orders);
const tally = { 200: 0, 409: 0, 422: 0, other: 0 };
const refused: [string, unknown] = ['REFUND_ISSUED', { amount: 100 }];
const invalid: [string, unknown] = ['SHIPPED', { carrier: 'SF Express' }];

/** Each caller owns the orders congruent to its number, so no two race on one order. */
async function caller(k: number, count: number) {
  const perCaller = Math.floor((orders - 1 - k) / connections) + 1;
  for (let i = 0; i < count; i++) {
    const order = k + connections * Math.floor(Math.random() * perCaller);
    const roll = Math.random();
    const [[type, payload], expect] = roll < 0.05 ? [invalid, 422] : roll < 0.15 ? [refused, 409] : [lifecycle[stepAfter(positions[order]!)]!, 200];
    let status = 200;
    try {
      await engine.send(benchOrderId(order), type, payload);
    } catch (error) {
      status = (error as { problem?: { status?: number } }).problem?.status ?? 500;
    }
    if (status === expect) {
      tally[expect as 200 | 409 | 422]++;
      if (expect === 200) positions[order]!++;
    } else tally.other++;
  }
}
const phase = async (events: number) => {
  const cpu = await cpuPerAsync(async () => {
    await Promise.all(Array.from({ length: connections }, (_, k) => caller(k, Math.ceil(events / connections))));
    return Math.ceil(events / connections) * connections;
  });
  return cpu.us;
};
await phase(Number(values.warmup));
const runs: number[] = [];
for (let r = 0; r < Number(values.repeat); r++) runs.push(await phase(Number(values.events)));
const median = [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
process.stdout.write(`${JSON.stringify({ cpuUsPerEvent: median.toFixed(1), runs: runs.map((r) => r.toFixed(1)), tally })}\n`);
