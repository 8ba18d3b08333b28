import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type AftersalesProblem } from '../../src/client/index.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { DAY, HOUR, orderBody } from '../support/test-app.ts';

/** `npx aftersales sandbox` as client teams start it: a real process on a real socket. */
let sandbox: ServerProcess;
let base: string;
const dir = mkdtempSync(join(tmpdir(), 'aftersales-sandbox-'));

beforeAll(async () => {
  sandbox = startServer({ PORT: '0', LOG_LEVEL: 'info', DATABASE_FILE: '', DATABASE_URL: '' }, { cli: ['sandbox'] });
  base = await sandbox.url;
});
afterAll(async () => {
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type'), body: text ? JSON.parse(text) : undefined };
}
const clockOf = async (prefix = '') => Date.parse((await call('GET', `${prefix}/sandbox/clock`)).body.now);

describe('npx aftersales sandbox', () => {
  it('stands still until moved, then fires each timer at its due time, in due order, and answers what fired', async () => {
    const now = await clockOf();
    expect(Math.abs(now - Date.now())).toBeLessThan(60_000);
    await new Promise((r) => setTimeout(r, 20));
    expect(await clockOf()).toBe(now);

    const shipBy = new Date(now + DAY).toISOString();
    expect((await call('POST', '/orders', orderBody({ id: 'SB-1', shipBy }))).status).toBe(201);
    // shipBy + 2 days: expedite (R3); shipBy + 4 days: switch supplier (R4).
    const moved = await call('POST', '/sandbox/clock', { advanceBy: 6 * DAY });
    expect(moved.status).toBe(200);
    expect(moved.body).toEqual({
      from: new Date(now).toISOString(),
      now: new Date(now + 6 * DAY).toISOString(),
      fired: [
        { orderId: 'SB-1', deadline: 'expediteAt', event: 'TIMER.EXPEDITE', dueAt: new Date(now + 3 * DAY).toISOString(), firedAt: new Date(now + 3 * DAY).toISOString() },
        { orderId: 'SB-1', deadline: 'switchSupplierAt', event: 'TIMER.SWITCH_SUPPLIER', dueAt: new Date(now + 5 * DAY).toISOString(), firedAt: new Date(now + 5 * DAY).toISOString() },
      ],
    });
    expect((await call('GET', '/orders/SB-1')).body.state).toBe('preShipment.processing.stockProblem');
    expect(await clockOf()).toBe(now + 6 * DAY);

    // advanceTo, and a move across which nothing falls due.
    const to = new Date(now + 7 * DAY).toISOString();
    expect((await call('POST', '/sandbox/clock', { advanceTo: to })).body).toEqual({ from: new Date(now + 6 * DAY).toISOString(), now: to, fired: [] });
  });

  it('fires a recurring deadline each time it falls due (customs reminders every 3 days)', async () => {
    const now = await clockOf();
    await call('POST', '/orders', orderBody({ id: 'SB-2', scope: 'international', shipBy: new Date(now + 10 * DAY).toISOString() }));
    await call('POST', '/orders/SB-2/events', { type: 'SHIPPED', payload: { carrier: 'SF', trackingNumber: 'SF1' } });
    await call('POST', '/orders/SB-2/events', { type: 'CUSTOMS_HELD' });
    const moved = await call('POST', '/sandbox/clock', { advanceBy: 10 * DAY });
    expect(moved.body.fired.map((f: { deadline: string; firedAt: string }) => [f.deadline, Date.parse(f.firedAt) - now])).toEqual([
      ['customsReminderAt', 3 * DAY],
      ['customsReminderAt', 6 * DAY],
      ['customsReminderAt', 9 * DAY],
    ]);
  });

  it('refuses bad moves with 422 problem+json and leaves the clock where it was', async () => {
    const now = await clockOf();
    const bad = [{ advanceBy: -1 }, { advanceTo: new Date(now - HOUR).toISOString() }, { advanceBy: 1, advanceTo: new Date(now).toISOString() }, {}, { advanceBy: '5' }, { advanceTo: 'tomorrow' }, { advanceBy: 1, extra: true }, { advanceBy: 3 * 366 * DAY }];
    for (const body of bad) {
      const res = await call('POST', '/sandbox/clock', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.type).toBe('application/problem+json');
      expect(res.body).toMatchObject({ type: '/problems/invalid-input', status: 422 });
      expect(res.body.errors.length, JSON.stringify(res.body)).toBeGreaterThan(0);
    }
    expect((await call('POST', '/sandbox/clock', 'not json')).status).toBe(400);
    expect(await clockOf()).toBe(now);
  });

  it('keeps runs apart: each run its own orders, clock and deadline policy', async () => {
    const start = '2026-03-02T01:00:00.000Z';
    const a = await call('POST', '/sandbox/runs', { startAt: start });
    const b = await call('POST', '/sandbox/runs', { startAt: start, policy: { expediteAfterDays: 4, switchSupplierAfterDays: 2 } });
    expect(a.status).toBe(201);
    expect(a.body).toEqual({ id: expect.any(String), base: `/runs/${a.body.id}`, now: start, version: 2 });
    for (const run of [a, b]) expect((await call('POST', `${run.body.base}/orders`, orderBody({ id: 'SAME-1', shipBy: '2026-03-04T00:00:00Z' }))).status).toBe(201);
    expect((await call('GET', '/orders/SAME-1')).status).toBe(404);

    // shipBy is 2026-03-04T00:00Z: expedite due 2 days later, the supplier switch 4 days later.
    const movedA = await call('POST', `${a.body.base}/sandbox/clock`, { advanceBy: 4 * DAY });
    expect(movedA.body.fired.map((f: { deadline: string }) => f.deadline)).toEqual(['expediteAt']);
    expect(await clockOf(b.body.base)).toBe(Date.parse(start));
    expect((await call('GET', `${b.body.base}/orders/SAME-1`)).body.state).toBe('preShipment.processing.awaitingShipment');
    // The other policy: the supplier switch falls due first (R4 before R3).
    const movedB = await call('POST', `${b.body.base}/sandbox/clock`, { advanceBy: 4 * DAY });
    expect(movedB.body.fired.map((f: { deadline: string }) => f.deadline)).toEqual(['switchSupplierAt']);

    expect((await call('POST', '/sandbox/runs', { policy: { expediteAfterDays: 0 } })).status).toBe(422);
    expect((await call('POST', '/sandbox/runs', { startAt: 'soon' })).status).toBe(422);
    expect((await call('POST', '/sandbox/runs', { version: 9 })).body).toMatchObject({ status: 422, errors: [{ path: 'version', message: 'one of 1, 2' }] });
    expect((await call('DELETE', `/sandbox/runs/${a.body.id}`)).status).toBe(204);
    const gone = await call('GET', `${a.body.base}/orders/SAME-1`);
    expect(gone).toMatchObject({ status: 404, type: 'application/problem+json' });
  });

  it("serves the typed client at a run's base, in the same test that moves the run's clock", async () => {
    const run = await call('POST', '/sandbox/runs', {});
    const api = createClient({ baseUrl: `${base}${run.body.base}/` });
    const shipBy = new Date(Date.parse(run.body.now) + DAY).toISOString();
    const created = await api.createOrder({ ...(orderBody({ id: 'TC-1', shipBy }) as Parameters<typeof api.createOrder>[0]) });
    expect(created.deadlines.map((d) => d.name)).toEqual(['expediteAt', 'switchSupplierAt']);
    const moved = await call('POST', `${run.body.base}/sandbox/clock`, { advanceBy: 3 * DAY });
    expect(moved.body.fired).toMatchObject([{ orderId: 'TC-1', deadline: 'expediteAt' }]);
    const late = await api.getOrder('TC-1');
    expect(late.state).toBe('preShipment.processing.expediting');
    expect((await api.send('TC-1', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF7' })).state).toBe('inTransit.shipping.onTheWay');
    const refused = await api.send('TC-1', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF7' }).catch((e: unknown) => e);
    expect((refused as AftersalesProblem).problem.status).toBe(409);
    expect((await call('GET', '/orders/TC-1')).status).toBe(404);
  });

  it('refuses to start when a database is configured', async () => {
    for (const env of [{ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/production' }, { DATABASE_FILE: join(dir, 'orders.db') }]) {
      const refused = startServer({ PORT: '0', DATABASE_URL: '', DATABASE_FILE: '', ...env }, { cli: ['sandbox'] });
      expect(await refused.exited).toBe(2);
      expect(refused.log()).toMatch(/refusing to start with DATABASE_(URL|FILE) set/);
    }
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await sandbox.stop()).toBe(0);
    expect(sandbox.log()).toContain('"msg":"stopped"');
  });
});

describe('a service started normally', () => {
  it('has no sandbox routes (404)', async () => {
    const server = startServer({ PORT: '0', DATABASE_FILE: join(dir, 'normal.db') });
    try {
      const url = await server.url;
      for (const [method, path] of [['GET', '/sandbox/clock'], ['POST', '/sandbox/clock'], ['POST', '/sandbox/runs']] as const) {
        const res = await fetch(`${url}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(method === 'POST' ? { body: '{"advanceBy":1000}' } : {}) });
        expect(res.status, path).toBe(404);
      }
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
