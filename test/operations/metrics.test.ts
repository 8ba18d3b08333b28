import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { createMetrics } from '../../src/telemetry/metrics.ts';
import { webhookReceiver } from '../support/receivers.ts';
import { DAY, testApp } from '../support/test-app.ts';

const token = 'metrics-test-token-0123';

/** The value of one sample line of the exposition, e.g. `http_request_duration_seconds_count{...}`. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) && wanted.every((w) => l.includes(w)));
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

  it('count events applied and refused by type, state and machine version, and time each commit', async () => {
    const t = await testApp({ metrics: createMetrics({ processMetrics: false }) });
    await t.create({ id: 'ev-1' });
    await t.create({ id: 'ev-2' });
    expect((await t.send('ev-1', 'SUPPLIER_CONTACTED', { note: 'asked' })).status).toBe(200);
    expect((await t.send('ev-1', 'SUPPLIER_CONTACTED', { note: 'again' })).status).toBe(200);
    expect((await t.send('ev-2', 'DELIVERED')).status).toBe(409); // the state does not take it
    expect((await t.send('ev-2', 'DELIVERED', { at: '2030-01-01T00:00:00Z' })).status).toBe(422); // a delivery in the future does not fit
    expect((await t.send('ev-2', 'NO_SUCH_EVENT')).status).toBe(422); // not an event of the machine: no label for it
    expect((await t.call('POST', '/orders/ev-2/events?dryRun=true', { type: 'DELIVERED' })).status).toBe(409); // a dry run sends nothing: not counted
    const state = (await t.get('ev-1')).body.state as string;
    const text = (await t.call('GET', '/metrics')).text;
    expect(sample(text, 'aftersales_events_applied_total', { event: 'ORDER_CREATED', state: '(new)', machine_version: '2', source: 'client' })).toBe(2);
    expect(sample(text, 'aftersales_events_applied_total', { event: 'SUPPLIER_CONTACTED', state, machine_version: '2', source: 'client' })).toBe(2);
    expect(sample(text, 'aftersales_events_refused_total', { event: 'DELIVERED', state, machine_version: '2', reason: 'state' })).toBe(1);
    expect(sample(text, 'aftersales_events_refused_total', { event: 'DELIVERED', state, machine_version: '2', reason: 'check' })).toBe(1);
    expect(text).not.toContain('NO_SUCH_EVENT');
    expect(sample(text, 'aftersales_commit_duration_seconds_count', { outcome: 'committed' })).toBe(4);
    expect(sample(text, 'aftersales_commit_duration_seconds_sum', { outcome: 'committed' })).toBeGreaterThan(0);
    expect(sample(text, 'aftersales_commit_duration_seconds_sum', { outcome: 'committed' })).toBeLessThan(10); // seconds, measured from the commit's start
    expect(text).not.toContain('ev-1');
  });

  it('time a commit that lost the race to another instance as a conflict, and one the store failed as failed', async () => {
    const store = createSqliteStore(new Database(':memory:'));
    const metrics = createMetrics({ processMetrics: false });
    const a = await testApp({ store, metrics });
    const b = await testApp({ store, metrics, clock: a.clock }); // a second instance on the same database: its own engine and queue
    await a.create({ id: 'race-1' });
    const sent = await Promise.all([a.send('race-1', 'SUPPLIER_CONTACTED', { note: 'a' }), b.send('race-1', 'SUPPLIER_CONTACTED', { note: 'b' })]);
    expect(sent.map((r) => r.status)).toEqual([200, 200]);
    const text = (await a.call('GET', '/metrics')).text;
    expect(sample(text, 'aftersales_commit_duration_seconds_count', { outcome: 'committed' })).toBe(3);
    expect(sample(text, 'aftersales_commit_duration_seconds_count', { outcome: 'conflict' })).toBeGreaterThanOrEqual(1);

    const broken = await testApp({ store: { ...store, commit: async () => Promise.reject(new Error('disk I/O error')) }, metrics: createMetrics({ processMetrics: false }) });
    expect((await broken.create({ id: 'never' })).status).toBe(500);
    const failed = (await broken.call('GET', '/metrics')).text;
    expect(sample(failed, 'aftersales_commit_duration_seconds_count', { outcome: 'failed' })).toBe(1);
    expect(sample(failed, 'aftersales_events_applied_total', { event: 'ORDER_CREATED' })).toBeUndefined();
  });

  it('count timers fired by deadline with their lateness, and the timers due but not yet fired', async () => {
    const t = await testApp({ metrics: createMetrics({ processMetrics: false }) });
    await t.create({ id: 'tm-1' });
    await t.create({ id: 'tm-2' });
    t.clock.advance(10 * DAY);
    const due = (await t.call('GET', '/metrics')).text;
    const armed = (await t.get('tm-1')).body.deadlines as { name: string; dueAt: string }[];
    const earliest = Math.min(...armed.map((d) => Date.parse(d.dueAt)));
    expect(sample(due, 'aftersales_timers_due', {})).toBe(2 * armed.length);
    expect(sample(due, 'aftersales_timers_overdue_seconds', {})).toBe((t.clock.now() - earliest) / 1000);

    await t.app.sweeper.sweep();
    const fired = t.logger.lines.filter((l) => l.msg === 'timer fired');
    expect(fired.length).toBeGreaterThanOrEqual(2);
    const text = (await t.call('GET', '/metrics')).text;
    for (const deadline of new Set(fired.map((l) => l.deadline as string))) {
      const mine = fired.filter((l) => l.deadline === deadline);
      expect(sample(text, 'aftersales_timers_total', { deadline, outcome: 'fired' })).toBe(mine.length);
      expect(sample(text, 'aftersales_timer_lateness_seconds_count', { deadline })).toBe(mine.length);
      expect(sample(text, 'aftersales_timer_lateness_seconds_sum', { deadline })).toBeCloseTo(mine.reduce((n, l) => n + (l.latenessMs as number), 0) / 1000, 6);
      expect(sample(text, 'aftersales_timer_lateness_seconds_bucket', { deadline, le: '3600' })).toBe(0); // days late, not an hour
    }
    expect(sample(text, 'aftersales_events_applied_total', { event: fired[0]!.event as string, source: 'timer' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'aftersales_timers_due', {})).toBe(0);
    expect(sample(text, 'aftersales_timers_overdue_seconds', {})).toBe(0);
  });

  it('count delivery attempts by channel and outcome, and show the outbox and delivery backlog', async () => {
    const receiver = await webhookReceiver((n) => (n === 1 ? 503 : 204));
    try {
      const t = await testApp({ metrics: createMetrics({ processMetrics: false }), clock: createManualClock(Date.parse('2026-03-02T01:00:00Z')), delivery: { backoffBaseMs: 1000, random: () => 0.5, maxAttempts: 3 }, webhookTargets: { allowHttp: true, allowedHosts: ['127.0.0.1'] } });
      await t.call('POST', '/webhooks', { url: receiver.url, events: ['state.changed'] });
      await t.create({ id: 'dl-1' });
      await t.send('dl-1', 'SUPPLIER_CONTACTED', { note: 'asked' });
      const before = (await t.call('GET', '/metrics')).text;
      expect(sample(before, 'aftersales_outbox_backlog', { source: 'history' })).toBe(2);

      await t.app.deliveryWorker.runOnce(); // fans out, first attempt refused (503): a retry
      const retrying = (await t.call('GET', '/metrics')).text;
      expect(sample(retrying, 'aftersales_outbox_backlog', { source: 'history' })).toBe(0);
      expect(sample(retrying, 'aftersales_delivery_attempts_total', { channel: 'webhook', outcome: 'retry' })).toBe(1);
      const pending = sample(retrying, 'aftersales_deliveries', { channel: 'webhook', status: 'pending' })!;
      expect(pending).toBeGreaterThanOrEqual(1);
      expect(sample(retrying, 'aftersales_deliveries', { channel: 'webhook', status: 'due' })).toBe(0); // the retry waits for its backoff

      t.clock.advance(60_000);
      await t.app.deliveryWorker.runOnce();
      const done = (await t.call('GET', '/metrics')).text;
      expect(sample(done, 'aftersales_delivery_attempts_total', { channel: 'webhook', outcome: 'delivered' })).toBe(receiver.received.length - 1);
      expect(sample(done, 'aftersales_delivery_attempt_duration_seconds_count', { channel: 'webhook' })).toBe(receiver.received.length);
      expect(sample(done, 'aftersales_deliveries', { channel: 'webhook', status: 'pending' })).toBe(0);
      expect(sample(done, 'aftersales_deliveries', { channel: 'webhook', status: 'dead' })).toBe(0);
    } finally {
      await receiver.close();
    }
  });

  it('count dead letters until they are retried', async () => {
    const receiver = await webhookReceiver(() => 410);
    try {
      const t = await testApp({ metrics: createMetrics({ processMetrics: false }), delivery: { maxAttempts: 1 }, webhookTargets: { allowHttp: true, allowedHosts: ['127.0.0.1'] } });
      await t.call('POST', '/webhooks', { url: receiver.url, events: ['state.changed'] });
      await t.create({ id: 'dead-1' });
      await t.app.deliveryWorker.runOnce();
      const text = (await t.call('GET', '/metrics')).text;
      expect(sample(text, 'aftersales_delivery_attempts_total', { channel: 'webhook', outcome: 'dead' })).toBe(1);
      expect(sample(text, 'aftersales_deliveries', { channel: 'webhook', status: 'dead' })).toBe(1);
      const [dead] = (await t.call('GET', '/deliveries?status=dead')).body.deliveries as { id: string }[];
      expect((await t.call('POST', `/deliveries/${dead!.id}/retry`)).status).toBe(200);
      const after = (await t.call('GET', '/metrics')).text;
      expect(sample(after, 'aftersales_deliveries', { channel: 'webhook', status: 'dead' })).toBe(0);
      expect(sample(after, 'aftersales_deliveries', { channel: 'webhook', status: 'due' })).toBe(1);
    } finally {
      await receiver.close();
    }
  });

  it('leave the backlog out, and say so, when the store cannot be read; show no pool on SQLite', async () => {
    const t = await testApp({ metrics: createMetrics({ processMetrics: false }) });
    await t.store.close();
    const res = await t.call('GET', '/metrics');
    expect(res.status).toBe(200);
    expect(sample(res.text, 'aftersales_outbox_backlog', { source: 'history' })).toBeUndefined();
    expect(t.logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'metrics: the backlog could not be read' }));
    expect(res.text).not.toContain('aftersales_db_pool');
  });

  it('include the process: CPU, memory, event-loop lag', async () => {
    const t = await testApp({ metrics: createMetrics() });
    const text = (await t.call('GET', '/metrics')).text;
    for (const name of ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_p99_seconds']) expect(text).toContain(`# TYPE ${name}`);
  });
});
