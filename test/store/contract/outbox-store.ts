import { describe, expect, it } from 'vitest';
import type { NewDelivery } from '../../../src/store/delivery-records.ts';
import type { Commit } from '../../../src/store/records.ts';
import { freshStores, snapshotOf, type ContractOptions } from './support.ts';

const T = 1_700_000_000_000;

function commitOf(orderId: string, seq: number, outbox: { id: string; action: string }[] = []): Commit {
  return {
    order: { id: orderId, version: seq, state: seq === 1 ? 'a' : 'b', snapshot: snapshotOf(seq === 1 ? 'a' : 'b'), createHash: 'h', nextDeadlineAt: null, createdAt: T, updatedAt: T + seq },
    expectedVersion: seq === 1 ? null : seq - 1,
    history: {
      orderId, seq, type: seq === 1 ? 'ORDER_CREATED' : 'E', payload: {}, fromState: seq === 1 ? null : 'a', toState: seq === 1 ? 'a' : 'b', at: T + seq,
      idempotencyKey: null, source: 'client', dueAt: null, machineVersion: 1,
    },
    outbox: outbox.map((o) => ({ ...o, orderId, seq, payload: { to: 'x@y.example' }, createdAt: T + seq })),
    timers: [],
  };
}

const delivery = (id: string, over: Partial<NewDelivery> = {}): NewDelivery => ({
  id, notificationId: `n-${id}`, orderId: 'O', seq: 1, kind: 'customs.reminder', channel: 'webhook', target: 'sub-1', message: { hello: id }, createdAt: T, ...over,
});

/**
 * The `OutboxStore` port (the delivery worker: fan-out, leases, attempts), observed and retried
 * through `DeliveryQueries` (the delivery routes).
 */
export function outboxStoreContract({ name, create }: ContractOptions) {
  describe(`OutboxStore and DeliveryQueries: ${name}`, () => {
    const fresh = freshStores(create);

    it('lists what is not yet fanned out, and fans out once', async () => {
      const store = await fresh();
      await store.commit(commitOf('O', 1));
      await store.commit(commitOf('O', 2, [{ id: 'fx-1', action: 'sendCustomsReminder' }]));
      expect((await store.undispatchedEffects(10)).map((e) => e.id)).toEqual(['fx-1']);
      expect((await store.undispatchedHistory(10)).map((h) => h.seq)).toEqual([1, 2]);

      const d = delivery('d1', { notificationId: 'fx-1', seq: 2 });
      await store.dispatch([{ source: { outboxId: 'fx-1' }, deliveries: [d] }]);
      // A second worker, and a state change with nobody to tell, in one batch: no duplicate delivery.
      await store.dispatch([{ source: { outboxId: 'fx-1' }, deliveries: [{ ...d, id: 'd1-again' }] }, { source: { orderId: 'O', seq: 1 }, deliveries: [] }]);
      expect(await store.undispatchedEffects(10)).toEqual([]);
      expect((await store.undispatchedHistory(10)).map((h) => h.seq)).toEqual([2]);
      expect((await store.outbox('O')).map((o) => o.status)).toEqual(['dispatched']);
      expect((await store.listDeliveries({ orderId: 'O', limit: 10 })).map((x) => x.id)).toEqual(['d1']);
      expect(await store.getDelivery('d1')).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: T, message: { hello: 'd1' }, deliveredAt: null, lastError: null });
    });
    it('leases claimed deliveries until the lease runs out, per channel', async () => {
      const store = await fresh();
      await store.dispatch([{ source: { orderId: 'none', seq: 1 }, deliveries: [delivery('w'), delivery('e', { channel: 'email', target: 'x@y.example' })] }]);
      expect((await store.claimDeliveries({ now: T, limit: 10, leaseMs: 1000, channels: ['webhook'] })).map((d) => d.id)).toEqual(['w']);
      expect(await store.claimDeliveries({ now: T + 999, limit: 10, leaseMs: 1000, channels: ['webhook'] })).toEqual([]);
      expect((await store.claimDeliveries({ now: T + 1000, limit: 10, leaseMs: 1000, channels: ['webhook', 'email'] })).map((d) => d.id).sort()).toEqual(['e', 'w']);
      expect(await store.claimDeliveries({ now: T - 1, limit: 10, leaseMs: 1000, channels: ['webhook', 'email'] })).toEqual([]);
    });
    it('records attempts: retry, dead letter, manual retry, delivered for good', async () => {
      const store = await fresh();
      await store.dispatch([{ source: { orderId: 'none', seq: 1 }, deliveries: [delivery('d')] }]);
      const attempt = (at: number, ok: boolean) => ({ deliveryId: 'd', at, ok, statusCode: ok ? 200 : 500, error: ok ? null : 'HTTP 500', durationMs: 3 });
      expect(await store.recordAttempt(attempt(T, false), { then: 'retry', nextAttemptAt: T + 500 })).toBe(true);
      expect(await store.getDelivery('d')).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: T + 500, lastError: 'HTTP 500' });
      expect(await store.claimDeliveries({ now: T + 499, limit: 10, leaseMs: 1000, channels: ['webhook'] })).toEqual([]);
      expect(await store.recordAttempt(attempt(T + 500, false), { then: 'dead' })).toBe(true);
      expect((await store.listDeliveries({ status: 'dead', limit: 10 })).map((d) => d.id)).toEqual(['d']);
      expect(await store.claimDeliveries({ now: T + 10_000, limit: 10, leaseMs: 1000, channels: ['webhook'] })).toEqual([]);
      expect(await store.recordAttempt(attempt(T + 600, true), { then: 'delivered' })).toBe(false);

      expect(await store.retryDelivery('d', T + 700)).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: T + 700 });
      expect(await store.retryDelivery('d', T + 700)).toBeUndefined();
      expect(await store.recordAttempt(attempt(T + 800, true), { then: 'delivered' })).toBe(true);
      expect(await store.getDelivery('d')).toMatchObject({ status: 'delivered', deliveredAt: T + 800, lastError: null, attempts: 1 });
      expect(await store.recordAttempt(attempt(T + 900, false), { then: 'retry', nextAttemptAt: T + 1000 })).toBe(false);
      expect(await store.retryDelivery('d', T + 1000)).toBeUndefined();
      expect((await store.deliveryAttempts(['d'])).map((a) => [a.number, a.ok, a.statusCode])).toEqual([[1, false, 500], [2, false, 500], [3, true, 200]]);
    });
  });
}
