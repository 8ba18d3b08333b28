import { describe, expect, it } from 'vitest';
import type { PersistedSnapshot } from '../../src/engine/hosted-machine.ts';
import type { OrderRecord } from '../../src/store/records.ts';
import type { Store } from '../../src/store/store.ts';
import { DAY, testApp } from '../support/test-app.ts';

/** Rewrites an order's stored snapshot as a commit would (a state lost in a rollback, or a version from a newer release). */
async function rewrite(store: Store, id: string, change: (s: PersistedSnapshot) => PersistedSnapshot, state: string) {
  const record = (await store.getOrder(id)) as OrderRecord;
  await store.commit({
    order: { ...record, version: record.version + 1, state, snapshot: change(record.snapshot) },
    expectedVersion: record.version,
    history: {
      orderId: id, seq: record.version + 1, type: 'WRITTEN_ELSEWHERE', payload: {}, fromState: record.state, toState: state, at: 0,
      idempotencyKey: null, source: 'client', dueAt: null, machineVersion: change(record.snapshot).machine.version,
    },
    outbox: [],
    // Its timers stay, as a newer release (or the lost state) armed them.
    timers: [{ orderId: id, name: 'expediteAt', event: 'TIMER.EXPEDITE', dueAt: Date.parse('2026-03-06T00:00:00Z') }],
  });
}

describe('an order this release cannot restore', () => {
  it('answers problem+json of its own type naming the machine, the version and the state; its history stays readable', async () => {
    const t = await testApp();
    await t.create({ id: 'LOST' });
    await t.create({ id: 'FUTURE' });
    await rewrite(t.store, 'LOST', (s) => ({ ...s, value: { preShipment: 'vanished' } }), 'preShipment.vanished');
    await rewrite(t.store, 'FUTURE', (s) => ({ ...s, machine: { id: 'order', version: 9 } }), 'preShipment.processing.awaitingShipment');

    for (const res of [await t.get('LOST'), await t.send('LOST', 'SHIPPED', { carrier: 'SF', trackingNumber: '1' })]) {
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.body).toMatchObject({
        type: '/problems/unrestorable-order', orderId: 'LOST', machine: 'order', machineVersion: 2, state: 'preShipment.vanished',
        reason: "version 2 cannot restore it: State 'vanished' does not exist on 'order.preShipment'",
      });
      expect(res.body.detail).toMatch(/npx aftersales doctor/);
    }
    const future = await t.get('FUTURE');
    expect(future.status).toBe(503);
    expect(future.body).toMatchObject({ type: '/problems/unrestorable-order', machineVersion: 9, reason: expect.stringMatching(/version 9 is newer than this code/) });
    expect((await t.history('LOST')).body.history.map((h: { type: string }) => h.type)).toEqual(['ORDER_CREATED', 'WRITTEN_ELSEWHERE']);
    expect(t.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('is skipped by the sweeper, logged once, while the other orders\' timers fire', async () => {
    const t = await testApp();
    await t.create({ id: 'LOST' });
    await t.create({ id: 'FINE' });
    await rewrite(t.store, 'LOST', (s) => ({ ...s, value: { preShipment: 'vanished' } }), 'preShipment.vanished');
    expect(await t.advance(5 * DAY)).toBe(1); // FINE's expedite request; LOST's timer is due too
    for (let i = 0; i < 3; i++) await t.advance(DAY); // the lease runs out, the timer comes round again
    const skipped = t.logger.lines.filter((l) => l.msg.startsWith('order cannot be restored'));
    expect(skipped).toEqual([expect.objectContaining({ level: 'warn', orderId: 'LOST', machine: 'order', machineVersion: 2, state: 'preShipment.vanished' })]);
    expect(t.app.sweeper.stats).toMatchObject({ unrestorable: 1, failed: 0 });
    expect((await t.get('FINE')).body.state).toBe('preShipment.processing.stockProblem');
  });

  it('makes /healthz say degraded, with the count', async () => {
    const t = await testApp();
    await t.create({ id: 'LOST' });
    await t.create({ id: 'FINE' });
    const healthy = await t.call('GET', '/healthz');
    expect(healthy.body).toMatchObject({ status: 'ok', orders: { machine: 'order', newestVersion: 2, byVersion: { 2: 2 }, onOlderVersions: 0, unrestorable: 0 } });
    await rewrite(t.store, 'LOST', (s) => ({ ...s, value: { preShipment: 'vanished' } }), 'preShipment.vanished');
    t.clock.advance(30_000); // the census is taken again at most every 30 s
    const degraded = await t.call('GET', '/healthz');
    expect(degraded.status).toBe(200);
    expect(degraded.body).toMatchObject({ status: 'degraded', orders: { byVersion: { 2: 2 }, unrestorable: 1 } });
  });
});
