import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../support/server-process.ts';
import { orderBody } from '../support/test-app.ts';

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
});
