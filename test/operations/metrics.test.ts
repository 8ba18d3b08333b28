import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/telemetry/metrics.ts';
import { testApp } from '../support/test-app.ts';

const token = 'metrics-test-token-0123';

/** The value of one sample line of the exposition, e.g. `http_request_duration_seconds_count{...}`. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
}

describe('/metrics', () => {
  it('is served in the Prometheus text format, behind the API tokens like the API', async () => {
    const t = await testApp({ metrics: createMetrics({ processMetrics: false }), apiTokens: [token] });
    expect((await t.call('GET', '/metrics')).status).toBe(401);
    expect((await t.call('GET', '/metrics', undefined, { authorization: 'Bearer not-the-token-at-all' })).status).toBe(401);
    const res = await t.call('GET', '/metrics', undefined, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.text).toContain('# TYPE http_request_duration_seconds histogram');
  });

  it('counts HTTP requests by method, route pattern and status, not by raw path', async () => {
    const t = await testApp({ metrics: createMetrics({ processMetrics: false }) });
    await t.create({ id: 'm-1' });
    await t.create({ id: 'm-2' });
    await t.send('m-1', 'DELIVERED');
    await t.get('m-404');
    await t.call('GET', '/no/such/path/m-1');
    const text = (await t.call('GET', '/metrics')).text;
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'POST', route: '/orders', status: '201' })).toBe(2);
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'POST', route: '/orders/:id/events', status: '409' })).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: '/orders/:id', status: '404' })).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: '(unmatched)', status: '404' })).toBe(1);
    expect(text).not.toContain('m-1');
  });

  it('are not served when the app has no metrics', async () => {
    const t = await testApp();
    expect((await t.call('GET', '/metrics')).status).toBe(404);
  });

  it('include the process: CPU, memory, event-loop lag', async () => {
    const t = await testApp({ metrics: createMetrics() });
    const text = (await t.call('GET', '/metrics')).text;
    for (const name of ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_p99_seconds']) expect(text).toContain(`# TYPE ${name}`);
  });
});
