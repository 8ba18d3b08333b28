import { afterAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.ts';
import type { Store } from '../../src/store/store.ts';
import { mintKey } from '../../src/tenancy/key-secrets.ts';
import type { Scope } from '../../src/tenancy/scopes.ts';
import { onBothStores, type OpenStore } from '../support/both-stores.ts';
import { createTestDatabase, pgUrl, reportSuiteRan } from '../support/postgres.ts';
import { DAY, orderBody, testApp, type TestApp } from '../support/test-app.ts';

const writer: Scope[] = ['orders:read', 'orders:write', 'webhooks:manage', 'deliveries:manage'];

async function keyOf(store: Store, tenant: string, scopes: Scope[]) {
  const { key, record } = mintKey({ tenant, scopes, now: Date.now() });
  await store.createKey(record);
  return { id: record.id, auth: { authorization: `Bearer ${key}` } };
}

/** Two tenants on one service; shop-a has an order (2 versions), a webhook, deliveries (dead after one failed attempt) and an open stream. */
async function twoTenants(open: OpenStore, secondInstance?: Store) {
  const store = await open();
  const clock = createManualClock(Date.parse('2026-03-02T01:00:00Z'));
  const delivery = { fetch: async () => new Response('internal page', { status: 500 }), maxAttempts: 1 };
  const t = await testApp({ store, clock, delivery });
  // With a second instance (another app on its own connections to the same database), shop-b is served by it.
  const tB = secondInstance ? await testApp({ store: secondInstance, clock, delivery }) : t;
  const a = await keyOf(store, 'shop-a', writer);
  const b = await keyOf(store, 'shop-b', writer);
  const as = (who: { auth: Record<string, string> }, via: TestApp) => ({
    call: (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => via.call(method, path, body, { ...who.auth, ...headers }),
  });
  const A = as(a, t);
  const B = as(b, tB);
  const hook = await A.call('POST', '/webhooks', { url: 'https://hooks.shop-a.example/in', events: ['*'] });
  expect(hook.status).toBe(201);
  expect((await A.call('POST', '/orders', orderBody({ id: 'A-1', sellerEmail: 'seller@shop-a.example', shipBy: '2026-03-04T00:00:00Z' }))).status).toBe(201);
  expect((await A.call('POST', '/orders/A-1/events', { type: 'SUPPLIER_CONTACTED', payload: { note: 'SECRET-NOTE' } })).status).toBe(200);
  await t.app.deliveryWorker.runOnce();
  const deliveries = (await A.call('GET', '/deliveries')).body.deliveries as { id: string; status: string; orderId: string }[];
  expect(deliveries.length).toBeGreaterThan(0);
  expect(deliveries.every((d) => d.orderId === 'A-1' && d.status === 'dead')).toBe(true);
  return { t, store, clock, a, b, A, B, hookId: hook.body.id as string, deliveryId: deliveries[0]!.id };
}

/** A problem body without what differs per request. */
const sameAnswer = (body: Record<string, unknown>) => {
  const { instance: _i, requestId: _r, ...rest } = body;
  return rest;
};

type Call = TestApp['call'];

/** What B gets for A's resource and for one that does not exist: the same answer but for the id, naming nothing of A. */
async function indistinguishable(call: Call, method: string, template: string, theirs: string, missing: string, body?: unknown) {
  const answers = await Promise.all([theirs, missing].map((id) => call(method, template.replace('{id}', id), body)));
  const [mine, none] = answers.map((r, i) => ({ ...r, same: JSON.stringify(sameAnswer(r.body)).replaceAll(i === 0 ? theirs : missing, '{id}') }));
  expect(mine!.status, `${method} ${template}`).toBe(404);
  expect(none!.status).toBe(404);
  expect(mine!.same, `${method} ${template}`).toBe(none!.same);
  expect(mine!.text).not.toMatch(/shop-a|SECRET-NOTE/);
}

/** Every route with shop-b's key on shop-a's order, webhook and delivery: 404 as for nothing, nothing changed, nothing listed. */
async function crossTenantMatrix({ t, A, B, hookId, deliveryId }: Awaited<ReturnType<typeof twoTenants>>) {
  const before = (await A.call('GET', '/orders/A-1')).body;
  const noUuid = '00000000-0000-4000-8000-000000000000';
  const event = { type: 'DELIVERED', payload: {} };
  const matrix: [string, string, string, string, unknown?][] = [
    ['GET', '/orders/{id}', 'A-1', 'Z-9'],
    ['POST', '/orders/{id}/events', 'A-1', 'Z-9', event],
    ['POST', '/orders/{id}/events?dryRun=true', 'A-1', 'Z-9', event],
    ['GET', '/orders/{id}/history', 'A-1', 'Z-9'],
    ['GET', '/orders/{id}/stream', 'A-1', 'Z-9'],
    ['GET', '/orders/{id}/notifications', 'A-1', 'Z-9'],
    // The view's growing lists, each paged apart (suppliers, shipments, claims, refunds, …).
    ...Object.keys(t.app.engine.machine.viewLists ?? {}).map((name): [string, string, string, string] => ['GET', `/orders/{id}/${name.replace(/\{\w+\}/g, '0')}`, 'A-1', 'Z-9']),
    ['GET', '/webhooks/{id}', hookId, noUuid],
    ['GET', '/webhooks/{id}/deliveries', hookId, noUuid],
    ['DELETE', '/webhooks/{id}', hookId, noUuid],
    ['GET', '/deliveries/{id}', deliveryId, noUuid],
    ['POST', '/deliveries/{id}/retry', deliveryId, noUuid],
  ];
  for (const [method, template, theirs, missing, body] of matrix) await indistinguishable(B.call, method, template, theirs, missing, body);
  // The lists: nothing of shop-a.
  for (const path of ['/orders', '/orders?state=inTransit', '/orders?deadlineBefore=2030-01-01T00:00:00Z', '/webhooks', '/deliveries', '/deliveries?status=dead', '/deliveries?orderId=A-1']) {
    const res = await B.call('GET', path);
    expect(res.status, path).toBe(200);
    expect(Object.values(res.body).find(Array.isArray), path).toEqual([]);
  }
  // A path id holding an encoded slash cannot reach another tenant's key.
  expect((await t.call('GET', '/orders/shop-a%2FA-1', undefined, (await keyOf(t.store, 'default', ['admin'])).auth)).status).toBe(404);
  expect((await B.call('GET', '/orders/..%2Fshop-a%2FA-1')).status).toBe(404);
  // Nothing changed for shop-a: its order, its webhook, its dead letter.
  expect((await A.call('GET', '/orders/A-1')).body).toEqual(before);
  expect((await A.call('GET', `/webhooks/${hookId}`)).status).toBe(200);
  expect((await A.call('GET', `/deliveries/${deliveryId}`)).body.status).toBe('dead');
  // Every guarded route of the app is in the matrix or the lists above (a new route must be added here).
  // The view's lists inside an entry are in the matrix at entry 0 (`claims/0/evidence`).
  const lists = Object.keys(t.app.engine.machine.viewLists ?? {}).map((name) => `GET /orders/:id/${name.replace(/\{(\w+)\}/g, ':$1')}`);
  const covered = new Set([...lists, ...matrix.map(([m, p]) => `${m} ${p.split('?')[0]!.replace('{id}', ':id')}`), 'GET /orders', 'POST /orders', 'GET /webhooks', 'POST /webhooks', 'GET /deliveries']);
  const served = t.app.routes
    .filter((r) => r.method !== 'ALL' && /^\/(orders|webhooks|deliveries)/.test(r.path))
    .map((r) => `${r.method} ${r.path}`);
  expect(served.filter((r) => !covered.has(r))).toEqual([]);
}

onBothStores('postgres-tenants', (open) => {
  it("answers another tenant's order, webhook and delivery on every route as if it did not exist, and changes nothing", async () => {
    await crossTenantMatrix(await twoTenants(open));
  });

  it('keeps order ids, idempotency keys, webhooks and streams per tenant: the same id in two tenants is two orders', async () => {
    const { t, A, B, b } = await twoTenants(open);
    const mine = await B.call('POST', '/orders', orderBody({ id: 'A-1', scope: 'domestic' }));
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ id: 'A-1', version: 1 });
    expect(mine.headers.get('location')).toBe('/orders/A-1');
    const hookB = await B.call('POST', '/webhooks', { url: 'https://hooks.shop-b.example/in', events: ['*'] });
    // The same Idempotency-Key in both tenants applies in both.
    const key = { 'idempotency-key': 'same-key-1' };
    const sentA = await A.call('POST', '/orders/A-1/events', { type: 'SUPPLIER_CONTACTED', payload: { note: 'a' } }, key);
    const sentB = await B.call('POST', '/orders/A-1/events', { type: 'SUPPLIER_CONTACTED', payload: { note: 'b' } }, key);
    expect([sentA.status, sentB.status]).toEqual([200, 200]);
    expect(sentB.headers.get('idempotent-replayed')).toBeNull();
    expect([sentA.body.version, sentB.body.version]).toEqual([3, 2]);
    expect((await B.call('GET', '/orders/A-1/history')).body).toMatchObject({ orderId: 'A-1', history: [{ seq: 1 }, { seq: 2, payload: { note: 'b' } }] });
    expect((await B.call('GET', '/orders')).body.orders.map((o: { id: string }) => o.id)).toEqual(['A-1']);
    // shop-b's webhook hears shop-b's order only, with the id shop-b knows.
    await t.app.deliveryWorker.runOnce();
    const heard = (await B.call('GET', `/webhooks/${hookB.body.id}/deliveries`)).body.deliveries as { orderId: string }[];
    expect(heard.length).toBeGreaterThan(0);
    expect(new Set(heard.map((d) => d.orderId))).toEqual(new Set(['A-1']));
    expect((await B.call('GET', '/deliveries')).body.deliveries.every((d: { target: string }) => d.target === hookB.body.id || d.target.includes('@'))).toBe(true);
    // shop-b's stream on its A-1 hears its own commits, not shop-a's.
    const res = await t.app.request('/orders/A-1/stream', { headers: b.auth });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    await expect.poll(() => t.app.events.subscribers).toBe(1);
    await A.call('POST', '/orders/A-1/events', { type: 'SUPPLIER_CONTACTED', payload: { note: 'a2' } });
    await B.call('POST', '/orders/A-1/events', { type: 'SUPPLIER_CONTACTED', payload: { note: 'b2' } });
    let text = '';
    while (!text.includes('event: change')) text += (await reader.read()).value ?? '';
    await reader.cancel();
    expect(text).toContain('"orderId":"A-1","version":3');
    expect(text).not.toContain('"version":4');
    expect(text).not.toContain('shop-');
  });

  it("names the missing scope in a 403 on every guarded route, and lets a key do what its scopes allow", async () => {
    const { t, store, hookId, deliveryId } = await twoTenants(open);
    // Each guarded operation with the scope it needs, written out here (the OpenAPI document says the same).
    const needs: [string, string, Scope, unknown?][] = [
      ['POST', '/orders', 'orders:write', orderBody({ id: 'S-1' })],
      ['GET', '/orders', 'orders:read'],
      ['GET', '/orders/A-1', 'orders:read'],
      ['POST', '/orders/A-1/events', 'orders:write', { type: 'SUPPLIER_CONTACTED', payload: { note: 'x' } }],
      ['GET', '/orders/A-1/history', 'orders:read'],
      ['GET', '/orders/A-1/notifications', 'orders:read'],
      ['GET', '/webhooks', 'webhooks:manage'],
      ['POST', '/webhooks', 'webhooks:manage', { url: 'https://hooks.example/x' }],
      ['GET', `/webhooks/${hookId}`, 'webhooks:manage'],
      ['GET', `/webhooks/${hookId}/deliveries`, 'webhooks:manage'],
      ['GET', '/deliveries', 'deliveries:manage'],
      ['GET', `/deliveries/${deliveryId}`, 'deliveries:manage'],
      ['POST', `/deliveries/${deliveryId}/retry`, 'deliveries:manage'],
      ['GET', '/admin/keys', 'admin'],
      ['POST', '/admin/keys', 'admin', { scopes: ['orders:read'] }],
      ['GET', '/machines/order/census', 'admin'],
    ];
    const all: Scope[] = ['orders:read', 'orders:write', 'webhooks:manage', 'deliveries:manage'];
    for (const [method, path, scope, body] of needs) {
      const without = await keyOf(store, 'shop-a', all.filter((s) => s !== scope));
      const refused = await t.call(method, path, body, without.auth);
      expect(refused.status, `${method} ${path} without ${scope}`).toBe(403);
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
      expect(refused.body).toMatchObject({ type: '/problems/forbidden', missingScope: scope });
      expect(refused.body.detail).toContain(scope);
      if (path === '/machines/order/census') continue; // the operator's: see below
      const only = await keyOf(store, 'shop-a', [scope]);
      const allowed = await t.call(method, path, body, only.auth);
      expect(allowed.status, `${method} ${path} with ${scope}`).toBeLessThan(400);
    }
    // The census counts every tenant's orders: an admin of shop-a may not read it; one of the default tenant may.
    expect((await t.call('GET', '/machines/order/census', undefined, (await keyOf(store, 'shop-a', ['admin'])).auth)).status).toBe(403);
    expect((await t.call('GET', '/machines/order/census', undefined, (await keyOf(store, 'default', ['admin'])).auth)).status).toBe(200);
  });

  it('manages keys through /admin/keys: an admin of a tenant manages its own, the default tenant every tenant\'s; a revoked key stops working', async () => {
    const { t, store, B } = await twoTenants(open);
    const adminB = await keyOf(store, 'shop-b', ['admin']);
    const operator = await keyOf(store, 'default', ['admin']);
    const created = await t.call('POST', '/admin/keys', { scopes: ['orders:read'], name: 'desk' }, adminB.auth);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ tenant: 'shop-b', scopes: ['orders:read'], name: 'desk', revokedAt: null, key: expect.stringMatching(/^ask_/) });
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect((await t.call('POST', '/admin/keys', { tenant: 'shop-a', scopes: ['admin'] }, adminB.auth)).status).toBe(403);
    const listed = await t.call('GET', '/admin/keys', undefined, adminB.auth);
    expect(new Set(listed.body.keys.map((k: { tenant: string }) => k.tenant))).toEqual(new Set(['shop-b']));
    expect(listed.text).not.toContain(created.body.key);
    expect(listed.text).not.toMatch(/secretHash|secret_hash/);
    expect(new Set((await t.call('GET', '/admin/keys', undefined, operator.auth)).body.keys.map((k: { tenant: string }) => k.tenant))).toEqual(new Set(['shop-a', 'shop-b', 'default']));
    const forA = await t.call('POST', '/admin/keys', { tenant: 'shop-a', scopes: ['orders:read'] }, operator.auth);
    expect(forA.body.tenant).toBe('shop-a');
    // shop-b's admin cannot revoke shop-a's key (it does not exist for shop-b); shop-a's key still works.
    expect((await t.call('DELETE', `/admin/keys/${forA.body.id}`, undefined, adminB.auth)).status).toBe(404);
    const useNew = () => t.call('GET', '/orders', undefined, { authorization: `Bearer ${created.body.key}` });
    expect((await useNew()).status).toBe(200);
    expect((await t.call('DELETE', `/admin/keys/${created.body.id}`, undefined, adminB.auth)).status).toBe(204);
    const revokedAt = Date.now();
    await expect.poll(async () => (await useNew()).status, { timeout: 2000, interval: 50 }).toBe(401);
    expect(Date.now() - revokedAt).toBeLessThan(1000);
    expect((await useNew()).body.detail).toBe('the API key is not valid');
    expect((await B.call('GET', '/orders')).status).toBe(200);
  });

  it('serves no request without a key once any key exists, and takes API_TOKENS as admin keys of the default tenant', async () => {
    const store = await open();
    const t = await testApp({ store, apiTokens: ['tok_0123456789abcdef'] });
    expect((await t.call('GET', '/orders')).status).toBe(401);
    const token = { authorization: 'Bearer tok_0123456789abcdef' };
    expect((await t.call('POST', '/orders', orderBody({ id: 'D-1' }), token)).status).toBe(201);
    const forA = await t.call('POST', '/admin/keys', { tenant: 'shop-a', scopes: ['orders:read'] }, token);
    expect(forA.status).toBe(201);
    expect((await t.call('GET', '/orders/D-1', undefined, { authorization: `Bearer ${forA.body.key}` })).status).toBe(404);
    const open2 = await testApp({ store: await open() });
    expect((await open2.call('GET', '/orders')).status).toBe(200);
    await open2.store.createKey(mintKey({ tenant: 'default', scopes: ['admin'], now: 0 }).record);
    await expect.poll(async () => (await open2.call('GET', '/orders')).status, { timeout: 2000, interval: 50 }).toBe(401);
  });

  it('keeps the at-risk list per tenant as deadlines fall due', async () => {
    const { t, A, B, clock } = await twoTenants(open);
    expect((await B.call('POST', '/orders', orderBody({ id: 'B-1', shipBy: '2026-03-03T00:00:00Z' }))).status).toBe(201);
    clock.advance(DAY);
    const atRisk = (who: typeof A) => who.call('GET', '/orders?deadlineBefore=2027-01-01T00:00:00Z').then((r) => r.body.orders.map((o: { id: string }) => o.id));
    expect(await atRisk(B)).toEqual(['B-1']);
    expect(await atRisk(A)).not.toContain('B-1');
    expect(t.app.routes.length).toBeGreaterThan(0);
  });
});

describe.runIf(pgUrl)('two PostgreSQL instances', () => {
  const opened: Store[] = [];
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
    await drop?.();
  });

  it("answer another tenant's order, webhook and delivery on every route as if it did not exist, whichever instance serves whom", async () => {
    const db = await createTestDatabase('tenant_matrix');
    drop = db.drop;
    opened.push(await openPostgresStore(db.url, { maxConnections: 4 }), await openPostgresStore(db.url, { maxConnections: 4 }));
    await crossTenantMatrix(await twoTenants(async () => opened[0]!, opened[1]!));
    reportSuiteRan('postgres-tenants-two-instances', 1);
  });
});

describe('open mode', () => {
  it('serves requests without a key while there is no key at all, as an admin of the default tenant', async () => {
    const t = await testApp();
    expect((await t.create({ id: 'O-1' })).status).toBe(201);
    expect((await t.call('GET', '/admin/keys')).body).toEqual({ keys: [] });
  });

  it('refuses requests without a key when open access is not allowed (a non-loopback address)', async () => {
    const t = await testApp({ openAccess: false });
    expect((await t.call('GET', '/orders')).status).toBe(401);
  });
});
