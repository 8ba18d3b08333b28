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
import Database from 'better-sqlite3';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite-store.ts';
import { openWriter, writerStatements } from '../src/store/sqlite/sqlite-writer.ts';
import { cpuPer } from './cpu-time.ts';
import { benchOrderId, creationCommits, preloadOrders } from './preload.ts';

const orders = 10000, batch = 50, seconds = 4;
const dir = mkdtempSync(join(tmpdir(), 'timers-in-row-'));
try {
  const file = join(dir, 'bench.db');
  const store = await openSqliteStore(file);
  await preloadOrders(store, orders);
  await store.close();
  const timers = (await creationCommits(Date.now()))(benchOrderId(0)).timers;
  const db = new Database(file);
  openWriter(db);
  db.exec('ALTER TABLE orders ADD COLUMN timers TEXT; ALTER TABLE orders ADD COLUMN next_due INTEGER; CREATE INDEX orders_next_due ON orders (next_due) WHERE next_due IS NOT NULL;');
  db.exec(`UPDATE orders SET timers = '[]', next_due = 0`);
  const s = writerStatements(db);
  const updWith = db.prepare('UPDATE orders SET version = ?, state = ?, snapshot = ?, updated_at = ?, timers = ?, next_due = ? WHERE id = ? AND version = ?');
  const read = db.prepare('SELECT id, version, state, snapshot, next_deadline_at, machine_version, list_flags FROM orders WHERE id = ?');
  type Row = { id: string; version: number; state: string; snapshot: string; next_deadline_at: number | null; machine_version: number; list_flags: string | null };
  const hist = (r: Row, now: number) => s.insertHistory.run(r.id, r.version + 1, 'SUPPLIER_CONTACTED', '{}', r.state, r.state, now, null, 'client', null, r.machine_version);
  let shift = 0;
  const variants: [string, (r: Row, now: number) => void][] = [
    ['timers table (as today)', (r, now) => {
      s.updateOrder.run(r.version + 1, r.state, r.snapshot, r.next_deadline_at, now, r.machine_version, r.list_flags, r.id, r.version);
      hist(r, now);
      s.deleteTimers.run(r.id);
      for (const t of timers) s.insertTimer.run(r.id, t.name, t.event, t.dueAt + shift);
    }],
    ['timers in the row + next-due index', (r, now) => {
      const due = timers.map((t) => ({ ...t, dueAt: t.dueAt + shift }));
      updWith.run(r.version + 1, r.state, r.snapshot, now, JSON.stringify(due), Math.min(...due.map((t) => t.dueAt)), r.id, r.version);
      hist(r, now);
    }],
  ];
  for (const round of [1, 2, 3]) for (const [what, write] of variants) {
    const commit = db.transaction((rows: Row[]) => { const now = Date.now(); for (const r of rows) write(r, now); });
    let commits = 0;
    const cpu = cpuPer(1, () => {
      const end = performance.now() + seconds * 1000;
      while (performance.now() < end) {
        shift++; // a new due time each commit, as an event that arms a deadline anew
        const ids = new Set(Array.from({ length: batch }, () => benchOrderId(Math.floor(Math.random() * orders))));
        const rows = [...ids].map((id) => read.get(id) as Row);
        commit(rows);
        commits += rows.length;
      }
    });
    console.log(`${round} ${what}: ${(cpu.us / commits).toFixed(1)} us CPU per commit (system ${(cpu.systemUs / commits).toFixed(1)}), ${commits} commits, load ${loadavg()[0]!.toFixed(2)}`);
  }
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
