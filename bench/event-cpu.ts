/**
 * The event path's CPU cost in one process, without sockets: the service as bench/server.ts builds
 * it (observability on, access lines to a file; `--observability off`: warnings only, no access line, no
 * metrics, as `npm run bench -- --observability off`), on a fresh SQLite file, driven through
 * `app.fetch` by `--connections` concurrent callers with the load generator's mix (85% the order's
 * next lifecycle event, 10% refused, 5% invalid). Prints the process's CPU per event (all threads)
 * and events/s. Quicker and steadier than `npm run bench` for A/B of a change to the engine, the
 * store or the routes; it leaves out HTTP parsing and socket writes (the HTTP ceiling's share).
 *
 *   npx tsx bench/event-cpu.ts [--orders 10000] [--events 20000] [--warmup 5000] [--connections 50] [--repeat 3]
 *                                [--observability on|off] [--machine-version N] [--profile DIR]
 *
 * `--machine-version N` hosts the order machine's versions up to N only, so orders are created and
 * driven on version N: with 1, the host of today runs the machine that 35bb4e2 ran (issue 11's
 * before/after of the host, apart from what version 2's machine costs).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { orderMachine } from '../machines/order/index.ts';
import { createApp } from '../src/app.ts';
import { loadCalendar } from '../src/calendar/load-calendar.ts';
import { workingDaysCounter } from '../src/calendar/working-days.ts';
import { systemClock } from '../src/clock.ts';
import { createLogger } from '../src/logger.ts';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite-store.ts';
import { createMetrics } from '../src/telemetry/metrics.ts';
import { cpuPerAsync } from './cpu-time.ts';
import { hostedUpTo } from './hosted-up-to.ts';
import { benchOrderId, preloadOrders } from './preload.ts';
import { bodies, invalid, refused, stepAfter } from './lifecycle.ts';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '10000' },
    events: { type: 'string', default: '20000' },
    warmup: { type: 'string', default: '5000' },
    connections: { type: 'string', default: '50' },
    repeat: { type: 'string', default: '3' },
    observability: { type: 'string', default: 'on' },
    'machine-version': { type: 'string' },
    profile: { type: 'string' },
  },
});
const orders = Number(values.orders);
const connections = Number(values.connections);
if (values.observability !== 'on' && values.observability !== 'off') throw new Error('--observability is on or off');
const observed = values.observability === 'on';



const dir = mkdtempSync(join(tmpdir(), 'aftersales-event-cpu-'));
try {
  const store = await openSqliteStore(join(dir, 'bench.db'));
  const machine = hostedUpTo(orderMachine({ addWorkingDays: workingDaysCounter(loadCalendar()) }), values['machine-version']);
  await preloadOrders(store, orders, { machine });
  const logger = createLogger({ level: observed ? 'info' : 'warn', pretty: false, destination: pino.destination({ dest: join(dir, 'server.log'), sync: false }) });
  const observability = observed ? { metrics: createMetrics(), accessLog: true } : { accessLog: false };
  const app = createApp({ store, clock: systemClock, logger, machine, ...observability });
  const positions = new Uint32Array(orders);
  const tally = { 200: 0, 409: 0, 422: 0, other: 0 };

  /** Each caller owns the orders congruent to its number, so no two race on one order. */
  async function caller(k: number, count: number) {
    const perCaller = Math.floor((orders - 1 - k) / connections) + 1;
    for (let i = 0; i < count; i++) {
      const order = k + connections * Math.floor(Math.random() * perCaller);
      const roll = Math.random();
      const [body, expect] = roll < 0.05 ? [invalid, 422] : roll < 0.15 ? [refused, 409] : [bodies[stepAfter(positions[order]!)]!, 200];
      const res = await app.fetch(new Request(`http://bench/orders/${benchOrderId(order)}/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }, body }));
      await res.text();
      if (res.status === expect) {
        tally[expect as 200 | 409 | 422]++;
        if (expect === 200) positions[order]!++;
      } else tally.other++;
    }
  }
  const phase = async (events: number) => {
    const n = Math.ceil(events / connections) * connections;
    let wallMs = 0;
    const cpu = await cpuPerAsync(async () => {
      const started = performance.now();
      await Promise.all(Array.from({ length: connections }, (_, k) => caller(k, Math.ceil(events / connections))));
      wallMs = performance.now() - started;
      return n;
    });
    return { cpuUsPerEvent: cpu.us, userUs: cpu.userUs, systemUs: cpu.systemUs, eventsPerSecond: (n * 1000) / wallMs };
  };
  await phase(Number(values.warmup));
  const results: Awaited<ReturnType<typeof phase>>[] = [];
  // --profile DIR: the V8 profile of the measured phases only (not the preload or the warm-up).
  const profiler = values.profile ? await import('./profiler.ts') : undefined;
  await profiler?.startProfile();
  for (let r = 0; r < Number(values.repeat); r++) results.push(await phase(Number(values.events)));
  const profile = profiler && (await profiler.stopProfile(values.profile!));
  const med = (f: (x: (typeof results)[number]) => number) => results.map(f).sort((a, b) => a - b)[Math.floor(results.length / 2)]!;
  const show = (x: number) => x.toFixed(1);
  process.stdout.write(
    `${JSON.stringify({
      cpuUsPerEvent: show(med((r) => r.cpuUsPerEvent)),
      user: show(med((r) => r.userUs)),
      system: show(med((r) => r.systemUs)),
      eventsPerSecond: Math.round(med((r) => r.eventsPerSecond)),
      runs: results.map((r) => show(r.cpuUsPerEvent)),
      tally,
      ...(profile ? { profile, profiledRequests: Math.ceil(Number(values.events) / connections) * connections * results.length } : {}),
    })}\n`,
  );
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
