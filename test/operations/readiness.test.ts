import { describe, expect, it } from 'vitest';
import { testApp } from '../support/test-app.ts';

describe('/readyz', () => {
  it('is not ready until the workers run, ready while they do, and not ready again once they stop', async () => {
    const t = await testApp();
    const before = await t.call('GET', '/readyz');
    expect(before.status).toBe(503);
    expect(before.body).toMatchObject({ status: 'not ready', checks: { database: { ok: true }, workers: { ok: false, error: 'the timer sweeper and delivery worker are not running' } } });
    t.app.workers.start();
    try {
      const ready = await t.call('GET', '/readyz');
      expect(ready.status).toBe(200);
      expect(ready.body).toEqual({ status: 'ready', checks: { database: { ok: true, ms: expect.any(Number) }, workers: { ok: true, ms: expect.any(Number) } } });
      expect(ready.headers.get('cache-control')).toBe('no-store');
    } finally {
      await t.app.workers.stop();
    }
    expect((await t.call('GET', '/readyz')).status).toBe(503);
  });

  it('is not ready when the database cannot be read', async () => {
    const t = await testApp();
    t.app.workers.start();
    await t.store.close();
    const res = await t.call('GET', '/readyz');
    await t.app.workers.stop();
    expect(res.status).toBe(503);
    expect(res.body.checks.database).toMatchObject({ ok: false, error: expect.any(String) });
  });

  it('is not ready when a worker has not finished a run for too long (stuck)', async () => {
    const t = await testApp({ sweepIntervalMs: 1000 });
    t.app.workers.start();
    try {
      await t.app.sweeper.sweep();
      t.clock.advance(61_000); // the loops run on real timers; the manual clock says a minute passed without a run
      const res = await t.call('GET', '/readyz');
      expect(res.status).toBe(503);
      expect(res.body.checks.workers.error).toMatch(/^the (timer sweeper|delivery worker) has not finished a run for 61 s$/);
    } finally {
      await t.app.workers.stop();
    }
  });

  it('runs the checks others add, each bounded in time', async () => {
    const t = await testApp({ readinessChecks: [{ name: 'slow', check: () => new Promise(() => {}) }] });
    t.app.addReadinessCheck({ name: 'queue', check: () => {
      throw new Error('the queue is full');
    } });
    t.app.workers.start();
    try {
      const started = Date.now();
      const res = await t.call('GET', '/readyz');
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(res.status).toBe(503);
      expect(res.body.checks).toMatchObject({ slow: { ok: false, error: 'no answer within 2000 ms' }, queue: { ok: false, error: 'the queue is full' }, database: { ok: true } });
    } finally {
      await t.app.workers.stop();
    }
  });

  it('/healthz counts the stored orders from a census taken at most every 30 s, however often it is polled', async () => {
    const t = await testApp();
    await t.create({ id: 'h-1' });
    expect((await t.call('GET', '/healthz')).body.orders).toMatchObject({ machine: 'order', newestVersion: 2, byVersion: { 2: 1 }, onOlderVersions: 0, unrestorable: 0 });
    await t.create({ id: 'h-2' });
    t.clock.advance(29_999);
    expect((await t.call('GET', '/healthz')).body.orders.byVersion).toEqual({ 2: 1 }); // the census of 30 s ago
    t.clock.advance(1);
    expect((await t.call('GET', '/healthz')).body.orders.byVersion).toEqual({ 2: 2 });
  });

  it('leaves /healthz cheap and always 200 while the process lives', async () => {
    const t = await testApp();
    expect((await t.call('GET', '/healthz')).status).toBe(200);
  });
});
