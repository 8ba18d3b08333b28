import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { annotateRequest } from '../../src/http/access-log.ts';
import { createLogger, type LogLevel } from '../../src/logger.ts';
import { testApp } from '../support/test-app.ts';

/** The real (pino) logger writing into an array, one parsed JSON object per line. */
function capture(level: LogLevel = 'info') {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger({ level, pretty: false, destination }) };
}

describe('log lines', () => {
  it('are JSON objects with a level name, an ISO time and the message, below LOG_LEVEL dropped', () => {
    const { lines, logger } = capture('info');
    logger.debug('not at info');
    logger.info('timer fired', { orderId: 'o-1', latenessMs: 12 });
    logger.warn('delivery failed, will retry', { attempt: 2 });
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', msg: 'timer fired', orderId: 'o-1', latenessMs: 12, time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }),
      expect.objectContaining({ level: 'warn', msg: 'delivery failed, will retry', attempt: 2 }),
    ]);
    const debug = capture('debug');
    debug.logger.debug('event applied', { event: 'SHIPPED' });
    expect(debug.lines).toEqual([expect.objectContaining({ level: 'debug', msg: 'event applied' })]);
  });

  it('never carry secrets: keys, tokens, webhook secrets, passwords, auth headers, passwords in URLs', () => {
    const { lines, logger } = capture();
    logger.info('subscription', { secret: 'whsec_abc', subscription: { secret: 'whsec_def', url: 'https://hooks.example/x' }, token: 'tok', apiKey: 'ak_1', password: 'pw' });
    logger.warn('request', { headers: { authorization: 'Bearer abcdefghijklmnop' } });
    logger.error('database connection lost', { error: 'connect postgres://app:hunter22@db.internal:5432/aftersales failed' });
    const text = JSON.stringify(lines);
    for (const secret of ['whsec_abc', 'whsec_def', 'tok"', 'ak_1', '"pw"', 'abcdefghijklmnop', 'hunter22']) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ secret: '[redacted]', subscription: { secret: '[redacted]', url: 'https://hooks.example/x' } });
    expect(lines[2]!.error).toBe('connect postgres://app:***@db.internal:5432/aftersales failed');
  });
});

describe('the access line', () => {
  it('is one info line per request: request id, method, route pattern, path, status, duration', async () => {
    const t = await testApp();
    const created = await t.create({ id: 'acc-1' });
    const refused = await t.send('acc-1', 'DELIVERED');
    const lines = t.logger.lines.filter((l) => l.msg === 'request');
    expect(lines).toEqual([
      { level: 'info', msg: 'request', requestId: created.headers.get('x-request-id'), method: 'POST', route: '/orders', path: '/orders', status: 201, durationMs: expect.any(Number) },
      { level: 'info', msg: 'request', requestId: refused.headers.get('x-request-id'), method: 'POST', route: '/orders/:id/events', path: '/orders/acc-1/events', status: 409, durationMs: expect.any(Number) },
    ]);
    expect(lines[0]!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('names the route even when a middleware refused the request, and bounds unknown paths', async () => {
    const t = await testApp({ apiTokens: ['a-token-of-sixteen-chars'] });
    await t.call('GET', '/orders/o-9');
    await t.call('GET', '/no/such/thing');
    expect(t.logger.lines.filter((l) => l.msg === 'request').map((l) => [l.route, l.status])).toEqual([
      ['/orders/:id', 401],
      ['(unmatched)', 404],
    ]);
  });

  it('puts probes and scrapes at debug, so they do not drown the rest', async () => {
    const t = await testApp();
    await t.call('GET', '/healthz');
    await t.call('GET', '/readyz');
    expect(t.logger.lines.filter((l) => l.msg === 'request').map((l) => [l.route, l.level])).toEqual([
      ['/healthz', 'debug'],
      ['/readyz', 'debug'],
    ]);
  });

  it('carries what a middleware adds with annotateRequest (where the tenant goes)', async () => {
    const t = await testApp();
    t.app.use('/tenant-probe', async (c, next) => {
      annotateRequest(c, { tenant: 'acme' });
      await next();
    });
    t.app.get('/tenant-probe', (c) => c.text('ok'));
    await t.call('GET', '/tenant-probe');
    expect(t.logger.lines.find((l) => l.msg === 'request')).toMatchObject({ route: '/tenant-probe', tenant: 'acme', status: 200 });
  });

  it('is not written when access logging is off', async () => {
    const t = await testApp({ accessLog: false });
    await t.create({ id: 'acc-2' });
    expect(t.logger.lines.filter((l) => l.msg === 'request')).toEqual([]);
  });
});

describe('what the engine and the workers do', () => {
  it('each applied and each refused event is a debug line: order, event, states, machine version', async () => {
    const t = await testApp();
    await t.create({ id: 'eng-1' });
    await t.send('eng-1', 'SUPPLIER_CONTACTED', { note: 'asked' });
    await t.send('eng-1', 'DELIVERED');
    const state = (await t.get('eng-1')).body.state as string;
    const engine = t.logger.lines.filter((l) => l.msg === 'event applied' || l.msg === 'event refused');
    expect(engine).toEqual([
      { level: 'debug', msg: 'event applied', orderId: 'eng-1', event: 'ORDER_CREATED', fromState: null, toState: state, machineVersion: 2, source: 'client', durationMs: expect.any(Number) },
      { level: 'debug', msg: 'event applied', orderId: 'eng-1', event: 'SUPPLIER_CONTACTED', fromState: state, toState: state, machineVersion: 2, source: 'client', durationMs: expect.any(Number) },
      { level: 'debug', msg: 'event refused', orderId: 'eng-1', event: 'DELIVERED', state, machineVersion: 2, reason: 'state' },
    ]);
    expect(JSON.stringify(engine)).not.toContain('asked'); // payloads (which may hold personal data) stay out of the log
    for (const line of engine.filter((l) => l.msg === 'event applied')) {
      expect(line.durationMs as number).toBeGreaterThanOrEqual(0);
      expect(line.durationMs as number).toBeLessThan(10_000);
    }
  });

  it('each timer fired is an info line with its lateness, and its event a debug line from the timer', async () => {
    const t = await testApp();
    await t.create({ id: 'eng-2' });
    await t.advance(10 * 86_400_000);
    const fired = t.logger.lines.filter((l) => l.msg === 'timer fired');
    expect(fired.length).toBeGreaterThanOrEqual(1);
    expect(fired[0]).toMatchObject({ level: 'info', orderId: 'eng-2', deadline: expect.any(String), event: expect.stringMatching(/^TIMER\./), latenessMs: expect.any(Number) });
    expect(t.logger.lines).toContainEqual(expect.objectContaining({ level: 'debug', msg: 'event applied', orderId: 'eng-2', event: fired[0]!.event, source: 'timer' }));
  });
});

