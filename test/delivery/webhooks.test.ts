import { afterEach, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { createManualClock } from '../../src/clock.ts';
import type { Store } from '../../src/store/store.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import Database from 'better-sqlite3';
import { webhookReceiver } from '../support/receivers.ts';
import { DAY, testApp } from '../support/test-app.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function receiver(answer?: (n: number) => number | 'hang') {
  const r = await webhookReceiver(answer);
  closers.push(r.close);
  return r;
}

/**
 * The app on a manual clock that starts at the real time, so receivers can check signature timestamps.
 * The receivers listen on 127.0.0.1 over plain http: the deployment allows that host explicitly.
 */
async function app(delivery: Record<string, unknown> = {}, store?: Store) {
  return testApp({
    clock: createManualClock(Date.now()),
    delivery: { backoffBaseMs: 1000, random: () => 0.5, leaseMs: 60_000, ...delivery },
    webhookTargets: { allowHttp: true, allowedHosts: ['127.0.0.1'] },
    ...(store ? { store } : {}),
  });
}

async function holdInCustoms(t: Awaited<ReturnType<typeof app>>, id: string) {
  expect((await t.create({ id, scope: 'international', shipBy: new Date(t.clock.now() + 3 * DAY).toISOString() })).status).toBe(201);
  expect((await t.send(id, 'SHIPPED', { carrier: 'SF', trackingNumber: `TRK-${id}` })).status).toBe(200);
  expect((await t.send(id, 'CUSTOMS_HELD', { note: 'held at Frankfurt' })).status).toBe(200);
}

describe('webhook subscriptions', () => {
  it('creates a subscription, answers its secret once, lists and deletes it', async () => {
    const t = await app();
    const created = await t.call('POST', '/webhooks', { url: 'https://hooks.example/aftersales', events: ['customs.reminder', 'state.changed'], description: 'ops' });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(created.body.secret.slice(6), 'base64').length).toBe(32);
    expect(created.headers.get('location')).toBe(`/webhooks/${created.body.id}`);
    const list = await t.call('GET', '/webhooks');
    expect(list.body.webhooks).toEqual([{ id: created.body.id, url: 'https://hooks.example/aftersales', events: ['customs.reminder', 'state.changed'], description: 'ops', createdAt: expect.any(String) }]);
    expect(list.text).not.toContain('whsec_');
    expect((await t.call('GET', `/webhooks/${created.body.id}`)).body.url).toBe('https://hooks.example/aftersales');
    expect((await t.call('DELETE', `/webhooks/${created.body.id}`)).status).toBe(204);
    expect((await t.call('DELETE', `/webhooks/${created.body.id}`)).status).toBe(404);
    expect((await t.call('GET', '/webhooks')).body.webhooks).toEqual([]);
  });

  it('keeps a secret it is given, and refuses bad input without storing anything', async () => {
    const t = await app();
    const secret = `whsec_${Buffer.alloc(24, 7).toString('base64')}`;
    expect((await t.call('POST', '/webhooks', { url: 'http://127.0.0.1:9/x', secret })).body).toMatchObject({ secret, events: ['*'] });
    for (const bad of [
      { url: 'ftp://hooks.example/x' },
      { url: 'not a url' },
      { url: 'https://hooks.example/x', events: ['order.eaten'] },
      { url: 'https://hooks.example/x', events: [] },
      { url: 'https://hooks.example/x', secret: 'whsec_c2hvcnQ=' },
      { url: 'https://hooks.example/x', extra: 1 },
    ]) {
      const res = await t.call('POST', '/webhooks', bad);
      expect(res.status, JSON.stringify(bad)).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await t.call('POST', '/webhooks', 'url=x', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await t.call('GET', '/webhooks')).body.webhooks).toHaveLength(1);
  });
});

describe('webhook delivery', () => {
  it('retries a receiver that fails twice, then delivers once with a valid Standard Webhooks signature', async () => {
    const r = await receiver((n) => (n <= 2 ? 500 : 200));
    const t = await app();
    const sub = (await t.call('POST', '/webhooks', { url: r.url, events: ['customs.reminder'] })).body;
    await holdInCustoms(t, 'W-1');

    expect(await t.app.deliveryWorker.runOnce()).toMatchObject({ dispatched: 4, delivered: 0, failed: 1 }); // 3 state changes (no subscriber) and the reminder;
    expect(r.received).toHaveLength(1);
    await t.app.deliveryWorker.runOnce();
    expect(r.received).toHaveLength(1); // not due yet: the backoff holds it
    t.clock.advance(500); // first retry after 1000 ms × (½ + ½·0.5) = 750 ms
    expect(await t.app.deliveryWorker.runOnce()).toMatchObject({ failed: 0, delivered: 0 });
    t.clock.advance(250);
    expect(await t.app.deliveryWorker.runOnce()).toMatchObject({ failed: 1 });
    t.clock.advance(1500); // second retry after 2000 ms × 0.75
    expect(await t.app.deliveryWorker.runOnce()).toMatchObject({ delivered: 1 });
    t.clock.advance(60_000);
    await t.app.deliveryWorker.runOnce();
    expect(r.received).toHaveLength(3);

    const ids = new Set(r.received.map((x) => x.headers['webhook-id']));
    expect(ids.size).toBe(1);
    const last = r.received[2]!;
    const payload = new Webhook(sub.secret).verify(last.body, last.headers as Record<string, string>) as { type: string; data: Record<string, unknown> };
    expect(payload).toMatchObject({ type: 'customs.reminder', data: { orderId: 'W-1', action: 'sendCustomsReminder', trackingNumber: 'TRK-W-1', reminder: 1, to: 'seller@shop.example' } });
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(last.body, last.headers as Record<string, string>)).toThrow(/signature/i);

    const deliveries = (await t.call('GET', `/webhooks/${sub.id}/deliveries`)).body.deliveries;
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ status: 'delivered', notificationId: last.headers['webhook-id'], kind: 'customs.reminder', channel: 'webhook', lastError: null });
    expect(deliveries[0].attempts.map((a: { statusCode: number; ok: boolean }) => [a.statusCode, a.ok])).toEqual([[500, false], [500, false], [200, true]]);
    expect(deliveries[0].attempts[0].error).toBe('HTTP 500: refused with 500');

    const notifications = (await t.call('GET', '/orders/W-1/notifications')).body;
    const reminder = notifications.notifications.find((n: { kind: string }) => n.kind === 'customs.reminder');
    expect(reminder.id).toBe(last.headers['webhook-id']);
    expect(reminder.deliveries.map((d: { channel: string; status: string }) => `${d.channel}:${d.status}`).sort()).toEqual(['email:pending', 'webhook:delivered']);
  });

  it('after a crash between sending and recording, redelivers once with the same id when the lease expires', async () => {
    const store = createSqliteStore(new Database(':memory:'));
    let failNext = true;
    const crashing: Store = {
      ...store,
      async recordAttempt(attempt, outcome) {
        if (failNext) {
          failNext = false;
          throw new Error('process died before marking the delivery done');
        }
        return store.recordAttempt(attempt, outcome);
      },
    };
    const r = await receiver(() => 200);
    const t = await app({ leaseMs: 60_000 }, crashing);
    await t.call('POST', '/webhooks', { url: r.url, events: ['refund.requested'] });
    await t.create({ id: 'W-2' });
    await t.send('W-2', 'REQUEST_REFUND', {});

    expect(await t.app.deliveryWorker.runOnce()).toMatchObject({ delivered: 0, unrecorded: 1 });
    expect(r.received).toHaveLength(1);
    t.clock.advance(59_000);
    await t.app.deliveryWorker.runOnce(); // still leased by the "dead" worker
    expect(r.received).toHaveLength(1);
    t.clock.advance(1_000);
    expect(await t.app.deliveryWorker.runOnce()).toMatchObject({ delivered: 1 });
    t.clock.advance(DAY);
    await t.app.deliveryWorker.runOnce();

    expect(r.received).toHaveLength(2);
    expect(r.received[1]!.headers['webhook-id']).toBe(r.received[0]!.headers['webhook-id']);
    expect(r.received[1]!.body).toBe(r.received[0]!.body);
    const [d] = (await t.call('GET', '/deliveries')).body.deliveries;
    expect(d).toMatchObject({ status: 'delivered', kind: 'refund.requested' });
    expect(d.attempts).toHaveLength(1); // the crashed attempt was never recorded
  });

  it('dead-letters after the last attempt; an operator sees it and retries it', async () => {
    let accept = false;
    const r = await receiver(() => (accept ? 202 : 503));
    const t = await app({ maxAttempts: 3 });
    const sub = (await t.call('POST', '/webhooks', { url: r.url, events: ['*'] })).body;
    await t.create({ id: 'W-3' });

    for (let i = 0; i < 6; i++) {
      await t.app.deliveryWorker.runOnce();
      t.clock.advance(10_000);
    }
    expect(r.received).toHaveLength(3);
    const dead = (await t.call('GET', '/deliveries?status=dead')).body.deliveries;
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ kind: 'state.changed', target: sub.id, status: 'dead', nextAttemptAt: null, lastError: 'HTTP 503: refused with 503' });
    expect(dead[0].attempts).toHaveLength(3);
    expect((await t.get('W-3')).body.notifications).toMatchObject({ dead: 1, pending: 0 });

    accept = true;
    const retried = await t.call('POST', `/deliveries/${dead[0].id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'pending', nextAttemptAt: new Date(t.clock.now()).toISOString() });
    expect(await t.app.deliveryWorker.runOnce()).toMatchObject({ delivered: 1 });
    const done = (await t.call('GET', `/deliveries/${dead[0].id}`)).body;
    expect(done.status).toBe('delivered');
    expect(done.attempts.map((a: { number: number; statusCode: number }) => [a.number, a.statusCode])).toEqual([[1, 503], [2, 503], [3, 503], [4, 202]]);
    expect(r.received.map((x) => x.headers['webhook-id'])).toEqual(Array(4).fill(dead[0].notificationId));

    expect((await t.call('POST', `/deliveries/${dead[0].id}/retry`)).status).toBe(409);
    expect((await t.call('POST', '/deliveries/nope/retry')).status).toBe(404);
    expect((await t.call('GET', '/deliveries?status=lost')).status).toBe(422);
  });

  it('counts a receiver that does not answer in time as a failed attempt', async () => {
    const r = await receiver(() => 'hang');
    const t = await app({ webhookTimeoutMs: 100 });
    await t.call('POST', '/webhooks', { url: r.url });
    await t.create({ id: 'W-4' });
    expect(await t.app.deliveryWorker.runOnce()).toMatchObject({ failed: 1 });
    const [d] = (await t.call('GET', '/deliveries')).body.deliveries;
    expect(d).toMatchObject({ status: 'pending', lastError: 'no answer within 100 ms' });
    expect(d.attempts[0]).toMatchObject({ ok: false, statusCode: null });
  });

  it('sends state changes to subscribers of state.changed, and nothing for an event that keeps the state', async () => {
    const r = await receiver();
    const t = await app();
    await t.call('POST', '/webhooks', { url: r.url, events: ['state.changed'] });
    await t.create({ id: 'W-5' });
    await t.send('W-5', 'SUPPLIER_CONTACTED', { note: 'asked to hurry' });
    await t.send('W-5', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF5' });
    expect(await t.app.deliveryWorker.runOnce()).toMatchObject({ dispatched: 2, delivered: 2 });
    // Deliveries run in parallel: receivers order by data.version, not by arrival.
    const bodies = r.received.map((x) => JSON.parse(x.body)).sort((a, b) => a.data.version - b.data.version);
    expect(bodies.map((b) => [b.type, b.data.event, b.data.fromState, b.data.toState, b.data.version])).toEqual([
      ['state.changed', 'ORDER_CREATED', null, 'preShipment.processing.awaitingShipment', 1],
      ['state.changed', 'SHIPPED', 'preShipment.processing.awaitingShipment', 'inTransit.shipping.onTheWay', 3],
    ]);
    expect(new Set(r.received.map((x) => x.headers['webhook-id'])).size).toBe(2);
  });

  it('two workers on one store deliver each notification once', async () => {
    const r = await receiver();
    const t = await app();
    await t.call('POST', '/webhooks', { url: r.url });
    for (const id of ['W-6a', 'W-6b', 'W-6c']) {
      await t.create({ id });
      await t.send(id, 'CANCEL_REQUESTED', { reason: 'customer_cancelled' });
    }
    const { createDeliveryWorker } = await import('../../src/workers/delivery-worker.ts');
    const other = createDeliveryWorker({ store: t.store, clock: t.clock, logger: t.logger, machine: t.app.engine.machine });
    await Promise.all([t.app.deliveryWorker.runOnce(), other.runOnce()]);
    const ids = r.received.map((x) => x.headers['webhook-id']);
    expect(ids).toHaveLength(9); // per order: created, intercepting, interception.requested
    expect(new Set(ids).size).toBe(9);
  });

  it('dead-letters what was pending for a subscription that is deleted', async () => {
    const r = await receiver(() => 500);
    const t = await app();
    const sub = (await t.call('POST', '/webhooks', { url: r.url })).body;
    await t.create({ id: 'W-7' });
    await t.app.deliveryWorker.runOnce();
    await t.call('DELETE', `/webhooks/${sub.id}`);
    t.clock.advance(60_000);
    await t.app.deliveryWorker.runOnce();
    const [d] = (await t.call('GET', '/deliveries?status=dead')).body.deliveries;
    expect(d.lastError).toBe(`webhook subscription ${sub.id} was deleted`);
    expect(r.received).toHaveLength(1);
  });
});
