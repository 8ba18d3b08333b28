import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { announceSkip, createTestDatabase, pgUrl, reportSuiteRan } from '../support/postgres.ts';
import { startServer } from '../support/server-process.ts';
import { orderBody } from '../support/test-app.ts';

announceSkip('two server processes on one PostgreSQL database');

const DAY = 86_400_000;

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { version?: number; state?: string; type?: string } };
}

describe.runIf(pgUrl)('two server processes on one PostgreSQL database', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let servers: ReturnType<typeof startServer>[] = [];
  afterAll(async () => {
    for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    await db?.drop();
  });

  it('loses no update, writes no duplicate history row, and fires every due timer once', async () => {
    db = await createTestDatabase('instances');
    const env = { PORT: '0', DATABASE_URL: db.url, SWEEP_INTERVAL_MS: '20', EXPEDITE_AFTER_DAYS: '1', SWITCH_SUPPLIER_AFTER_DAYS: '2' };
    // Both start at once on an empty database: their migrations meet at the advisory lock.
    servers = [startServer(env), startServer(env)];
    const urls = await Promise.all(servers.map((s) => s.url));
    const via = (i: number) => urls[i % 2]!;

    // Overdue orders: both deadlines passed before creation, so both fire at once (catch-up).
    // Soon orders: the expedite deadline falls due 1.5 s from now, while the clients are busy.
    const now = Date.now();
    const overdue = Array.from({ length: 6 }, (_, i) => ({ id: `over-${i}`, shipBy: new Date(now - 3 * DAY).toISOString() }));
    const soon = Array.from({ length: 6 }, (_, i) => ({ id: `soon-${i}`, shipBy: new Date(now - DAY + 1500).toISOString() }));
    const orders = [...overdue, ...soon];
    const created = await Promise.all(orders.map((o, i) => post(`${via(i)}/orders`, orderBody(o))));
    expect(created.map((r) => r.status)).toEqual(orders.map(() => 201));

    // Concurrent clients on the same orders through both processes, for about 2 s.
    const acknowledged = new Map<string, string[]>(orders.map((o) => [o.id, []]));
    const statuses: number[] = [];
    const client = async (orderId: string, c: number) => {
      for (let n = 0; n < 5; n++) {
        const note = `c${c}-n${n}`;
        const r = await post(`${via(c + n)}/orders/${orderId}/events`, { type: 'SUPPLIER_CONTACTED', payload: { note } });
        statuses.push(r.status);
        if (r.status === 200) acknowledged.get(orderId)!.push(note);
        else expect(r.body.type).toBe('/problems/conflict');
        await new Promise((resolve) => setTimeout(resolve, 400));
      }
    };
    // The same Idempotency-Key through both processes at once: applied once, both told the same.
    const retried = await Promise.all(
      orders.flatMap((o) => [0, 1].map((i) => post(`${via(i)}/orders/${o.id}/events`, { type: 'SUPPLIER_CONTACTED', payload: { note: 'retried' } }, { 'idempotency-key': `key-${o.id}` }))),
    );
    await Promise.all(orders.flatMap((o) => [0, 1].map((c) => client(o.id, c))));
    expect(retried.map((r) => r.status)).toEqual(retried.map(() => 200));
    for (let i = 0; i < retried.length; i += 2) expect(retried[i]!.body).toEqual(retried[i + 1]!.body);

    // Wait until every due timer has had time to fire, then a few sweeps more for any duplicate.
    const deadline = Date.now() + 20_000;
    const pool = new pg.Pool({ connectionString: db.url, max: 2 });
    try {
      const timerRows = async () => (await pool.query("SELECT count(*)::int AS n FROM history WHERE source = 'timer'")).rows[0].n as number;
      while ((await timerRows()) < overdue.length * 2 + soon.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 300));

      const { rows } = await pool.query('SELECT order_id, seq, type, payload, idempotency_key, source FROM history ORDER BY order_id, seq');
      const versions = new Map((await pool.query('SELECT id, version FROM orders')).rows.map((r) => [r.id as string, r.version as number]));
      for (const o of orders) {
        const history = rows.filter((r) => r.order_id === o.id);
        expect(history.map((h) => h.seq)).toEqual(history.map((_, i) => i + 1));
        expect(versions.get(o.id)).toBe(history.length);
        const notes = history.filter((h) => h.type === 'SUPPLIER_CONTACTED' && h.idempotency_key === null).map((h) => h.payload.note as string);
        expect(notes.sort()).toEqual([...acknowledged.get(o.id)!].sort());
        expect(history.filter((h) => h.idempotency_key === `key-${o.id}`)).toHaveLength(1);
        const fired = history.filter((h) => h.source === 'timer').map((h) => h.type);
        expect(fired).toEqual(o.id.startsWith('over') ? ['TIMER.EXPEDITE', 'TIMER.SWITCH_SUPPLIER'] : ['TIMER.EXPEDITE']);
      }
      const left = (await pool.query('SELECT order_id, name FROM timers ORDER BY order_id')).rows;
      expect(left).toEqual(soon.map((o) => ({ order_id: o.id, name: 'switchSupplierAt' })).sort((a, b) => (a.order_id < b.order_id ? -1 : 1)));
    } finally {
      await pool.end();
    }

    // Each fire was logged by exactly one of the processes.
    const firedBy = servers.map((s) => s.lines().filter((l) => l.msg === 'timer fired').length);
    expect(firedBy[0]! + firedBy[1]!).toBe(overdue.length * 2 + soon.length);
    console.log(`timers fired per process: ${firedBy.join(' + ')}; client events: ${statuses.filter((s) => s === 200).length} applied, ${statuses.filter((s) => s === 409).length} answered 409`);

    for (const s of servers) s.child.kill('SIGTERM');
    expect(await Promise.all(servers.map((s) => s.exited))).toEqual([0, 0]);
    reportSuiteRan('postgres-two-instances', 1);
  }, 90_000);
});
