/**
 * A what-if for issue 19, on a throwaway file: what keeping an order's timers in its own row (a JSON column
 * and an index on its earliest due time) instead of the timers table (its primary key and due-time index)
 * would save per commit. The same bare statements as `commit-floor.ts` (order row, history row; then the
 * timers either way, each commit arming them at a new due time), 50 random orders per transaction,
 * alternating, 4 s each, three rounds; CPU per commit (user + system). The schema change exists only here.
 *
 *   npx tsx bench/timers-in-row.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite-store.ts';
import { openBare, type BareRow } from './bare-commits.ts';
import { benchOrderId, creationCommits, preloadOrders } from './preload.ts';

const options = { orders: 10000, batch: 50, seconds: 4 };
const dir = mkdtempSync(join(tmpdir(), 'timers-in-row-'));
try {
  const file = join(dir, 'bench.db');
  const store = await openSqliteStore(file);
  await preloadOrders(store, options.orders);
  await store.close();
  const timers = (await creationCommits(Date.now()))(benchOrderId(0)).timers;
  const bare = openBare(file);
  const { db, statements: s, writeOrder, writeHistory } = bare;
  db.exec('ALTER TABLE orders ADD COLUMN timers TEXT; ALTER TABLE orders ADD COLUMN next_due INTEGER; CREATE INDEX orders_next_due ON orders (next_due) WHERE next_due IS NOT NULL;');
  db.exec(`UPDATE orders SET timers = '[]', next_due = 0`);
  const writeWithTimers = db.prepare('UPDATE orders SET version = ?, state = ?, snapshot = ?, updated_at = ?, timers = ?, next_due = ? WHERE id = ? AND version = ?');
  // A new due time each batch, as an event that arms its deadline anew.
  let shift = 0;
  const variants: [string, (r: BareRow, now: number) => void][] = [
    ['timers table (as today)', (r, now) => {
      writeOrder(r, now);
      writeHistory(r, now);
      s.deleteTimers.run(r.id);
      for (const t of timers) s.insertTimer.run(r.id, t.name, t.event, t.dueAt + shift);
    }],
    ['timers in the row + next-due index', (r, now) => {
      const due = timers.map((t) => ({ ...t, dueAt: t.dueAt + shift }));
      writeWithTimers.run(r.version + 1, r.state, r.snapshot, now, JSON.stringify(due), Math.min(...due.map((t) => t.dueAt)), r.id, r.version);
      writeHistory(r, now);
    }],
  ];
  for (const round of [1, 2, 3]) {
    for (const [what, write] of variants) {
      const cpu = bare.cpuPerCommit(options, write, () => shift++);
      console.log(`${round} ${what}: ${cpu.us.toFixed(1)} us CPU per commit (system ${cpu.systemUs.toFixed(1)}), ${cpu.units} commits, load ${loadavg()[0]!.toFixed(2)}`);
    }
  }
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
