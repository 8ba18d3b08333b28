/**
 * What one event writes to SQLite, counted rather than timed (so it holds on a busy machine): an
 * engine-level loop over the store (no HTTP), 10,000 orders, 2,000 lifecycle events of warm-up, then a
 * checkpoint from a second connection that empties the WAL, then 1,000 events, 50 concurrent (group
 * commit). Prints the WAL frames written per event and this process's write syscalls and bytes per
 * event (/proc/self/io; Linux only). For A/B of a schema or a commit's statements.
 *
 *   npx tsx bench/wal-pages.ts
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { orderMachine } from '../machines/order/index.ts';
import { createEngine } from '../src/engine/engine.ts';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite-store.ts';
import { systemClock } from '../src/clock.ts';
import { bodies, stepAfter } from './lifecycle.ts';
import { benchOrderId, preloadOrders } from './preload.ts';
const io = () => Object.fromEntries(readFileSync('/proc/self/io', 'utf8').trim().split('\n').map((l) => { const [k, v] = l.split(': '); return [k, Number(v)]; }));
const dir = mkdtempSync(join(tmpdir(), 'wal-'));
const store = await openSqliteStore(join(dir, 'w.db'));
const machine = orderMachine();
await preloadOrders(store, 10000, { machine });
const engine = createEngine({ store, clock: systemClock, machine });
const positions = new Uint32Array(10000);
let seed = 42; const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
async function caller(k: number, n: number) {
  for (let i = 0; i < n; i++) {
    const o = k + 50 * Math.floor(rnd() * 200);
    const { type, payload } = JSON.parse(bodies[stepAfter(positions[o]!)]!);
    await engine.send(benchOrderId(o), type, payload); positions[o]!++;
  }
}
await Promise.all(Array.from({ length: 50 }, (_, k) => caller(k, 40)));
const side = new Database(join(dir, 'w.db'));
side.pragma('wal_checkpoint(TRUNCATE)');
const a = io();
await Promise.all(Array.from({ length: 50 }, (_, k) => caller(k, 20)));
const b = io();
const walPages = statSync(join(dir, 'w.db-wal')).size / 4120;
side.close();
console.log(JSON.stringify({ wcharPerEvent: ((b.wchar - a.wchar) / 1000).toFixed(0), pagesPerEvent: ((b.wchar - a.wchar) / 1000 / 4120).toFixed(2), syscw: ((b.syscw - a.syscw) / 1000).toFixed(1), walPagesPerEvent: (walPages / 1000).toFixed(2) }));
await store.close();
rmSync(dir, { recursive: true, force: true });
