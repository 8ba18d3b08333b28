import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { orderMachine } from '../../machines/order/index.ts';
import { createApp } from '../../src/app.ts';
import { formatReport } from '../../src/cli/commands/migrate.ts';
import { createManualClock } from '../../src/clock.ts';
import { createMigrator } from '../../src/engine/migrator.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';
import { mintKey } from '../../src/tenancy/key-secrets.ts';
import { orderBody } from '../support/test-app.ts';
import { startServer } from '../support/server-process.ts';
import { orderVersion1Only, orderWithRenamedState } from '../support/versions/renamed-state-v2.ts';
import type { HostedMachine } from '../../src/engine/hosted-machine.ts';

const dir = mkdtempSync(join(tmpdir(), 'aftersales-versions-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** A database file with two orders; `change` rewrites the stored snapshot of the first (as a rollback or a lost state would). */
async function databaseFile(change?: { value?: unknown; version?: number }, machine: HostedMachine = orderMachine()) {
  const file = join(dir, `orders-${++files}.db`);
  const store = await openSqliteStore(file);
  const app = createApp({ store, clock: createManualClock(), logger: createMemoryLogger(), machine });
  for (const id of ['A-1', 'A-2']) await app.request('/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(orderBody({ id })) });
  if (change) {
    const record = (await store.getOrder('A-1'))!;
    const snapshot = { ...record.snapshot, ...(change.value ? { value: change.value } : {}), machine: { id: 'order', version: change.version ?? 2 } } as typeof record.snapshot;
    const state = change.value ? 'preShipment.vanished' : record.state;
    await store.commit({
      order: { ...record, version: 2, state, snapshot },
      expectedVersion: 1,
      history: { orderId: 'A-1', seq: 2, type: 'WRITTEN_ELSEWHERE', payload: {}, fromState: record.state, toState: state, at: 1, idempotencyKey: null, source: 'client', dueAt: null, machineVersion: change.version ?? 2 },
      outbox: [],
      timers: [],
    });
  }
  await store.close();
  return file;
}

const cli = (file: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/aftersales.js', ...args], { env: { ...process.env, DATABASE_FILE: file, DATABASE_URL: '' }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('npx aftersales doctor', () => {
  it('lists every order this release cannot restore, with the reason, and exits 1', async () => {
    const r = cli(await databaseFile({ value: { preShipment: 'vanished' } }), 'doctor');
    expect(r.code).toBe(1);
    expect(r.out).toContain('2 order(s) of order (this release has versions 1, 2): 2 at version 2');
    expect(r.out).toContain('cannot restore A-1 of tenant default: order@2 in preShipment.vanished: version 2 has no state preShipment.vanished');
    expect(r.out).toContain('1 order(s) cannot be restored by this release');
  });

  it('names each order by its tenant and its id apart, not by the store key: two tenants may hold the same id', async () => {
    const file = join(dir, `orders-${++files}.db`);
    const store = await openSqliteStore(file);
    const app = createApp({ store, clock: createManualClock(), logger: createMemoryLogger(), machine: orderMachine() });
    const { key, record } = mintKey({ tenant: 'shop-a', scopes: ['orders:read', 'orders:write'], now: Date.now() });
    await store.createKey(record);
    const created = await app.request('/orders', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(orderBody({ id: 'A-1' })) });
    expect(created.status).toBe(201);
    // Stored as shop-a/A-1; a release that lost its state cannot restore it.
    const stored = (await store.getOrder('shop-a/A-1'))!;
    await store.commit({
      order: { ...stored, version: 2, state: 'preShipment.vanished', snapshot: { ...stored.snapshot, value: { preShipment: 'vanished' } } as typeof stored.snapshot },
      expectedVersion: 1,
      history: { orderId: 'shop-a/A-1', seq: 2, type: 'WRITTEN_ELSEWHERE', payload: {}, fromState: stored.state, toState: 'preShipment.vanished', at: 1, idempotencyKey: null, source: 'client', dueAt: null, machineVersion: 2 },
      outbox: [],
      timers: [],
    });
    await store.close();
    const r = cli(file, 'doctor');
    expect(r.code).toBe(1);
    expect(r.out).toContain('cannot restore A-1 of tenant shop-a: order@2 in preShipment.vanished: version 2 has no state preShipment.vanished');
    expect(r.out).not.toContain('shop-a/A-1');
    // The API answers the tenant with the id it knows, too.
    const reopened = await openSqliteStore(file);
    const served = createApp({ store: reopened, clock: createManualClock(), logger: createMemoryLogger(), machine: orderMachine() });
    const answer = await served.request('/orders/A-1', { headers: { authorization: `Bearer ${key}` } });
    expect(answer.status).toBe(503);
    const problem = (await answer.json()) as { detail: string; orderId: string };
    expect(problem).toMatchObject({ orderId: 'A-1', detail: expect.stringMatching(/^order A-1 is stored as order@2 in preShipment\.vanished/) });
    await reopened.close();
  });

  it('says so and exits 0 when every order can be restored', async () => {
    const r = cli(await databaseFile(), 'doctor');
    expect(r).toMatchObject({ code: 0, out: '2 order(s) of order (this release has versions 1, 2): 2 at version 2\nevery order can be restored\n' });
  });
});

describe('npx aftersales migrate', () => {
  it('names an order that cannot move by its tenant and its id apart', () => {
    const failed = { tenant: 'shop-a', orderId: 'A-1', reason: 'no migration from version 1 to 2' };
    const report = { dryRun: true, target: 2, migrated: 0, failed: 1, groups: [{ fromVersion: 1, fromState: 'open', toVersion: 2, to: {}, failed: [failed] }] };
    expect(formatReport('order', report)).toBe('order@1 open: would move to version 2: none; 1 cannot: A-1 of tenant shop-a (no migration from version 1 to 2)\n0 order(s) would move to order@2, 1 cannot\n');
  });

  it('--dry-run reports, per version and state, what would move and what cannot', async () => {
    const r = cli(await databaseFile(), 'migrate', '--dry-run');
    expect(r).toMatchObject({ code: 0, out: '0 order(s) would move to order@2, 0 cannot\n' });
  });

  it('reports where the orders of each version and state go (here with a test-only version 2)', async () => {
    const file = await databaseFile(undefined, orderVersion1Only());
    const store = await openSqliteStore(file);
    const machine = orderWithRenamedState();
    const report = await createMigrator({ store, machine, clock: createManualClock() }).run({ dryRun: true });
    await store.close();
    expect(formatReport('order', report)).toBe(
      'order@1 preShipment.processing.awaitingShipment: would move to version 2: 2 to preShipment.processing.awaitingShipment\n' +
        '2 order(s) would move to order@2, 0 cannot\n',
    );
  });
});

describe('starting on a database with orders of a newer version', () => {
  it('refuses with a clear message, unless ALLOW_NEWER_MACHINE_VERSIONS=1', async () => {
    const file = await databaseFile({ version: 3 });
    const refused = startServer({ DATABASE_FILE: file, PORT: '0', DATABASE_URL: '' });
    expect(await refused.exited).toBe(1);
    expect(refused.log()).toMatch(/aftersales failed to start: the database holds 1 order\(s\) of order version 3, newer than this release \(order up to version 2\)/);

    const allowed = startServer({ DATABASE_FILE: file, PORT: '0', DATABASE_URL: '', ALLOW_NEWER_MACHINE_VERSIONS: '1' });
    const url = await allowed.url;
    const health = await (await fetch(`${url}/healthz`)).json();
    expect(health).toMatchObject({ status: 'degraded', orders: { byVersion: { 2: 1, 3: 1 }, unrestorable: 1 } });
    expect((await fetch(`${url}/orders/A-1`)).status).toBe(503);
    expect((await fetch(`${url}/orders/A-2`)).status).toBe(200);
    expect(await allowed.stop()).toBe(0);
  });
});
