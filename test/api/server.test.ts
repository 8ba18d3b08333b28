import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../support/server-process.ts';
import { orderBody } from '../support/test-app.ts';

const dir = mkdtempSync(join(tmpdir(), 'aftersales-server-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the service on a real socket', () => {
  it('starts on a fresh database, takes an order and an event, and stops cleanly on SIGTERM', async () => {
    const server = startServer({ PORT: '0', DATABASE_FILE: join(dir, 'nested', 'orders.db') });
    const url = await server.url;
    // A real process runs on the real clock: an order due to ship in the past would have its deadlines
    // fired by the sweeper while the test runs (it once moved the order to version 4 before the GET).
    const shipBy = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const created = await fetch(`${url}/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(orderBody({ id: 'sock-1', shipBy })) });
    expect(created.status).toBe(201);
    const shipped = await fetch(`${url}/orders/sock-1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'k1' },
      body: JSON.stringify({ type: 'SHIPPED', payload: { carrier: 'SF', trackingNumber: 'SF1' } }),
    });
    expect(shipped.status).toBe(200);
    expect(((await shipped.json()) as { state: string }).state).toBe('inTransit.shipping.onTheWay');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.log()).toContain('"msg":"stopped"');

    // What was acknowledged is on disk: a second start on the same file still has it (this time
    // with the SQLite writer in its own thread).
    const again = startServer({ PORT: '0', DATABASE_FILE: join(dir, 'nested', 'orders.db'), SQLITE_WRITER: 'thread' });
    const url2 = await again.url;
    const order = await (await fetch(`${url2}/orders/sock-1`)).json();
    expect(order).toMatchObject({ state: 'inTransit.shipping.onTheWay', version: 2 });
    const held = await fetch(`${url2}/orders/sock-1/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'PARCEL_LOST' }) });
    expect(held.status).toBe(200);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 60_000); // two real processes, each started with tsx: 7 s on a quiet machine, over 20 s on a loaded one

  it('refuses to start on invalid configuration, saying what is wrong', async () => {
    const server = startServer({ PORT: 'eighty', DATABASE_FILE: join(dir, 'x.db') });
    await expect(server.url).rejects.toThrow(/PORT/);
    expect(await server.exited).toBe(1);
  });
});
