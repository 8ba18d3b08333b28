/**
 * The PostgreSQL store's commits alone, without HTTP or XState: a fresh database beside
 * DATABASE_URL, `--orders` preloaded, then for each variant in turn (and `--rounds` times round)
 * `--connections` loops that load an order and commit its next version (bench/ceilings.ts's storage
 * ceiling), reporting commits/s and this process's CPU per commit. Variants: `alone` (a transaction
 * per commit, as before group commit) and `groupN` (group commit with N batches in flight).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/pg-commit-loop.ts \
 *     [--variants alone,group2,group4] [--rounds 2] [--seconds 5] [--orders 20000] [--connections 50]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createPostgresStore } from '../src/store/postgres/postgres-store.ts';
import { storageCeiling } from './ceilings.ts';
import { cpuPerAsync } from './cpu-time.ts';
import { benchOrderId, creationCommits, preloadOrders } from './preload.ts';

const { values } = parseArgs({
  options: {
    variants: { type: 'string', default: 'alone,group4' },
    rounds: { type: 'string', default: '2' },
    seconds: { type: 'string', default: '5' },
    orders: { type: 'string', default: '20000' },
    connections: { type: 'string', default: '50' },
  },
});
const base = process.env.DATABASE_URL;
if (!base) throw new Error('bench/pg-commit-loop.ts needs DATABASE_URL');
const orders = Number(values.orders);
const name = `aftersales_loop_${process.pid}_${Date.now()}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(base);
url.pathname = `/${name}`;

const open = (variant: string) => {
  const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
  pool.on('error', () => {});
  const inFlight = Number(variant.replace('group', ''));
  return createPostgresStore(pool, { transactionTimeoutMs: 10_000, groupCommit: variant !== 'alone', ...(inFlight > 0 ? { maxBatchesInFlight: inFlight } : {}) });
};
try {
  const setup = open('group');
  await setup.migrate();
  await preloadOrders(setup, orders, { batch: 500 });
  await setup.close();
  const commitFor = await creationCommits(Date.now());
  const options = { orders, positions: new Uint32Array(orders), connections: Number(values.connections), creationTimers: commitFor(benchOrderId(0)).timers };
  for (let round = 1; round <= Number(values.rounds); round++) {
    for (const variant of values.variants.split(',')) {
      const store = open(variant);
      await storageCeiling(store, { ...options, seconds: 1 }); // the pool's connections, the prepared statements
      const load = loadavg()[0]!;
      let commitsPerSecond = 0;
      const cpu = await cpuPerAsync(async () => {
        const ceiling = await storageCeiling(store, { ...options, seconds: Number(values.seconds) });
        commitsPerSecond = ceiling.commitsPerSecond;
        return ceiling.commits;
      });
      await store.close();
      console.log(`round ${round} ${variant}: ${commitsPerSecond.toFixed(0)} commits/s, ${cpu.us.toFixed(0)} µs CPU per commit (this process), load ${load.toFixed(2)}`);
    }
  }
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
