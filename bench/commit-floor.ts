/**
 * What one durable commit costs on SQLite, and how much of it is SQLite itself: the floor under
 * the event path's CPU per event (issue 19). On a fresh file with `--orders` preloaded orders:
 *
 * 1. `store.commit`: the storage ceiling of `npm run bench` (read the order, write its next version
 *    with a history row and its timers, group-committed as the service does), CPU per commit;
 * 2. the same statements bare: the writer's own prepared statements on a connection of the same
 *    pragmas, `--batch` random orders per transaction (one COMMIT and fsync each), no JavaScript
 *    around them but the loop: the order row alone; with the history row; with the timers too
 *    (what the storage ceiling writes).
 *
 *   npx tsx bench/commit-floor.ts [--orders 10000] [--seconds 4] [--batch 50] [--rounds 2]
 *
 * CPU is the process's (user and system, all threads), per commit, with the system share apart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite-store.ts';
import { storageCeiling } from './ceilings.ts';
import { openBare, type BareRow } from './bare-commits.ts';
import { cpuPerAsync } from './cpu-time.ts';
import { benchOrderId, creationCommits, preloadOrders } from './preload.ts';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '4' },
    batch: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '2' },
  },
});
const orders = Number(values.orders);
const seconds = Number(values.seconds);
const batch = Number(values.batch);
for (const [name, n] of Object.entries({ orders, seconds, batch, rounds: Number(values.rounds) })) {
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number of at least 1`);
}

const dir = mkdtempSync(join(tmpdir(), 'aftersales-commit-floor-'));
try {
  const file = join(dir, 'bench.db');
  const store = await openSqliteStore(file);
  await preloadOrders(store, orders);
  const commitFor = await creationCommits(Date.now());
  const timers = commitFor(benchOrderId(0)).timers;
  const ceiling = { orders, positions: new Uint32Array(orders), connections: batch, seconds, creationTimers: timers };
  const lines: string[] = [];
  const show = (round: number, what: string, cpu: { us: number; systemUs: number; units: number }) =>
    lines.push(`| ${round} | ${what} | ${cpu.units} | ${cpu.us.toFixed(1)} | ${cpu.systemUs.toFixed(1)} | ${loadavg()[0]!.toFixed(2)} |`);

  for (let round = 1; round <= Number(values.rounds); round++) {
    show(round, 'store.commit (the storage ceiling)', await cpuPerAsync(async () => (await storageCeiling(store, ceiling)).commits));
  }
  await store.close();

  const bare = openBare(file);
  const { writeOrder, writeHistory } = bare;
  const writeTimers = (r: BareRow) => {
    bare.statements.deleteTimers.run(r.id);
    for (const t of timers) bare.statements.insertTimer.run(r.id, t.name, t.event, t.dueAt);
  };
  const variants: [string, (r: BareRow, now: number) => void][] = [
    ['bare: the order row', writeOrder],
    ['bare: order + history row', (r, now) => (writeOrder(r, now), writeHistory(r, now))],
    ['bare: order + history + timers (as the ceiling)', (r, now) => (writeOrder(r, now), writeHistory(r, now), writeTimers(r))],
  ];
  for (let round = 1; round <= Number(values.rounds); round++) {
    for (const [what, write] of variants) show(round, what, bare.cpuPerCommit({ orders, batch, seconds }, write));
  }
  bare.db.close();
  console.log(`${orders} orders, ${batch} commits per transaction (store: ${batch} concurrent loops), ${seconds} s each\n`);
  console.log('| round | commit | commits | CPU µs per commit | of it system | load |\n| ---: | --- | ---: | ---: | ---: | ---: |');
  console.log(lines.join('\n'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
