import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { mintKey } from '../../src/tenancy/key-secrets.ts';
import { orderBody, testApp } from '../support/test-app.ts';

const token = 'tok_0123456789abcdef';

describe('API tokens', () => {
  it('when configured, every order, webhook and delivery route needs a valid bearer token; nothing changes without one', async () => {
    const t = await testApp({ apiTokens: [token, 'tok_second-token-000'] });
    const bearer = { authorization: `Bearer ${token}` };
    for (const [method, path, body] of [
      ['POST', '/orders', orderBody({ id: 'A-1' })],
      ['GET', '/orders', undefined],
      ['GET', '/orders/A-1', undefined],
      ['GET', '/webhooks', undefined],
      ['GET', '/deliveries', undefined],
    ] as const) {
      const none = await t.call(method, path, body);
      expect(none.status, `${method} ${path}`).toBe(401);
      expect(none.headers.get('content-type')).toBe('application/problem+json');
      expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const wrong = await t.call(method, path, body, { authorization: 'Bearer tok_0123456789abcdeX' });
      expect(wrong.status).toBe(401);
      expect(wrong.body.detail).toBe('the API key is not valid');
    }
    expect((await t.call('GET', '/orders', undefined, bearer)).body.orders).toEqual([]);
    expect((await t.call('POST', '/orders', orderBody({ id: 'A-1' }), bearer)).status).toBe(201);
    expect((await t.call('GET', '/orders/A-1', undefined, { authorization: 'bearer tok_second-token-000' })).status).toBe(200);
    expect((await t.call('POST', '/orders/A-1/events', { type: 'SHIPPED', payload: { carrier: 'SF', trackingNumber: '1' } })).status).toBe(401);
    expect((await t.call('GET', '/orders/A-1', undefined, bearer)).body.version).toBe(1);
    for (const open of ['/healthz', '/openapi.json', '/docs', '/machines/order', '/inspector']) {
      expect((await t.app.request(open)).status, open).toBe(200);
    }
  });

  it('without tokens configured the API is open (the default for a local, embedded deployment)', async () => {
    const t = await testApp();
    expect((await t.call('GET', '/orders')).status).toBe(200);
  });

  it('checks the key once per request, on every prefix (GET /orders as GET /orders/{id})', async () => {
    const store = createSqliteStore(new Database(':memory:'));
    await store.migrate();
    let lookups = 0;
    const counted = { ...store, keyBySecretHash: (hash: string) => (lookups++, store.keyBySecretHash(hash)) };
    // No cache: every check of the key is a lookup.
    const t = await testApp({ store: counted, keyCacheMs: 0 });
    const { key, record } = mintKey({ tenant: 'shop-a', scopes: ['admin'], now: Date.now() });
    await store.createKey(record);
    const bearer = { authorization: `Bearer ${key}` };
    for (const [method, path, body] of [
      ['POST', '/orders', orderBody({ id: 'K-1' })],
      ['GET', '/orders', undefined],
      ['GET', '/orders/K-1', undefined],
      ['GET', '/orders/K-1/history', undefined],
      ['GET', '/webhooks', undefined],
      ['GET', '/deliveries', undefined],
      ['GET', '/admin/keys', undefined],
    ] as const) {
      lookups = 0;
      const res = await t.call(method, path, body, bearer);
      expect(res.status, `${method} ${path}: ${res.text}`).toBeLessThan(300);
      expect(lookups, `${method} ${path}`).toBe(1);
    }
  });
});
