import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { announceSkip, createTestDatabase, pgUrl, reportSuiteRan } from '../support/postgres.ts';
import { webhookReceiver } from '../support/receivers.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { DAY, orderBody } from '../support/test-app.ts';

announceSkip('the operated service on PostgreSQL (pool metrics)');

const dir = mkdtempSync(join(tmpdir(), 'aftersales-operated-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface OtlpSpan { traceId: string; spanId: string; parentSpanId?: string; name: string; attributes: { key: string; value: Record<string, unknown> }[] }

/** An OTLP/HTTP collector on 127.0.0.1 that keeps the spans it is sent (JSON encoding). */
async function collector() {
  const spans: OtlpSpan[] = [];
  const paths: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      paths.push(req.url ?? '');
      const doc = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };
      for (const rs of doc.resourceSpans) for (const ss of rs.scopeSpans) spans.push(...ss.spans);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, paths, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const token = 'operated-server-token-42';
const auth = { authorization: `Bearer ${token}` };

/** The value of one sample of a scrape, e.g. `aftersales_timers_total{deadline="expediteAt",outcome="fired"}`; undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) && wanted.every((w) => l.includes(w)));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
}

async function scrape(url: string) {
  const res = await fetch(`${url}/metrics`, { headers: auth });
  expect(res.status).toBe(200);
  return res.text();
}

/** Scrapes until `done` holds (the workers run on their own intervals), for at most 60 s (a loaded machine). */
async function scrapeUntil(url: string, done: (text: string) => boolean) {
  let text = '';
  for (const end = Date.now() + 60_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    text = await scrape(url);
    if (done(text)) return text;
  }
  return text;
}

const post = (url: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth, ...headers }, body: JSON.stringify(body) });

/**
 * Drives a running service through real work: a webhook subscription, an order whose deadlines
 * passed before it was created (both fire at once), one that waits, an accepted and a refused event.
 */
async function realWork(url: string, receiverUrl: string) {
  expect((await post(url, '/webhooks', { url: receiverUrl, events: ['state.changed'] })).status).toBe(201);
  const now = Date.now();
  expect((await post(url, '/orders', orderBody({ id: 'late-1', shipBy: new Date(now - 3 * DAY).toISOString() }))).status).toBe(201);
  expect((await post(url, '/orders', orderBody({ id: 'wait-1', shipBy: new Date(now + 30 * DAY).toISOString() }))).status).toBe(201);
  const traceparent = '00-5bf92f3577b34da6a3ce929d0e0e4736-10f067aa0ba902b7-01';
  const accepted = await post(url, '/orders/wait-1/events', { type: 'SUPPLIER_CONTACTED', payload: { note: 'asked' } }, { traceparent });
  expect(accepted.status).toBe(200);
  const state = ((await accepted.json()) as { state: string }).state;
  expect((await post(url, '/orders/wait-1/events', { type: 'DELIVERED' })).status).toBe(409);
  return { state, traceId: '5bf92f3577b34da6a3ce929d0e0e4736' };
}

/** Waits until both timers of `late-1` fired and every notification was delivered and logged, and answers that scrape. */
function settled(url: string, server: ServerProcess) {
  return scrapeUntil(
    url,
    (text) =>
      server.lines().filter((l) => l.msg === 'timer fired').length === 2 &&
      sample(text, 'aftersales_outbox_backlog', { source: 'history' }) === 0 &&
      // A delivery run may read the effects before the last timer's commit and its history after it.
      sample(text, 'aftersales_outbox_backlog', { source: 'effect' }) === 0 &&
      (sample(text, 'aftersales_deliveries', { channel: 'webhook', status: 'pending' }) ?? 0) === 0 &&
      // The log line of a delivery reaches the test's pipe after its count reaches /metrics.
      server.lines().filter((l) => l.msg === 'delivered').length === (sample(text, 'aftersales_delivery_attempts_total', { channel: 'webhook', outcome: 'delivered' }) ?? 0),
  );
}

describe('the service as an operator runs it (a real process)', () => {
  it('writes access lines, serves /metrics and /readyz, and exports a span per request to the OTLP endpoint', async () => {
    const otlp = await collector();
    const server = startServer({ PORT: '0', DATABASE_FILE: join(dir, 'operated.db'), API_TOKENS: token, OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url, LOG_LEVEL: 'info' });
    try {
      const url = await server.url;
      const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
      const created = await fetch(`${url}/orders`, { method: 'POST', headers: { 'content-type': 'application/json', traceparent, ...auth }, body: JSON.stringify(orderBody({ id: 'op-1' })) });
      expect(created.status).toBe(201);

      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: { ok: true }, workers: { ok: true } } });

      expect((await fetch(`${url}/metrics`)).status).toBe(401);
      const scrape = await fetch(`${url}/metrics`, { headers: auth });
      expect(scrape.status).toBe(200);
      const text = await scrape.text();
      expect(text).toContain('http_request_duration_seconds_count{method="POST",route="/orders",status="201"} 1');
      expect(text).toContain('# TYPE process_cpu_seconds_total counter');

      const access = await server.line((l) => l.msg === 'request' && l.route === '/orders');
      expect(access).toMatchObject({ level: 'info', method: 'POST', path: '/orders', status: 201, requestId: created.headers.get('x-request-id'), durationMs: expect.any(Number) });
      expect(server.log()).not.toContain(token);

      expect(await server.stop()).toBe(0); // the batch of spans is exported at the stop
      const span = otlp.spans.find((s) => s.name === 'POST /orders');
      expect(otlp.paths[0]).toBe('/v1/traces');
      expect(span).toMatchObject({ traceId: '0af7651916cd43dd8448eb211c80319c', parentSpanId: 'b7ad6b7169203331' });
      expect(span!.attributes).toContainEqual({ key: 'http.response.status_code', value: { intValue: 201 } });
    } finally {
      await server.stop();
      await otlp.close();
    }
  });

  // A real process, real timers and deliveries: generous for a loaded machine (it passes in seconds).
  it('counts real events, timers and deliveries in /metrics, logs the engine at debug, and exports a span per transition', { timeout: 120_000 }, async () => {
    const otlp = await collector();
    const receiver = await webhookReceiver();
    const server = startServer({
      PORT: '0', DATABASE_FILE: join(dir, 'worked.db'), API_TOKENS: token, WEBHOOK_ALLOW_HTTP: '1', WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', LOG_LEVEL: 'debug', SWEEP_INTERVAL_MS: '50', DELIVERY_INTERVAL_MS: '50',
      EXPEDITE_AFTER_DAYS: '1', SWITCH_SUPPLIER_AFTER_DAYS: '2', OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url,
    });
    try {
      const url = await server.url;
      const { state, traceId } = await realWork(url, receiver.url);
      const text = await settled(url, server);

      // Events applied and refused, by type, state and machine version; commits timed.
      expect(sample(text, 'aftersales_events_applied_total', { event: 'ORDER_CREATED', state: '(new)', machine_version: '2', source: 'client' })).toBe(2);
      expect(sample(text, 'aftersales_events_applied_total', { event: 'SUPPLIER_CONTACTED', state, source: 'client' })).toBe(1);
      expect(sample(text, 'aftersales_events_applied_total', { event: 'TIMER.EXPEDITE', source: 'timer' })).toBe(1);
      expect(sample(text, 'aftersales_events_applied_total', { event: 'TIMER.SWITCH_SUPPLIER', source: 'timer' })).toBe(1);
      expect(sample(text, 'aftersales_events_refused_total', { event: 'DELIVERED', state, machine_version: '2', reason: 'state' })).toBe(1);
      expect(sample(text, 'aftersales_commit_duration_seconds_count', { outcome: 'committed' })).toBe(5);
      // Timers fired, each about three days late (due before the order existed); none due now.
      for (const deadline of ['expediteAt', 'switchSupplierAt']) {
        expect(sample(text, 'aftersales_timers_total', { deadline, outcome: 'fired' })).toBe(1);
        expect(sample(text, 'aftersales_timer_lateness_seconds_count', { deadline })).toBe(1);
        expect(sample(text, 'aftersales_timer_lateness_seconds_sum', { deadline })).toBeGreaterThan(DAY / 1000);
      }
      expect(sample(text, 'aftersales_timers_due')).toBe(0);
      // Every state change delivered to the receiver, each attempt counted; nothing left behind.
      expect(receiver.received.length).toBeGreaterThanOrEqual(3);
      expect(sample(text, 'aftersales_delivery_attempts_total', { channel: 'webhook', outcome: 'delivered' })).toBe(receiver.received.length);
      expect(sample(text, 'aftersales_outbox_backlog', { source: 'effect' })).toBe(0);

      // The engine at debug, the timers and the deliveries at info.
      const lines = server.lines();
      expect(lines).toContainEqual(expect.objectContaining({ level: 'debug', msg: 'event applied', orderId: 'wait-1', event: 'SUPPLIER_CONTACTED', fromState: state, machineVersion: 2 }));
      expect(lines).toContainEqual(expect.objectContaining({ level: 'debug', msg: 'event refused', orderId: 'wait-1', event: 'DELIVERED', state, reason: 'state' }));
      expect(lines).toContainEqual(expect.objectContaining({ level: 'debug', msg: 'event applied', orderId: 'late-1', event: 'TIMER.EXPEDITE', source: 'timer' }));
      expect(lines.filter((l) => l.msg === 'timer fired').map((l) => [l.level, l.orderId, l.deadline])).toEqual([
        ['info', 'late-1', 'expediteAt'],
        ['info', 'late-1', 'switchSupplierAt'],
      ]);
      expect(lines.filter((l) => l.msg === 'delivered').length).toBe(receiver.received.length);
      expect(lines.filter((l) => l.msg === 'delivered').every((l) => l.level === 'info' && l.channel === 'webhook')).toBe(true);

      expect(await server.stop()).toBe(0);
      const request = otlp.spans.find((s) => s.name === 'POST /orders/:id/events' && s.traceId === traceId)!;
      const transition = otlp.spans.find((s) => s.name === 'transition SUPPLIER_CONTACTED')!;
      expect(transition).toMatchObject({ traceId, parentSpanId: request.spanId });
      expect(transition.attributes).toEqual(expect.arrayContaining([
        { key: 'aftersales.order_id', value: { stringValue: 'wait-1' } },
        { key: 'aftersales.from_state', value: { stringValue: state } },
        { key: 'aftersales.to_state', value: { stringValue: state } },
        { key: 'aftersales.machine_version', value: { intValue: 2 } },
      ]));
      expect(otlp.spans.map((s) => s.name)).toEqual(expect.arrayContaining(['transition TIMER.EXPEDITE', 'transition TIMER.SWITCH_SUPPLIER', 'deliver webhook']));
    } finally {
      await server.stop();
      await receiver.close();
      await otlp.close();
    }
  });
});

describe.runIf(pgUrl)('the service as an operator runs it, on PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  afterAll(async () => {
    await db?.drop();
  });

  it('reports the pool\'s use and the same backlog and counts', { timeout: 120_000 }, async () => {
    db = await createTestDatabase('operated');
    const receiver = await webhookReceiver();
    const server = startServer({ PORT: '0', DATABASE_URL: db.url, API_TOKENS: token, WEBHOOK_ALLOW_HTTP: '1', WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', SWEEP_INTERVAL_MS: '50', DELIVERY_INTERVAL_MS: '50', EXPEDITE_AFTER_DAYS: '1', SWITCH_SUPPLIER_AFTER_DAYS: '2' });
    try {
      const url = await server.url;
      const { state } = await realWork(url, receiver.url);
      const text = await settled(url, server);
      expect(sample(text, 'aftersales_db_pool_connections', { state: 'max' })).toBe(10);
      const open = sample(text, 'aftersales_db_pool_connections', { state: 'idle' })! + sample(text, 'aftersales_db_pool_connections', { state: 'in_use' })!;
      expect(open).toBeGreaterThanOrEqual(1);
      expect(open).toBeLessThanOrEqual(10);
      expect(sample(text, 'aftersales_db_pool_waiting')).toBe(0);
      expect(sample(text, 'aftersales_events_refused_total', { event: 'DELIVERED', state, reason: 'state' })).toBe(1);
      expect(sample(text, 'aftersales_timers_total', { deadline: 'expediteAt', outcome: 'fired' })).toBe(1);
      expect(sample(text, 'aftersales_delivery_attempts_total', { channel: 'webhook', outcome: 'delivered' })).toBe(receiver.received.length);
      expect(await server.stop()).toBe(0);
      reportSuiteRan('postgres-operated', 1);
    } finally {
      await server.stop();
      await receiver.close();
    }
  });
});
