import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import type { ResolvedAddress, Resolver } from '../../src/webhooks/webhook-targets.ts';
import { webhookReceiver } from '../support/receivers.ts';
import { DAY, testApp } from '../support/test-app.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A resolver that answers from a table (and counts its calls); any other name does not resolve. */
function fakeDns(table: Record<string, string[] | (() => string[])>) {
  const calls: string[] = [];
  const resolve: Resolver = async (host) => {
    calls.push(host);
    const entry = table[host];
    const addresses = typeof entry === 'function' ? entry() : entry;
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return addresses.map((address): ResolvedAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolve, calls };
}

/** A receiver on 127.0.0.1 whose every answer is written by `answer`. */
async function rawReceiver(answer: (res: ServerResponse) => void) {
  let hits = 0;
  const server = createServer((req, res) => {
    hits += 1;
    req.resume().on('end', () => answer(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));
  return { port: (server.address() as AddressInfo).port, hits: () => hits };
}

const dns = fakeDns({
  'rebound.example': ['127.0.0.1'],
  'mixed.example': ['93.184.216.34', '10.0.0.7'],
  'six.example': ['2606:4700::1111', '::1'],
  'public.example': ['93.184.216.34'],
  'internal.example': ['10.20.30.40'],
});

/** Every spelling of a place webhooks may not go, and the rule its 422 names. */
const refused: [url: string, rule: string][] = [
  ['http://hooks.example/in', 'https-only'],
  ['https://127.0.0.1/in', 'loopback'],
  ['https://2130706433/in', 'loopback'],
  ['https://0x7f000001/in', 'loopback'],
  ['https://0177.0.0.1/in', 'loopback'],
  ['https://127.1/in', 'loopback'],
  ['https://[::1]/in', 'loopback'],
  ['https://[::ffff:127.0.0.1]/in', 'loopback'],
  ['https://[0:0:0:0:0:ffff:7f00:1]/in', 'loopback'],
  ['https://[64:ff9b::7f00:1]/in', 'loopback'],
  ['https://[::127.0.0.1]/in', 'loopback'],
  ['https://localhost:5432/in', 'loopback'],
  ['https://api.localhost/in', 'loopback'],
  ['https://rebound.example/in', 'loopback'],
  ['https://six.example/in', 'loopback'],
  ['https://10.0.0.1/in', 'private'],
  ['https://172.16.5.4/in', 'private'],
  ['https://192.168.1.1/in', 'private'],
  ['https://100.64.0.1/in', 'private'],
  ['https://0xa000001/in', 'private'],
  ['https://[::ffff:10.0.0.1]/in', 'private'],
  ['https://[2002:a00:1::]/in', 'private'],
  ['https://mixed.example/in', 'private'],
  ['https://169.254.169.254/latest/meta-data/', 'link-local'],
  ['https://[fe80::1]/in', 'link-local'],
  ['https://[fd00::1]/in', 'unique-local'],
  ['https://224.0.0.1/in', 'multicast'],
  ['https://[ff02::1]/in', 'multicast'],
  ['https://0.0.0.0/in', 'unspecified'],
  ['https://0/in', 'unspecified'],
  ['https://[::]/in', 'unspecified'],
  ['https://255.255.255.255/in', 'reserved'],
  ['https://192.0.2.1/in', 'reserved'],
];

describe('webhook targets, at registration', () => {
  it.each(refused)('refuses %s (rule %s) with a 422 naming the rule, and stores nothing', async (url, rule) => {
    const t = await testApp({ webhookTargets: { resolve: dns.resolve } });
    const res = await t.call('POST', '/webhooks', { url });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ type: '/problems/webhook-target-refused', status: 422, rule, errors: [{ path: 'url', message: expect.stringContaining(`rule ${rule}`) }] });
    expect(res.body.detail).toContain(`rule ${rule}`);
    expect((await t.call('GET', '/webhooks')).body.webhooks).toEqual([]);
  });

  it('accepts public https targets, and a name that does not resolve yet (every attempt checks again)', async () => {
    const t = await testApp({ webhookTargets: { resolve: dns.resolve } });
    for (const url of ['https://public.example/in', 'https://93.184.216.34/in', 'https://[2606:4700::1111]/in', 'https://[::ffff:8.8.8.8]/in', 'https://not-yet.example/in']) {
      expect((await t.call('POST', '/webhooks', { url })).status, url).toBe(201);
    }
  });

  it('lets an operator allow http and exempt listed hosts, and nothing else', async () => {
    const t = await testApp({ webhookTargets: { resolve: dns.resolve, allowHttp: true, allowedHosts: ['internal.example', '127.0.0.1', '[::1]'] } });
    for (const url of ['http://public.example/in', 'https://internal.example/in', 'http://127.0.0.1:8080/in', 'http://2130706433:8080/in', 'https://[::1]/in']) {
      expect((await t.call('POST', '/webhooks', { url })).status, url).toBe(201);
    }
    for (const url of ['http://127.0.0.2/in', 'https://10.20.30.40/in', 'https://rebound.example/in', 'ftp://public.example/in']) {
      expect((await t.call('POST', '/webhooks', { url })).status, url).toBe(422);
    }
  });
});

/** A new order notifies a `state.changed` subscriber once; one worker run delivers it. */
async function oneDelivery(t: Awaited<ReturnType<typeof testApp>>, url: string) {
  const sub = await t.call('POST', '/webhooks', { url, events: ['state.changed'] });
  expect(sub.status, JSON.stringify(sub.body)).toBe(201);
  expect((await t.create({ id: 'T-1', shipBy: new Date(t.clock.now() + 3 * DAY).toISOString() })).status).toBe(201);
  await t.app.deliveryWorker.runOnce();
  const [delivery] = (await t.call('GET', `/webhooks/${sub.body.id}/deliveries`)).body.deliveries;
  return delivery;
}

const app = (policy: Parameters<typeof testApp>[0] & object = {}) =>
  testApp({ clock: createManualClock(Date.now()), delivery: { backoffBaseMs: 1000, random: () => 0.5 }, ...policy });

describe('webhook targets, at every attempt', () => {
  it('resolves again before each attempt: a name that rebinds to loopback after registration is not sent to', async () => {
    const r = await webhookReceiver();
    closers.push(r.close);
    const port = new URL(r.url).port;
    let answer = ['93.184.216.34'];
    const rebinding = fakeDns({ 'rebind.example': () => answer });
    const t = await app({ webhookTargets: { resolve: rebinding.resolve, allowHttp: true } });
    expect((await t.call('POST', '/webhooks', { url: `http://rebind.example:${port}/in`, events: ['state.changed'] })).status).toBe(201);
    answer = ['127.0.0.1'];
    expect((await t.create({ id: 'T-1', shipBy: new Date(t.clock.now() + 3 * DAY).toISOString() })).status).toBe(201);
    await t.app.deliveryWorker.runOnce();
    const [d] = (await t.call('GET', '/deliveries')).body.deliveries;
    expect(d).toMatchObject({ status: 'pending', lastError: 'not sent: the target is refused (rule loopback); webhooks go only to public https addresses' });
    expect(d.lastError).not.toContain('127.0.0.1');
    expect(r.received).toHaveLength(0);
  });

  it('connects to the address it checked (resolved once per attempt), not to a second lookup', async () => {
    const r = await webhookReceiver();
    closers.push(r.close);
    const port = new URL(r.url).port;
    // The system resolver does not know this name: the delivery arrives only through the pinned address.
    const pinned = fakeDns({ 'pinned.example': ['127.0.0.1'] });
    const t = await app({ webhookTargets: { resolve: pinned.resolve, allowHttp: true, allowedHosts: ['pinned.example'] } });
    const delivery = await oneDelivery(t, `http://pinned.example:${port}/in`);
    expect(delivery).toMatchObject({ status: 'delivered', lastError: null });
    expect(r.received).toHaveLength(1);
    expect(r.received[0]!.headers.host).toBe(`pinned.example:${port}`);
    expect(pinned.calls).toEqual(['pinned.example']); // the one attempt (an allowed host is not resolved at registration)
  });

  it('follows no redirect: a 302 is a failed attempt, and the place it points to gets nothing', async () => {
    const elsewhere = await rawReceiver((res) => res.writeHead(204).end());
    const redirecting = await rawReceiver((res) => res.writeHead(302, { location: `http://127.0.0.1:${elsewhere.port}/metadata` }).end());
    const t = await app({ webhookTargets: { allowHttp: true, allowedHosts: ['127.0.0.1'] } });
    const delivery = await oneDelivery(t, `http://127.0.0.1:${redirecting.port}/in`);
    expect(delivery).toMatchObject({ status: 'pending', lastError: 'HTTP 302: redirects are not followed; register the final URL' });
    expect(delivery.attempts).toEqual([expect.objectContaining({ ok: false, statusCode: 302 })]);
    expect(redirecting.hits()).toBe(1);
    expect(elsewhere.hits()).toBe(0);
  });

  it('shows the subscriber the status and a short excerpt of a failed answer, never the page', async () => {
    const secret = 'db-password=hunter2';
    const page = `<!doctype html><html><head><title>Internal</title></head><body>\n\n<h1>Service   Unavailable</h1>\u0007${'<p>detail line</p>'.repeat(5000)}${secret}</body></html>`;
    const r = await rawReceiver((res) => res.writeHead(503, { 'content-type': 'text/html' }).end(page));
    const t = await app({ webhookTargets: { allowHttp: true, allowedHosts: ['127.0.0.1'] } });
    const delivery = await oneDelivery(t, `http://127.0.0.1:${r.port}/in`);
    expect(delivery.lastError).toMatch(/^HTTP 503: Internal Service Unavailable detail line detail line .*…$/);
    expect([...delivery.lastError].length).toBeLessThanOrEqual('HTTP 503: '.length + 101);
    for (const banned of ['<', '>', '\u0007', '\n']) expect(delivery.lastError).not.toContain(banned);
    expect(JSON.stringify(delivery)).not.toContain(secret);
    expect(delivery.attempts[0].error).toBe(delivery.lastError);
  });

  it('says a refused connection in words, without the address behind it', async () => {
    const closed = await rawReceiver((res) => res.end());
    await closers.pop()!(); // the port is free again: nothing listens there
    const t = await app({ webhookTargets: { allowHttp: true, allowedHosts: ['127.0.0.1'] } });
    const delivery = await oneDelivery(t, `http://127.0.0.1:${closed.port}/in`);
    expect(delivery.lastError).toBe('no answer: the connection was refused');
  });

  it('refuses plain http at delivery when it is not allowed (a subscription stored before the rule)', async () => {
    const r = await webhookReceiver();
    closers.push(r.close);
    const t = await app({ webhookTargets: { allowedHosts: ['127.0.0.1'] } });
    await t.store.createSubscription({ id: 'old-sub', tenant: 'default', url: r.url, events: ['state.changed'], secret: `whsec_${Buffer.alloc(24, 1).toString('base64')}`, description: null, createdAt: t.clock.now() });
    expect((await t.create({ id: 'T-1', shipBy: new Date(t.clock.now() + 3 * DAY).toISOString() })).status).toBe(201);
    await t.app.deliveryWorker.runOnce();
    const [d] = (await t.call('GET', '/deliveries')).body.deliveries;
    expect(d.lastError).toBe('not sent: the target is refused (rule https-only); webhooks go only to public https addresses');
    expect(r.received).toHaveLength(0);
  });
});
