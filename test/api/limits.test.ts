import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { orderBody, testApp } from '../support/test-app.ts';

const as = (token: string) => ({ authorization: `Bearer ${token}` });
const tokens = ['token-of-shop-a-0123456789', 'token-of-shop-b-0123456789'];

describe('the rate limit, per key', () => {
  it('answers 429 problem+json with Retry-After past the burst, for that key only, and refills with time', async () => {
    const t = await testApp({ apiTokens: tokens, rateLimit: { perSecond: 2, burst: 5 } });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await t.call('GET', '/orders', undefined, as(tokens[0]!))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await t.call('GET', '/orders', undefined, as(tokens[0]!));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body).toMatchObject({ type: '/problems/rate-limited', status: 429, limit: 2, burst: 5 });
    // Another key has its own bucket.
    expect((await t.call('GET', '/orders', undefined, as(tokens[1]!))).status).toBe(200);
    // Half a second refills one request (2 per second), not two.
    t.clock.advance(500);
    expect((await t.call('GET', '/orders', undefined, as(tokens[0]!))).status).toBe(200);
    expect((await t.call('GET', '/orders', undefined, as(tokens[0]!))).status).toBe(429);
    t.clock.advance(10_000);
    for (let i = 0; i < 5; i++) expect((await t.call('GET', '/orders', undefined, as(tokens[0]!))).status).toBe(200);
  });

  it('counts refused credentials too, and leaves probes, docs and the inspector alone', async () => {
    const t = await testApp({ apiTokens: tokens, rateLimit: { perSecond: 1, burst: 2 } });
    const wrong = as('not-a-token-of-anyone-000');
    expect([(await t.call('GET', '/orders', undefined, wrong)).status, (await t.call('GET', '/orders', undefined, wrong)).status, (await t.call('GET', '/orders', undefined, wrong)).status]).toEqual([401, 401, 429]);
    for (let i = 0; i < 5; i++) {
      for (const path of ['/healthz', '/docs', '/inspector', '/machines/order']) expect((await t.call('GET', path)).status, path).toBe(200);
    }
  });

  it('is off unless configured (tests, the bench)', async () => {
    const t = await testApp();
    for (let i = 0; i < 300; i++) expect((await t.call('GET', '/orders')).status).toBe(200);
  });

  it('forgets the least recently seen keys beyond maxKeys, so memory stays bounded', async () => {
    const t = await testApp({ rateLimit: { perSecond: 1, burst: 1, maxKeys: 2 } });
    const key = (n: number) => ({ authorization: `Bearer k${n}` });
    expect((await t.call('GET', '/orders', undefined, key(1))).status).toBe(200);
    expect((await t.call('GET', '/orders', undefined, key(1))).status).toBe(429);
    expect((await t.call('GET', '/orders', undefined, key(2))).status).toBe(200);
    expect((await t.call('GET', '/orders', undefined, key(3))).status).toBe(200); // k1 forgotten
    expect((await t.call('GET', '/orders', undefined, key(1))).status).toBe(200);
  });
});

describe('live streams, per key', () => {
  it('refuses the stream over the cap with 429, and frees a place when a stream ends', async () => {
    const t = await testApp({ apiTokens: tokens, streamsPerKey: 2 });
    expect((await t.call('POST', '/orders', orderBody({ id: 'L-1' }), as(tokens[0]!))).status).toBe(201);
    const open = async (token: string) => t.app.request('/orders/L-1/stream', { headers: as(token) });
    const first = await open(tokens[0]!);
    const second = await open(tokens[0]!);
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await open(tokens[0]!);
    expect(third.status).toBe(429);
    expect(await third.json()).toMatchObject({ type: '/problems/rate-limited', limit: 2 });
    expect(third.headers.get('retry-after')).toBe('5');
    const other = await open(tokens[1]!);
    expect(other.status).toBe(200);
    await first.body!.cancel();
    await expect.poll(async () => {
      const res = await open(tokens[0]!);
      if (res.status === 200) await res.body!.cancel();
      return res.status;
    }).toBe(200);
    await second.body!.cancel();
    await other.body!.cancel();
  });

  it('does not count a stream of an order that does not exist', async () => {
    const t = await testApp({ streamsPerKey: 1 });
    for (let i = 0; i < 3; i++) expect((await t.call('GET', '/orders/nope/stream')).status).toBe(404);
    await t.create({ id: 'L-2' });
    const res = await t.app.request('/orders/L-2/stream');
    expect(res.status).toBe(200);
    await res.body!.cancel();
  });
});

describe('the Host header', () => {
  it('answers the configured names (any port, *.name for subdomains) and refuses others with 421', async () => {
    const t = await testApp({ allowedHostNames: ['localhost', '*.localhost', '127.0.0.1', '[::1]', 'Orders.Shop.Example'] });
    for (const host of ['localhost', 'localhost:3000', 'app.localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'orders.shop.example', 'ORDERS.shop.example.']) {
      expect((await t.call('GET', '/healthz', undefined, { host })).status, host).toBe(200);
    }
    for (const host of ['attacker.example', 'attacker.example:3000', 'localhost.attacker.example', '127.0.0.2', 'shop.example', '']) {
      const res = await t.call('GET', '/orders', undefined, { host });
      expect(res.status, host).toBe(421);
      expect(res.body).toMatchObject({ type: '/problems/misdirected-request' });
    }
    // The inspector and the docs too: the pages a rebound name would load.
    expect((await t.call('GET', '/inspector', undefined, { host: 'attacker.example' })).status).toBe(421);
  });

  it('is configured with ALLOWED_HOST_NAMES; a list of no names stops the start (it would refuse every request)', () => {
    expect(readConfig({ ALLOWED_HOST_NAMES: 'orders.shop.example, *.desk.example' }).ALLOWED_HOST_NAMES).toEqual(['orders.shop.example', '*.desk.example']);
    // Empty is unset, as for every variable: the default.
    for (const unset of [{}, { ALLOWED_HOST_NAMES: '' }]) expect(readConfig(unset).ALLOWED_HOST_NAMES).toBeUndefined();
    for (const empty of [' ', ', ,']) expect(() => readConfig({ ALLOWED_HOST_NAMES: empty }), JSON.stringify(empty)).toThrow('invalid configuration: ALLOWED_HOST_NAMES: at least one host name');
  });
});

describe('the pages a browser renders', () => {
  it('carry a Content-Security-Policy without framing, and nosniff; the API answers do not need it', async () => {
    const t = await testApp();
    for (const path of ['/docs', '/docs/assets/swagger-ui.css', '/inspector', '/inspector/app.js', '/problems', '/problems/rate-limited']) {
      const res = await t.call('GET', path);
      expect(res.status, path).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*;/);
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
    // The docs page's one inline script is allowed by its hash, and by nothing broader.
    const docs = await t.call('GET', '/docs');
    const inline = /<script>([\s\S]*?)<\/script>/.exec(docs.text)![1]!;
    const { createHash } = await import('node:crypto');
    expect(docs.headers.get('content-security-policy')).toContain(`'sha256-${createHash('sha256').update(inline).digest('base64')}'`);
    expect(docs.headers.get('content-security-policy')).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});
