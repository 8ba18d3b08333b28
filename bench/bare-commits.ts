/**
 * Commits written as the SQLite writer's own statements, bare (no store, no engine around them): the
 * harness of `commit-floor.ts` and `timers-in-row.ts`. A connection set up as the writer sets up its
 * own; then, for `seconds`, batches of `batch` random preloaded orders, each batch read and written in
 * one transaction (one COMMIT and fsync), with the process's CPU per commit.
 */
import Database from 'better-sqlite3';
import { openWriter, writerStatements } from '../src/store/sqlite/sqlite-writer.ts';
import { cpuPer, type CpuPerUnit } from './cpu-time.ts';
import { benchOrderId } from './preload.ts';

/** An order's row as the bare writes read it. */
export interface BareRow { id: string; version: number; state: string; snapshot: string; next_deadline_at: number | null; machine_version: number; list_flags: string | null }

/** Opens `file` as the store's writer opens it (WAL, synchronous=FULL, checkpoints, cache), with the writer's statements. */
export function openBare(file: string) {
  const db = new Database(file);
  openWriter(db);
  const statements = writerStatements(db);
  const read = db.prepare('SELECT id, version, state, snapshot, next_deadline_at, machine_version, list_flags FROM orders WHERE id = ?');
  return {
    db,
    statements,
    /** The order row at its next version, as the engine's compare-and-swap writes it. */
    writeOrder: (r: BareRow, now: number) => statements.updateOrder.run(r.version + 1, r.state, r.snapshot, r.next_deadline_at, now, r.machine_version, r.list_flags, r.id, r.version),
    /** A history row of an event that leaves the state as it is. */
    writeHistory: (r: BareRow, now: number) => statements.insertHistory.run(r.id, r.version + 1, 'SUPPLIER_CONTACTED', '{}', r.state, r.state, now, null, 'client', null, r.machine_version),
    /** CPU per commit of `write` applied to each order of each batch; `beforeBatch` runs before each batch is read. */
    cpuPerCommit(
      { orders, batch, seconds }: { orders: number; batch: number; seconds: number },
      write: (r: BareRow, now: number) => void,
      beforeBatch: () => void = () => {},
    ): CpuPerUnit & { units: number } {
      const commit = db.transaction((rows: BareRow[]) => {
        const now = Date.now();
        for (const r of rows) write(r, now);
      });
      let commits = 0;
      const cpu = cpuPer(1, () => {
        const end = performance.now() + seconds * 1000;
        while (performance.now() < end) {
          beforeBatch();
          const ids = new Set(Array.from({ length: batch }, () => benchOrderId(Math.floor(Math.random() * orders))));
          const rows = [...ids].map((id) => read.get(id) as BareRow);
          commit(rows);
          commits += rows.length;
        }
      });
      return { us: cpu.us / commits, userUs: cpu.userUs / commits, systemUs: cpu.systemUs / commits, units: commits };
    },
  };
}
