import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { serve } from '@hono/node-server';
import { expect, it } from 'vitest';
import { onBothStores } from '../support/both-stores.ts';
import { testApp, type TestApp } from '../support/test-app.ts';

const cursor = (json: string) => Buffer.from(json).toString('base64url');
const DEADLINES = 'deadlineBefore=2030-01-01T00:00:00Z';

interface Case {
  name: string;
  request: (t: TestApp) => ReturnType<TestApp['call']>;
  status: number;
  type: string;
  /** The field error the problem names, when it names one. */
  path?: string;
}

// Each answered 500 on PostgreSQL before this suite (PostgreSQL refuses U+0000 and a forged cursor's
// number), while SQLite answered 404/422: both stores must answer alike, before the store is asked.
const cases: Case[] = [
  { name: 'a NUL in an order id', request: (t) => t.call('GET', '/orders/%00'), status: 404, type: '/problems/not-found' },
  { name: 'a NUL inside an order id, history', request: (t) => t.call('GET', '/orders/H-1%00/history'), status: 404, type: '/problems/not-found' },
  { name: 'a NUL in an event path', request: (t) => t.call('POST', '/orders/H-1%00/events', { type: 'SUPPLIER_CONTACTED' }), status: 404, type: '/problems/not-found' },
  { name: 'a NUL in a notifications path', request: (t) => t.call('GET', '/orders/%00/notifications'), status: 404, type: '/problems/not-found' },
  { name: 'a NUL in a webhook id', request: (t) => t.call('DELETE', '/webhooks/a%00b'), status: 404, type: '/problems/not-found' },
  { name: 'a NUL in a delivery id', request: (t) => t.call('POST', '/deliveries/%00/retry'), status: 404, type: '/problems/not-found' },
  { name: 'a NUL in a delivery query', request: (t) => t.call('GET', '/deliveries?orderId=H-1%00'), status: 422, type: '/problems/invalid-input', path: 'query.orderId' },
  { name: 'a NUL in a query name', request: (t) => t.call('GET', '/orders?st%00ate=x'), status: 422, type: '/problems/invalid-input', path: 'query."st\\u0000ate"' },
  { name: 'a NUL in a webhook description', request: (t) => t.call('POST', '/webhooks', { url: 'https://hooks.example/a', description: 'a\u0000b' }), status: 422, type: '/problems/invalid-input', path: 'description' },
  { name: 'a NUL in an event note', request: (t) => t.send('H-1', 'SUPPLIER_CONTACTED', { note: 'call\u0000me' }), status: 422, type: '/problems/invalid-input', path: 'payload.note' },
  { name: 'an unpaired surrogate in an event note', request: (t) => t.send('H-1', 'SUPPLIER_CONTACTED', { note: 'x\ud800' }), status: 422, type: '/problems/invalid-input', path: 'payload.note' },
  { name: 'a lone low surrogate in a field name', request: (t) => t.send('H-1', 'SUPPLIER_CONTACTED', { ['\udc00']: 1 }), status: 422, type: '/problems/invalid-input', path: 'payload."\\udc00"' },
  { name: 'a NUL in a new order id', request: (t) => t.create({ id: 'H-2\u0000' }), status: 422, type: '/problems/invalid-input', path: 'id' },
  { name: 'a NUL in an item sku', request: (t) => t.create({ id: 'H-3', items: [{ sku: 'a\u0000', quantity: 1, unitPrice: 1 }] }), status: 422, type: '/problems/invalid-input', path: 'items.0.sku' },
  { name: 'a cursor with an infinite deadline', request: (t) => t.call('GET', `/orders?${DEADLINES}&cursor=${cursor('{"id":"H-1","deadline":1e309}')}`), status: 422, type: '/problems/invalid-input', path: 'query.cursor' },
  { name: 'a cursor with a fractional deadline', request: (t) => t.call('GET', `/orders?${DEADLINES}&cursor=${cursor('{"id":"H-1","deadline":1.5}')}`), status: 422, type: '/problems/invalid-input', path: 'query.cursor' },
  { name: 'a cursor with a deadline past 2^53', request: (t) => t.call('GET', `/orders?${DEADLINES}&cursor=${cursor('{"id":"H-1","deadline":9223372036854775808}')}`), status: 422, type: '/problems/invalid-input', path: 'query.cursor' },
  { name: 'a cursor with a NUL in its id', request: (t) => t.call('GET', `/orders?cursor=${cursor('{"id":"\\u0000"}')}`), status: 422, type: '/problems/invalid-input', path: 'query.cursor' },
  { name: 'a cursor that is not JSON', request: (t) => t.call('GET', `/orders?cursor=${cursor('{"id":')}`), status: 422, type: '/problems/invalid-input', path: 'query.cursor' },
  { name: 'a cursor with a numeric id', request: (t) => t.call('GET', `/orders?cursor=${cursor('{"id":7}')}`), status: 422, type: '/problems/invalid-input', path: 'query.cursor' },
];

onBothStores('postgres-hostile-input', (open) => {
  it.each(cases)('answers $status for $name, and changes nothing', async ({ request, status, type, path }) => {
    const t = await testApp({ store: await open() });
    expect((await t.create({ id: 'H-1' })).status).toBe(201);
    const before = { order: (await t.get('H-1')).body, orders: (await t.call('GET', '/orders')).body, webhooks: (await t.call('GET', '/webhooks')).body };

    const res = await request(t);
    expect(res.status, res.text).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body).toMatchObject({ status, type, detail: expect.any(String), requestId: expect.any(String) });
    if (path) expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);

    expect({ order: (await t.get('H-1')).body, orders: (await t.call('GET', '/orders')).body, webhooks: (await t.call('GET', '/webhooks')).body }).toEqual(before);
    expect(t.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('keeps paging with the cursors it gave out, on deadlines too', async () => {
    const t = await testApp({ store: await open() });
    for (const id of ['P-1', 'P-2', 'P-3']) await t.create({ id });
    const first = await t.call('GET', `/orders?${DEADLINES}&limit=2`);
    expect(first.body.orders).toHaveLength(2);
    const second = await t.call('GET', `/orders?${DEADLINES}&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.status).toBe(200);
    expect([...first.body.orders, ...second.body.orders].map((o: { id: string }) => o.id).sort()).toEqual(['P-1', 'P-2', 'P-3']);
  });

  it('takes paired surrogates (emoji), written raw or as escapes', async () => {
    const t = await testApp({ store: await open() });
    await t.create({ id: 'E-1' });
    const raw = await t.send('E-1', 'SUPPLIER_CONTACTED', { note: 'asked 📦' });
    expect(raw.status).toBe(200);
    const escaped = await t.call('POST', '/orders/E-1/events', '{"type":"SUPPLIER_CONTACTED","payload":{"note":"again \\ud83d\\udce6"}}');
    expect(escaped.status).toBe(200);
    expect(escaped.body.lastNote.text).toBe('again 📦');
  });
});

it('never lets a NUL in a header reach the service: Node refuses it at the socket with 400', async () => {
  const t = await testApp();
  const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.end('GET /orders HTTP/1.1\r\nHost: x\r\nIdempotency-Key: a\0b\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(t.logger.lines).toEqual([]);
  } finally {
    server.close();
  }
});
