/**
 * The CPU of one order's read by id (the load of every event), by statement shape, alternating in one
 * process: `SELECT *` (which also computes the generated `tenant` column and reads `machine_version`)
 * against the record's columns only. 10,000 preloaded orders, a 64 MiB cache as the store sets it.
 *
 *   npx tsx bench/order-read.ts [--reads 200000] [--rounds 4]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { orderMachine } from '../machines/order/index.ts';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite-store.ts';
import { orderRowColumns } from '../src/store/sqlite/sqlite-rows.ts';
import { cpuPer } from './cpu-time.ts';
import { benchOrderId, preloadOrders } from './preload.ts';

const { values } = parseArgs({ options: { reads: { type: 'string', default: '200000' }, rounds: { type: 'string', default: '4' } } });
const reads = Number(values.reads);
const dir = mkdtempSync(join(tmpdir(), 'aftersales-order-read-'));
try {
  const file = join(dir, 'bench.db');
  const store = await openSqliteStore(file);
  await preloadOrders(store, 10000, { machine: orderMachine() });
  await store.close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('cache_size = -65536');
  const shapes = {
    star: db.prepare('SELECT * FROM orders WHERE id = ?'),
    columns: db.prepare(`SELECT ${orderRowColumns} FROM orders WHERE id = ?`),
  };
  const rows: Record<string, string>[] = [];
  for (let round = 0; round < Number(values.rounds); round++) {
    const row: Record<string, string> = {};
    for (const [name, statement] of Object.entries(shapes)) {
      const cpu = cpuPer(reads, () => {
        for (let i = 0; i < reads; i++) statement.get(benchOrderId((i * 7919) % 10000));
      });
      row[name] = cpu.us.toFixed(2);
    }
    rows.push(row);
  }
  process.stdout.write(`${JSON.stringify({ usPerRead: rows })}\n`);
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
