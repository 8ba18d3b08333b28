import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';
import { testApp } from '../support/test-app.ts';

const dir = mkdtempSync(join(tmpdir(), 'aftersales-busy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('SQLite: a write that finds the file locked by another connection past busy_timeout answers 503 with Retry-After, changes nothing, and succeeds once the lock is gone', async () => {
  const file = join(dir, 'busy.db');
  const t = await testApp({ store: await openSqliteStore(file, { busyTimeoutMs: 200 }) });
  expect((await t.create({ id: 'busy-1' })).status).toBe(201);

  const other = new Database(file); // a backup, an operator's sqlite3 shell, a second process by mistake
  other.exec('BEGIN IMMEDIATE');
  const started = Date.now();
  const refused = await t.send('busy-1', 'SUPPLIER_CONTACTED', { note: 'while locked' }, { 'idempotency-key': 'k1' });
  const waitedMs = Date.now() - started;
  expect(refused.status).toBe(503);
  expect(refused.headers.get('retry-after')).toBe('2');
  expect(refused.headers.get('content-type')).toBe('application/problem+json');
  expect(refused.body).toMatchObject({ type: '/problems/unavailable', status: 503 });
  expect(waitedMs).toBeGreaterThanOrEqual(150);
  expect(waitedMs).toBeLessThan(5000);
  expect(t.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  other.exec('ROLLBACK');
  other.close();

  expect((await t.history('busy-1')).body.history).toHaveLength(1);
  const retried = await t.send('busy-1', 'SUPPLIER_CONTACTED', { note: 'while locked' }, { 'idempotency-key': 'k1' });
  expect(retried.status).toBe(200);
  expect((await t.history('busy-1')).body.history).toHaveLength(2);
  await t.store.close();
});
