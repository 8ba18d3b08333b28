/**
 * The service as the bench runs it: the same wiring as src/main.ts (the store that DATABASE_URL
 * or DATABASE_FILE names, holiday calendar, timer sweeper, @hono/node-server), plus one trivial
 * route for the HTTP ceiling. Logs and metrics are on unless BENCH_OBSERVABILITY=off.
 * Prints one JSON line `{ "port", "pid" }` on stdout when it listens; stops on SIGTERM.
 */
import { serve } from '@hono/node-server';
import { pino } from 'pino';
import { orderMachine } from '../machines/order/index.ts';
import { createApp } from '../src/app.ts';
import { loadCalendar } from '../src/calendar/load-calendar.ts';
import { workingDaysCounter } from '../src/calendar/working-days.ts';
import { systemClock } from '../src/clock.ts';
import { createLogger } from '../src/logger.ts';
import { openStore } from '../src/store/open-store.ts';
import { createMetrics } from '../src/telemetry/metrics.ts';
import type { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { hostedUpTo } from './hosted-up-to.ts';

const file = process.env.DATABASE_FILE;
if (!file) throw new Error('bench/server.ts needs DATABASE_FILE (and DATABASE_URL for PostgreSQL)');

const calendar = loadCalendar();
const { store } = await openStore({ DATABASE_FILE: file, DATABASE_URL: process.env.DATABASE_URL });
// BENCH_MACHINE_VERSION=N: the order machine's versions up to N only (`npm run bench -- --machine-version N`).
const machine = hostedUpTo(orderMachine({ addWorkingDays: workingDaysCounter(calendar) }), process.env.BENCH_MACHINE_VERSION);
// BENCH_OBSERVABILITY=on: as production runs (an info line per request, written to BENCH_LOG_FILE,
// and every metric observed); off: warnings only, no access line, no metrics (the baseline).
const observed = process.env.BENCH_OBSERVABILITY !== 'off';
const logFile = process.env.BENCH_LOG_FILE;
const destination = logFile ? pino.destination({ dest: logFile, sync: false, mkdir: true }) : undefined;
const logger = createLogger({ level: observed ? 'info' : 'warn', pretty: false, ...(destination ? { destination } : {}) });
const observability = observed ? { metrics: createMetrics(), accessLog: true } : { accessLog: false };
// No rateLimit, Host check or stream cap (main sets them from the environment): the load comes from one
// client without a key at thousands of requests per second, and must not be throttled.
const app = createApp({ store, clock: systemClock, logger, machine, ...observability });

// The HTTP ceiling: the same middleware and server, a handler that reads the body and answers.
app.post('/bench/noop', async (c) => {
  await c.req.json();
  return c.json({ ok: true });
});

// What the SQLite writer has done so far (transactions, time inside them), read before and after a phase.
app.get('/bench/writer', async (c) => {
  const loop = performance.eventLoopUtilization();
  const stats = 'writerStats' in store ? await (store as SqliteStore).writerStats() : undefined;
  return c.json({ ...stats, loopActiveMs: loop.active, loopIdleMs: loop.idle });
});

// BENCH_PROFILE_DIR: the event loop's CPU profile of one phase, started and stopped by the bench
// (`npm run bench -- --profile DIR`), written there as a .cpuprofile.
const profileDir = process.env.BENCH_PROFILE_DIR;
if (profileDir) {
  const { startProfile, stopProfile } = await import('./profiler.ts');
  app.post('/bench/profile/start', async (c) => c.json(await startProfile()));
  app.post('/bench/profile/stop', async (c) => c.json({ file: await stopProfile(profileDir) }));
}

app.sweeper.start();
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port, pid: process.pid })}\n`);
});

process.on('SIGTERM', () => {
  void app.sweeper.stop().then(() =>
    server.close(() => {
      void store.close().then(() => process.exit(0));
    }),
  );
});
