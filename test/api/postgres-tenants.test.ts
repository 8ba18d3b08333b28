import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { announceSkip, createTestDatabase, pgUrl, reportSuiteRan } from '../support/postgres.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { orderBody } from '../support/test-app.ts';

announceSkip('postgres-tenant-instances');

/** `npx aftersales keys …` on a database, as an operator runs it. */
function keys(databaseUrl: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/aftersales.js', 'keys', ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: databaseUrl } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function call(url: string, method: string, key: string, body?: unknown) {
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, text, body: text ? JSON.parse(text) : undefined };
}

describe.runIf(pgUrl)('two tenants on two server processes on one PostgreSQL database', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    await db?.drop();
  });

  it('keeps the tenants apart on both instances, and a key revoked with the CLI stops working on both within a second', { timeout: 90_000 }, async () => {
    db = await createTestDatabase('tenant_instances');
    // The keys are made before the first start (the CLI migrates the database it opens).
    const created = keys(db.url, 'create', '--tenant', 'shop-a', '--scopes', 'orders:read,orders:write', '--name', 'shop-a back-end', '--json');
    expect(created.status, created.stderr).toBe(0);
    const a = JSON.parse(created.stdout) as { id: string; key: string; tenant: string; scopes: string[] };
    expect(a).toMatchObject({ id: expect.stringMatching(/^key_/), key: expect.stringMatching(/^ask_/), tenant: 'shop-a', scopes: ['orders:read', 'orders:write'] });
    const b = JSON.parse(keys(db.url, 'create', '--tenant', 'shop-b', '--scopes', 'orders:read,orders:write', '--json').stdout) as { id: string; key: string };
    const listed = keys(db.url, 'list');
    expect(listed.stdout).toContain(`${a.id}  shop-a  orders:read,orders:write  active  shop-a back-end`);
    expect(listed.stdout).not.toContain(a.key);

    const later = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const env = { PORT: '0', DATABASE_URL: db.url, SWEEP_INTERVAL_MS: '200' };
    servers = [startServer(env), startServer(env)];
    const [one, two] = await Promise.all(servers.map((s) => s.url));

    expect((await call(`${one}/orders`, 'POST', a.key, orderBody({ id: 'SAME-1', shipBy: later }))).status).toBe(201);
    expect((await call(`${two}/orders/SAME-1`, 'GET', b.key)).status).toBe(404);
    expect((await call(`${two}/orders`, 'GET', b.key)).body.orders).toEqual([]);
    expect((await call(`${two}/orders`, 'POST', b.key, orderBody({ id: 'SAME-1', shipBy: later }))).status).toBe(201);
    expect((await call(`${one}/orders/SAME-1/history`, 'GET', b.key)).body.history).toHaveLength(1);
    const sent = await call(`${two}/orders/SAME-1/events`, 'POST', a.key, { type: 'SUPPLIER_CONTACTED', payload: { note: 'a' } });
    expect(sent.body).toMatchObject({ id: 'SAME-1', version: 2 });
    expect((await call(`${one}/orders/SAME-1`, 'GET', b.key)).body.version).toBe(1);
    // Both instances have the key cached now; the CLI revokes it in the database.
    expect((await call(`${one}/orders`, 'GET', a.key)).status).toBe(200);
    expect((await call(`${two}/orders`, 'GET', a.key)).status).toBe(200);
    const revoked = keys(db.url, 'revoke', a.id);
    expect(revoked.status, revoked.stderr).toBe(0);
    const at = Date.now();
    // How long after the revocation the first refused request was sent (a loaded machine answers slowly).
    const refusedWithin = async (url: string) => {
      for (;;) {
        const sent = Date.now();
        if ((await call(`${url}/orders`, 'GET', a.key)).status === 401) return sent - at;
        if (sent - at > 3000) return Infinity;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const took = await Promise.all([refusedWithin(one!), refusedWithin(two!)]);
    expect(Math.max(...took)).toBeLessThan(1000);
    expect((await call(`${one}/orders`, 'GET', b.key)).status).toBe(200);
    expect(keys(db.url, 'revoke', a.id).status).toBe(1);
    reportSuiteRan('postgres-tenant-instances', 1);
  });
});
