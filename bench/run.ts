/**
 * `npm run bench`: the event path against its ceilings, in one run on this machine.
 *
 *   npm run bench -- [--orders 10000] [--duration 10] [--warmup 3] [--connections 50] [--runs 1] [--json]
 *                    [--observability on|off] [--profile DIR] [--instances 1|2] [--machine-version N]
 *
 * `--observability on` (the default) runs the service as production does: an access line per request
 * at info (written to a file in the bench folder) and Prometheus metrics observed; `off` drops both,
 * the baseline for their cost (tracing stays off in both, as it is unless configured).
 * `--machine-version N` hosts the order machine's versions up to N only, so orders are created and
 * driven on version N (1: the machine 35bb4e2 ran, for issue 11's before/after of the host alone).
 * `--profile DIR` writes the service's CPU profile of each run's measured event phase into DIR (a
 * .cpuprofile; `npx tsx bench/profile-summary.ts FILE` summarises it); sampling costs the service some
 * CPU, so the figures of a profiled run are not comparable with unprofiled ones.
 *
 * On PostgreSQL (`--instances 2`, the default there), each run also starts two services on the one
 * database and drives both at once, each from a load generator of its own (`--connections` each, on
 * disjoint orders), and measures the database's raw transaction ceiling (one-row UPDATEs, one
 * transaction each, from as many clients as one service's pool and as the load's connections).
 *
 * Preloads the orders into a fresh SQLite database (or, with DATABASE_URL, a fresh PostgreSQL
 * database beside the one it names, dropped at the end), then for each run: starts the service as its
 * own process, measures the HTTP ceiling and the full event path with autocannon from another
 * process, reads the server's peak RSS, stops it, and measures the storage and XState ceilings
 * and the per-step breakdown in this process. Prints medians over the runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { orderMachine } from '../machines/order/index.ts';
import { currentVersion } from '../src/engine/hosted-machine.ts';
import { loadCalendar } from '../src/calendar/load-calendar.ts';
import { workingDaysCounter } from '../src/calendar/working-days.ts';
import { breakdown, phases } from './breakdown.ts';
import { storageCeiling, xstateCeiling, type CeilingOptions } from './ceilings.ts';
import { freshDatabase } from './database.ts';
import { hostedUpTo } from './hosted-up-to.ts';
import { rawTransactionCeiling } from './transaction-ceiling.ts';
import type { WriterStats } from '../src/store/sqlite/sqlite-writer.ts';
import { benchOrderId, creationCommits, preloadOrders, readPositions } from './preload.ts';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '10000' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    runs: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    observability: { type: 'string', default: 'on' },
    profile: { type: 'string' },
    instances: { type: 'string' },
    'machine-version': { type: 'string' },
  },
});
const orders = Number(values.orders);
const duration = Number(values.duration);
const connections = Number(values.connections);
const runs = Number(values.runs);
const say = (line: string) => process.stderr.write(`${line}\n`);
const root = new URL('..', import.meta.url).pathname;
if (values.observability !== 'on' && values.observability !== 'off') throw new Error('--observability is on or off');
const observability = values.observability;


function node(script: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(root, script), ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
}

/** The services of the run in progress, killed if the bench fails before it stops them. */
const serving = new Set<ChildProcess>();

async function startServer(env: Record<string, string>) {
  const child = node('bench/server.ts', [], env);
  serving.add(child);
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the bench server exited with ${code}`)));
  });
  const { port, pid } = JSON.parse(first) as { port: number; pid: number };
  return { child, url: `http://127.0.0.1:${port}`, pid };
}

async function stopServer(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
  serving.delete(child);
}

/** CPU time (ms) of each thread of a process: `main` (the event loop) and the others by thread id. */
const threadCpuMs = (pid: number) => {
  const byName: Record<string, number> = {};
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      byName[tid === String(pid) ? 'main' : tid] = ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    } catch {
      // the thread ended meanwhile
    }
  }
  return byName;
};

/** The SQLite writer's counters in the service (null on PostgreSQL). */
const writerStats = async (url: string) => (await (await fetch(`${url}/bench/writer`)).json()) as Partial<WriterStats> & { loopActiveMs: number; loopIdleMs: number };

/**
 * CPU time (ms) of the PostgreSQL processes that serve the bench's database (the server is local):
 * its backends and the server's own processes (WAL writer, checkpointer, …), not other databases'
 * backends. A backend that ends during a phase takes its CPU time with it.
 */
async function databaseCpuMs(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT pid FROM pg_stat_activity WHERE (datname = current_database() OR datname IS NULL) AND pid <> pg_backend_pid()');
    let total = 0;
    for (const { pid } of rows as { pid: number }[]) {
      try {
        total += cpuMs(pid);
      } catch {
        // the process ended meanwhile
      }
    }
    return total;
  } finally {
    await client.end();
  }
}

/** A field of /proc/<pid>/status in kB, e.g. VmHWM (peak resident set). */
const procStatusKb = (pid: number, field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
/** CPU time (user + system) a process has used, in ms. */
const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks, 100 per second on Linux
};

async function load(url: string, mode: 'events' | 'noop', seconds: number, state: string, share = '0/1') {
  const child = node('bench/load.ts', ['--url', url, '--mode', mode, '--connections', String(connections), '--duration', String(seconds), '--warmup', '0', '--orders', String(orders), '--state', state, '--share', share]);
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the load generator exited with ${code}`);
  return JSON.parse(out) as LoadResult;
}
interface Medians {
  eventsPerSecond: number;
  acceptedEventsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  errors: number;
  serverPeakRssMb: number;
  serverCpuUsPerEvent: number;
  /** PostgreSQL: CPU of the database's processes per event. */
  databaseCpuUsPerEvent?: number;
  httpCeilingPerSecond: number;
  httpCeilingServerCpuUs: number;
  storageCeilingPerSecond: number;
  xstateCeilingPerSecond: number;
  ratioToHttp: number;
  ratioToStorage: number;
  ratioToXstate: number;
  breakdownUs: Record<string, number>;
  eventsPerCommitBatch: number;
  serverEventsPerCommitBatch: number;
  serverWriterUsPerEvent: number;
  serverWriterBusyShare: number;
  serverThreadCpuUs: { main: number; busiestOther: number; rest: number };
  serverLoopBusyShare: number;
  loadAverage: number;
  /** PostgreSQL: two services on one database, each driven at once (events/s, p99 ms, µs CPU per event, events per batch). */
  twoInstances?: { eventsPerSecond: number; acceptedPerSecond: number; databaseCpuUsPerEvent: number; each: { eventsPerSecond: number; p99: number; serverCpuUsPerEvent: number; eventsPerCommitBatch: number; errors: number }[] };
  /** PostgreSQL: one-row transactions per second, by clients. */
  rawTransactionsPerSecond?: Record<string, number>;
}
interface LoadResult { requestsPerSecond: number; acceptedPerSecond: number; requests: number; latencyMs: { p50: number; p99: number; max: number }; errors: number; statuses: unknown }

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const dir = mkdtempSync(join(tmpdir(), 'aftersales-bench-'));
const state = join(dir, 'positions.bin');
const database = await freshDatabase(dir);
const instances = Number(values.instances ?? (database.kind === 'postgres' ? 2 : 1));
if (instances !== 1 && instances !== 2) throw new Error('--instances is 1 or 2');
if (instances === 2 && database.kind !== 'postgres') throw new Error('--instances 2 needs DATABASE_URL (two instances share a PostgreSQL database)');
try {
  const calendar = loadCalendar();
  const machine = hostedUpTo(orderMachine({ addWorkingDays: workingDaysCounter(calendar) }), values['machine-version']); // as the service builds it
  const machineEnv: Record<string, string> = values['machine-version'] ? { BENCH_MACHINE_VERSION: values['machine-version'] } : {};
  const now = Date.now();
  const commitFor = await creationCommits(now, machine);
  const creationTimers = commitFor(benchOrderId(0)).timers;
  const stored = commitFor(benchOrderId(0)).order.snapshot;

  const started = performance.now();
  const { store } = await database.open();
  let lastReport = 0;
  await preloadOrders(store, orders, {
    now,
    machine,
    // PostgreSQL: 5,000 commits at once would wait for the pool's 10 connections longer than its connect timeout.
    ...(database.kind === 'postgres' ? { batch: 500 } : {}),
    onProgress: (done) => {
      if (performance.now() - lastReport > 5000 || done === orders) {
        lastReport = performance.now();
        say(`preloaded ${done} of ${orders} orders`);
      }
    },
  });
  await store.close();
  const preloadSeconds = (performance.now() - started) / 1000;
  writeFileSync(state, new Uint32Array(orders));

  /** One run: the service, its HTTP ceiling and event path, then the ceilings without HTTP. */
  async function measureRun(run: number) {
    say(`run ${run} of ${runs}: load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    const profileEnv: Record<string, string> = values.profile ? { BENCH_PROFILE_DIR: values.profile } : {};
    const server = await startServer({ ...database.config, ...profileEnv, ...machineEnv, BENCH_OBSERVABILITY: observability, BENCH_LOG_FILE: join(dir, `server-${run}.log`) });
    const rssAtStartKb = procStatusKb(server.pid, 'VmRSS');
    say(`  HTTP ceiling (POST /bench/noop), ${duration} s`);
    if (Number(values.warmup) > 0) await load(server.url, 'noop', Number(values.warmup), state);
    const httpCpuBefore = cpuMs(server.pid);
    const http = await load(server.url, 'noop', duration, state);
    const httpServerCpuUs = ((cpuMs(server.pid) - httpCpuBefore) * 1000) / http.requests;
    say(`  full event path (POST /orders/:id/events), ${duration} s`);
    if (Number(values.warmup) > 0) await load(server.url, 'events', Number(values.warmup), state);
    const cpuBefore = cpuMs(server.pid);
    const databaseCpuBefore = database.kind === 'postgres' ? await databaseCpuMs(database.config.DATABASE_URL) : 0;
    const writerBefore = await writerStats(server.url);
    const threadsBefore = threadCpuMs(server.pid);
    if (values.profile) await fetch(`${server.url}/bench/profile/start`, { method: 'POST' });
    const events = await load(server.url, 'events', duration, state);
    const serverCpuUsPerRequest = ((cpuMs(server.pid) - cpuBefore) * 1000) / events.requests;
    const databaseCpuUsPerRequest = database.kind === 'postgres' ? (((await databaseCpuMs(database.config.DATABASE_URL)) - databaseCpuBefore) * 1000) / events.requests : undefined;
    const writerAfter = await writerStats(server.url);
    const threadsAfter = threadCpuMs(server.pid);
    if (values.profile) say(`  profile: ${((await (await fetch(`${server.url}/bench/profile/stop`, { method: 'POST' })).json()) as { file: string }).file}`);
    // Server CPU per request: the event loop's thread, the busiest other thread, and all the rest
    // (GC, libuv helpers).
    const perThread = Object.entries(threadsAfter)
      .map(([name, ms]) => [name, ((ms - (threadsBefore[name] ?? 0)) * 1000) / events.requests] as const)
      .sort((a, b) => b[1] - a[1]);
    const others = perThread.filter(([name]) => name !== 'main');
    const threadCpuUsPerRequest = {
      main: perThread.find(([name]) => name === 'main')?.[1] ?? 0,
      busiestOther: others[0]?.[1] ?? 0,
      rest: others.slice(1).reduce((sum, [, us]) => sum + us, 0),
    };
    const accepted = events.acceptedPerSecond * duration;
    const w0 = writerBefore;
    const w1 = writerAfter;
    const serverWriter =
      w0.transactions !== undefined && w1.transactions !== undefined
        ? {
            eventsPerBatch: (w1.ops! - w0.ops!) / Math.max(1, w1.transactions - w0.transactions),
            transactionUsPerEvent: ((w1.transactionMs! - w0.transactionMs!) * 1000) / accepted,
            writerBusyShare: (w1.transactionMs! - w0.transactionMs!) / (duration * 1000),
          }
        : undefined;
    // Event-loop utilisation of the service's main thread during the phase (1 = never idle).
    const loopBusyShare = (w1.loopActiveMs - w0.loopActiveMs) / (w1.loopActiveMs - w0.loopActiveMs + (w1.loopIdleMs - w0.loopIdleMs));
    const peakRssKb = procStatusKb(server.pid, 'VmHWM');
    await stopServer(server.child);
    const logFile = join(dir, `server-${run}.log`);
    const logLines = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').filter(Boolean).length : 0;
    say(`  the service wrote ${logLines} log lines (observability ${observability})`);

    const twoInstances = instances === 2 ? await measureTwoInstances(run) : undefined;
    const rawTransactions: { clients: number; transactionsPerSecond: number }[] | undefined = database.kind === 'postgres' ? [] : undefined;
    if (database.kind === 'postgres') {
      say('  raw transaction ceiling (one-row UPDATEs, one transaction each)');
      for (const clients of [10, connections]) rawTransactions!.push({ clients, ...(await rawTransactionCeiling(database.config.DATABASE_URL, { clients, seconds: Math.min(duration, 5) })) });
    }

    const positions = readPositions(state);
    const options: CeilingOptions = { orders, positions, connections, seconds: Math.min(duration, 5), creationTimers };
    say('  storage ceiling (load + compare-and-swap update + history insert, no HTTP)');
    const { store: storeForCeiling } = await database.open();
    const storage = await storageCeiling(storeForCeiling, options);
    await storeForCeiling.close();
    say('  XState ceiling (restore + transition)');
    const xstate = xstateCeiling(currentVersion(machine), stored, Math.min(duration, 3));
    say('  breakdown of one event');
    const steps = await breakdown((await database.open()).store, machine, options);
    return {
      run,
      loadAverage: loadavg()[0],
      httpCeiling: { requestsPerSecond: http.requestsPerSecond, latencyMs: http.latencyMs, errors: http.errors, serverCpuUsPerRequest: httpServerCpuUs },
      serverLogLines: logLines,
      events: { ...events, serverCpuUsPerRequest, databaseCpuUsPerRequest, threadCpuUsPerRequest, loopBusyShare, peakRssKb, rssAtStartKb, serverWriter },
      twoInstances,
      rawTransactions,
      storageCeiling: storage,
      xstateCeiling: xstate,
      breakdown: steps,
      ratios: {
        toHttp: events.requestsPerSecond / http.requestsPerSecond,
        toStorage: events.requestsPerSecond / storage.commitsPerSecond,
        toXstate: events.requestsPerSecond / xstate.transitionsPerSecond,
      },
    };
  }

  /**
   * Two services on the one database, each driven by a load generator of its own on its half of the
   * orders (each with a copy of the positions, merged back after), measured over the same seconds.
   */
  async function measureTwoInstances(run: number) {
    say(`  two instances on one database, full event path, ${duration} s`);
    const servers = await Promise.all([0, 1].map((k) => startServer({ ...database.config, ...machineEnv, BENCH_OBSERVABILITY: observability, BENCH_LOG_FILE: join(dir, `server-${run}-${k}.log`) })));
    const files = servers.map((_, k) => join(dir, `positions-${k}.bin`));
    for (const file of files) copyFileSync(state, file);
    const drive = (seconds: number) => Promise.all(servers.map((s, k) => load(s.url, 'events', seconds, files[k]!, `${k}/2`)));
    if (Number(values.warmup) > 0) await drive(Number(values.warmup));
    const cpuBefore = servers.map((s) => cpuMs(s.pid));
    const databaseUrl = (database.config as { DATABASE_URL: string }).DATABASE_URL;
    const databaseCpuBefore = await databaseCpuMs(databaseUrl);
    const writerBefore = await Promise.all(servers.map((s) => writerStats(s.url)));
    const results = await drive(duration);
    const databaseCpuUsPerEvent = (((await databaseCpuMs(databaseUrl)) - databaseCpuBefore) * 1000) / results.reduce((sum, r) => sum + r.requests, 0);
    const writerAfter = await Promise.all(servers.map((s) => writerStats(s.url)));
    const each = results.map((r, k) => ({
      eventsPerSecond: r.requestsPerSecond,
      acceptedPerSecond: r.acceptedPerSecond,
      latencyMs: r.latencyMs,
      errors: r.errors,
      serverCpuUsPerEvent: ((cpuMs(servers[k]!.pid) - cpuBefore[k]!) * 1000) / r.requests,
      // A store without group commit has no counters: 1 write per transaction.
      eventsPerCommitBatch: writerAfter[k]!.ops === undefined ? 1 : (writerAfter[k]!.ops - writerBefore[k]!.ops!) / Math.max(1, writerAfter[k]!.transactions! - writerBefore[k]!.transactions!),
    }));
    await Promise.all(servers.map((s) => stopServer(s.child)));
    // Each order's position from the generator that owns it (see --share in bench/load.ts).
    const merged = readPositions(state);
    const shares = files.map(readPositions);
    for (let i = 0; i < orders; i++) merged[i] = shares[Math.floor((i % (2 * connections)) / connections)]![i]!;
    writeFileSync(state, merged);
    return { instances: each, databaseCpuUsPerEvent, eventsPerSecond: each.reduce((sum, e) => sum + e.eventsPerSecond, 0), acceptedPerSecond: each.reduce((sum, e) => sum + e.acceptedPerSecond, 0) };
  }

  const results: Awaited<ReturnType<typeof measureRun>>[] = [];
  for (let run = 1; run <= runs; run++) results.push(await measureRun(run));

  const pick = (f: (r: (typeof results)[number]) => number) => median(results.map(f));
  const summary = {
    command: `npm run bench -- --orders ${orders} --duration ${duration} --connections ${connections} --runs ${runs} --observability ${observability}${values['machine-version'] ? ` --machine-version ${values['machine-version']}` : ''}`,
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
    store: database.kind === 'sqlite' ? 'sqlite (WAL, synchronous=FULL, group commit)' : 'postgres (a fresh database beside DATABASE_URL)',
    orders,
    preloadSeconds,
    medians: ({
      eventsPerSecond: pick((r) => r.events.requestsPerSecond),
      acceptedEventsPerSecond: pick((r) => r.events.acceptedPerSecond),
      latencyMs: { p50: pick((r) => r.events.latencyMs.p50), p99: pick((r) => r.events.latencyMs.p99), max: pick((r) => r.events.latencyMs.max) },
      errors: pick((r) => r.events.errors),
      serverPeakRssMb: pick((r) => r.events.peakRssKb / 1024),
      serverCpuUsPerEvent: pick((r) => r.events.serverCpuUsPerRequest),
      ...(database.kind === 'postgres' ? { databaseCpuUsPerEvent: pick((r) => r.events.databaseCpuUsPerRequest ?? 0) } : {}),
      httpCeilingPerSecond: pick((r) => r.httpCeiling.requestsPerSecond),
      httpCeilingServerCpuUs: pick((r) => r.httpCeiling.serverCpuUsPerRequest),
      storageCeilingPerSecond: pick((r) => r.storageCeiling.commitsPerSecond),
      xstateCeilingPerSecond: pick((r) => r.xstateCeiling.transitionsPerSecond),
      ratioToHttp: pick((r) => r.ratios.toHttp),
      ratioToStorage: pick((r) => r.ratios.toStorage),
      ratioToXstate: pick((r) => r.ratios.toXstate),
      breakdownUs: Object.fromEntries(phases.map((p) => [p, pick((r) => r.breakdown.perEventUs[p])])),
      eventsPerCommitBatch: pick((r) => r.breakdown.eventsPerBatch),
      serverEventsPerCommitBatch: pick((r) => r.events.serverWriter?.eventsPerBatch ?? 0),
      serverWriterUsPerEvent: pick((r) => r.events.serverWriter?.transactionUsPerEvent ?? 0),
      serverWriterBusyShare: pick((r) => r.events.serverWriter?.writerBusyShare ?? 0),
      serverLoopBusyShare: pick((r) => r.events.loopBusyShare),
      serverThreadCpuUs: {
        main: pick((r) => r.events.threadCpuUsPerRequest.main),
        busiestOther: pick((r) => r.events.threadCpuUsPerRequest.busiestOther),
        rest: pick((r) => r.events.threadCpuUsPerRequest.rest),
      },
      loadAverage: pick((r) => r.loadAverage ?? 0),
      ...(results[0]!.twoInstances
        ? {
            twoInstances: {
              eventsPerSecond: pick((r) => r.twoInstances!.eventsPerSecond),
              acceptedPerSecond: pick((r) => r.twoInstances!.acceptedPerSecond),
              databaseCpuUsPerEvent: pick((r) => r.twoInstances!.databaseCpuUsPerEvent),
              each: [0, 1].map((k) => ({
                eventsPerSecond: pick((r) => r.twoInstances!.instances[k]!.eventsPerSecond),
                p99: pick((r) => r.twoInstances!.instances[k]!.latencyMs.p99),
                serverCpuUsPerEvent: pick((r) => r.twoInstances!.instances[k]!.serverCpuUsPerEvent),
                eventsPerCommitBatch: pick((r) => r.twoInstances!.instances[k]!.eventsPerCommitBatch),
                errors: pick((r) => r.twoInstances!.instances[k]!.errors),
              })),
            },
          }
        : {}),
      ...(results[0]!.rawTransactions
        ? { rawTransactionsPerSecond: Object.fromEntries(results[0]!.rawTransactions.map((t, i) => [String(t.clients), pick((r) => r.rawTransactions![i]!.transactionsPerSecond)])) }
        : {}),
    }) satisfies Medians,
    runs: results,
  };
  if (values.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else printSummary(summary);
} finally {
  for (const child of serving) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await database.drop();
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
  else say(`kept ${dir}`);
}

function printSummary(s: { command: string; store: string; orders: number; preloadSeconds: number; medians: Medians }) {
  const m = s.medians;
  const n = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const pct = (x: number) => `${n(x * 100, 1)}%`;
  const lines = [
    `${s.command}  (medians of ${runs} run(s); ${s.orders} orders preloaded in ${n(s.preloadSeconds, 1)} s)`,
    '',
    `full event path   ${n(m.eventsPerSecond)} events/s (${n(m.acceptedEventsPerSecond)} accepted/s)  p50 ${m.latencyMs.p50} ms  p99 ${m.latencyMs.p99} ms  max ${m.latencyMs.max} ms  errors ${m.errors}`,
    `server            peak RSS ${n(m.serverPeakRssMb, 1)} MB, ${n(m.serverCpuUsPerEvent)} µs CPU per event${m.databaseCpuUsPerEvent === undefined ? '' : `; PostgreSQL's processes ${n(m.databaseCpuUsPerEvent)} µs CPU per event`}`,
    `server threads    µs CPU per event: event loop ${n(m.serverThreadCpuUs.main)}, busiest other thread ${n(m.serverThreadCpuUs.busiestOther)}, the rest ${n(m.serverThreadCpuUs.rest)}; event loop busy ${pct(m.serverLoopBusyShare)} of the time`,
    `server writer     ${n(m.serverEventsPerCommitBatch, 1)} writes per commit batch, ${n(m.serverWriterUsPerEvent)} µs in transactions per accepted event, busy ${pct(m.serverWriterBusyShare)} of the time${s.store.startsWith('postgres') ? ' (summed over the batches in flight at once)' : ''}`,
    `HTTP ceiling      ${n(m.httpCeilingPerSecond)} req/s, ${n(m.httpCeilingServerCpuUs)} µs server CPU per request  (full path = ${pct(m.ratioToHttp)})`,
    `storage ceiling   ${n(m.storageCeilingPerSecond)} commits/s  (full path = ${pct(m.ratioToStorage)})`,
    `XState ceiling    ${n(m.xstateCeilingPerSecond)} transitions/s  (full path = ${pct(m.ratioToXstate)})`,
    ...(m.twoInstances
      ? [
          `two instances     ${n(m.twoInstances.eventsPerSecond)} events/s together (${n(m.twoInstances.acceptedPerSecond)} accepted/s), PostgreSQL ${n(m.twoInstances.databaseCpuUsPerEvent)} µs CPU per event; ${m.twoInstances.each
            .map((e, k) => `instance ${k + 1}: ${n(e.eventsPerSecond)} events/s, p99 ${e.p99} ms, ${n(e.serverCpuUsPerEvent)} µs CPU per event, ${n(e.eventsPerCommitBatch, 1)} writes per batch, errors ${e.errors}`)
            .join('; ')}`,
        ]
      : []),
    ...(m.rawTransactionsPerSecond
      ? [`raw transactions  ${Object.entries(m.rawTransactionsPerSecond).map(([clients, tps]) => `${n(tps)}/s with ${clients} clients`).join(', ')} (one-row UPDATE, one transaction each)`]
      : []),
    '',
    `one event, µs: ${phases.map((p) => `${p} ${n(m.breakdownUs[p] ?? 0, 1)}`).join(', ')}; ${n(m.eventsPerCommitBatch, 1)} events per commit batch`,
    `load average ${n(m.loadAverage, 2)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
