import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { problemTypes } from '../../src/errors.ts';
import { onBothStores } from '../support/both-stores.ts';
import { testApp } from '../support/test-app.ts';

const accepted = () => Promise.resolve(new Response(null, { status: 204 }));

describe('Idempotency-Key (draft-ietf-httpapi-idempotency-key-header)', () => {
  it('refuses an empty, over-long or ill-formed key with 400, and applies nothing', async () => {
    const t = await testApp();
    await t.create({ id: 'IK-1' });
    for (const key of ['', '""', 'k'.repeat(256), 'two words', 'caf\u00e9', '"unterminated']) {
      const res = await t.send('IK-1', 'CUSTOMS_HELD', {}, { 'idempotency-key': key });
      expect(res.status, JSON.stringify(key)).toBe(400);
      expect(res.body).toMatchObject({ type: '/problems/malformed-request', errors: [{ path: 'header.Idempotency-Key' }] });
    }
    expect((await t.get('IK-1')).body.version).toBe(1);
    expect((await t.send('IK-1', 'STOCK_UNAVAILABLE', {}, { 'idempotency-key': 'k'.repeat(255) })).status).toBe(200);
  });

  it('marks a replayed answer with Idempotent-Replayed: true; a quoted key (structured field) is the same key', async () => {
    const t = await testApp();
    await t.create({ id: 'IK-2' });
    const first = await t.send('IK-2', 'STOCK_UNAVAILABLE', { note: 'out' }, { 'idempotency-key': '"retry-7"' });
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await t.send('IK-2', 'STOCK_UNAVAILABLE', { note: 'out' }, { 'idempotency-key': 'retry-7' });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect((await t.history('IK-2')).body.history).toHaveLength(2);
    // Reused for another request: 422, as the draft says.
    expect((await t.send('IK-2', 'ITEM_OVERSIZED', {}, { 'idempotency-key': 'retry-7' })).status).toBe(422);
  });
});

describe('conditional requests (RFC 9110)', () => {
  it('answers 304 to If-None-Match with the current tag (weak comparison, lists, *), 200 otherwise', async () => {
    const t = await testApp();
    await t.create({ id: 'CR-1' });
    const read = await t.get('CR-1');
    const tag = read.headers.get('etag')!;
    expect(tag).toMatch(/^"1-[A-Za-z0-9_-]{16}"$/);
    for (const header of [tag, `W/${tag}`, `"0-nope", ${tag}`, '*']) {
      const res = await t.call('GET', '/orders/CR-1', undefined, { 'if-none-match': header });
      expect(res.status, header).toBe(304);
      expect(res.text).toBe('');
      expect(res.headers.get('etag')).toBe(tag);
    }
    expect((await t.call('GET', '/orders/CR-1', undefined, { 'if-none-match': '"1-other"' })).status).toBe(200);
    expect((await t.call('GET', '/orders/CR-1', undefined, { 'if-none-match': 'garbage' })).status).toBe(400);
  });

  it('gives different bodies different tags, also at one version (the notification counts change after delivery)', async () => {
    const t = await testApp({ delivery: { fetch: accepted } });
    await t.call('POST', '/webhooks', { url: 'https://shop.example/hook' });
    const created = await t.create({ id: 'CR-2' });
    const before = await t.get('CR-2');
    await t.app.deliveryWorker.runOnce();
    const after = await t.get('CR-2');
    expect(after.body.version).toBe(before.body.version);
    expect(after.body.notifications).not.toEqual(before.body.notifications);
    const tags = [created.headers.get('etag'), before.headers.get('etag'), after.headers.get('etag')];
    expect(new Set(tags).size).toBe(3);
    expect((await t.call('GET', '/orders/CR-2', undefined, { 'if-none-match': before.headers.get('etag')! })).status).toBe(200);
  });

  it('applies an event under If-Match only at a named version: strong comparison, lists, *', async () => {
    const t = await testApp();
    await t.create({ id: 'CR-3' });
    const tag = (await t.get('CR-3')).headers.get('etag')!;
    const stale = await t.send('CR-3', 'SUPPLIER_CONTACTED', {}, { 'if-match': `W/${tag}` });
    expect(stale.status).toBe(412);
    expect(stale.body.type).toBe('/problems/version-mismatch');
    expect((await t.send('CR-3', 'SUPPLIER_CONTACTED', {}, { 'if-match': '"7-x", "8-y"' })).status).toBe(412);
    const applied = await t.send('CR-3', 'SUPPLIER_CONTACTED', {}, { 'if-match': `"9-x", ${tag}` });
    expect(applied.status).toBe(200);
    expect(applied.headers.get('etag')).toMatch(/^"2-/);
    // The tag of the event's answer names version 2 as well; * takes whatever version the order is at.
    expect((await t.send('CR-3', 'SUPPLIER_CONTACTED', {}, { 'if-match': applied.headers.get('etag')! })).status).toBe(200);
    expect((await t.send('CR-3', 'SUPPLIER_CONTACTED', {}, { 'if-match': '*' })).body.version).toBe(4);
    expect((await t.send('nope', 'SUPPLIER_CONTACTED', {}, { 'if-match': '*' })).status).toBe(404);
    expect((await t.send('CR-3', 'SUPPLIER_CONTACTED', {}, { 'if-match': '"5' })).status).toBe(400);
  });
});

describe('methods, CORS, links and problem pages', () => {
  it('answers a method a path does not take with 405 and Allow', async () => {
    const t = await testApp();
    await t.create({ id: 'M-1' });
    const res = await t.call('DELETE', '/orders/M-1');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(res.body).toMatchObject({ type: '/problems/method-not-allowed', status: 405, allow: ['GET', 'HEAD'] });
    expect((await t.call('PUT', '/orders')).headers.get('allow')).toBe('GET, HEAD, POST');
    expect((await t.call('POST', '/healthz')).status).toBe(405);
    expect((await t.call('GET', '/orders/M-1/events')).headers.get('allow')).toBe('POST');
    expect((await t.call('DELETE', '/nowhere')).status).toBe(404);
  });

  it('lets browser pages of the configured origins call the API (CORS_ORIGINS), before the token check', async () => {
    const t = await testApp({ corsOrigins: ['https://desk.shop.example'], apiTokens: ['t'.repeat(32)] });
    const preflight = await t.app.request('/orders/X/events', {
      method: 'OPTIONS',
      headers: { origin: 'https://desk.shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, idempotency-key, if-match, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://desk.shop.example');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
    const read = await t.app.request('/orders', { headers: { origin: 'https://desk.shop.example', authorization: `Bearer ${'t'.repeat(32)}` } });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBe('https://desk.shop.example');
    expect(read.headers.get('access-control-expose-headers')).toContain('ETag');
    const elsewhere = await t.app.request('/orders', { headers: { origin: 'https://evil.example', authorization: `Bearer ${'t'.repeat(32)}` } });
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
    const closed = await testApp();
    expect((await closed.app.request('/orders', { headers: { origin: 'https://desk.shop.example' } })).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('reads CORS_ORIGINS as a list of origins', () => {
    expect(readConfig({ CORS_ORIGINS: 'https://a.example, http://127.0.0.1:8080' }).CORS_ORIGINS).toEqual(['https://a.example', 'http://127.0.0.1:8080']);
    expect(readConfig({ CORS_ORIGINS: '*' }).CORS_ORIGINS).toEqual(['*']);
    expect(() => readConfig({ CORS_ORIGINS: 'https://a.example/desk' })).toThrow(/CORS_ORIGINS/);
  });

  it('links the next page of orders (Link rel="next") until the last', async () => {
    const t = await testApp();
    for (const id of ['L-1', 'L-2', 'L-3']) await t.create({ id });
    const seen: string[] = [];
    let next: string | null = '/orders?limit=2&state=preShipment';
    while (next) {
      const res = await t.call('GET', next);
      seen.push(...res.body.orders.map((o: { id: string }) => o.id));
      next = /^<([^>]+)>; rel="next"$/.exec(res.headers.get('link') ?? '')?.[1] ?? null;
      if (next) expect(next).toContain('state=preShipment');
    }
    expect(seen).toEqual(['L-1', 'L-2', 'L-3']);
  });

  it('describes every problem type at its URI, so each problem answer links to what it means', async () => {
    const t = await testApp();
    const answer = await t.get('nope');
    const page = await t.app.request(answer.body.type);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('Check the id');
    for (const [slug, { title }] of problemTypes) {
      const res = await t.app.request(`/problems/${slug}`);
      expect(res.status, slug).toBe(200);
      expect(await res.text()).toContain(title);
    }
    expect((await t.app.request('/problems')).status).toBe(200);
    expect((await t.call('GET', '/problems/no-such-thing')).status).toBe(404);
  });
});

onBothStores('http-deliveries-paging', (open) => {
  it('pages /deliveries past any limit with a cursor, newest first, ties broken by id', async () => {
    const t = await testApp({ store: await open(), delivery: { fetch: accepted } });
    await t.call('POST', '/webhooks', { url: 'https://shop.example/hook' });
    // Made at the same instant (the clock does not move): the cursor must still not skip or repeat one.
    for (let i = 1; i <= 5; i++) await t.create({ id: `DP-${i}` });
    await t.app.deliveryWorker.runOnce();
    const all = (await t.call('GET', '/deliveries?limit=500')).body.deliveries.map((d: { id: string }) => d.id);
    expect(all).toHaveLength(5);
    const paged: string[] = [];
    let next: string | null = '/deliveries?limit=2&status=delivered';
    let pages = 0;
    while (next) {
      const res = await t.call('GET', next);
      expect(res.status).toBe(200);
      paged.push(...res.body.deliveries.map((d: { id: string }) => d.id));
      next = /^<([^>]+)>; rel="next"$/.exec(res.headers.get('link') ?? '')?.[1] ?? null;
      expect(res.body.nextCursor === null).toBe(next === null);
      pages++;
    }
    expect(pages).toBe(3);
    expect(paged).toEqual(all);
    expect((await t.call('GET', '/deliveries?cursor=bm9wZQ')).status).toBe(422);
  });
});
