import { describe, expect, it } from 'vitest';
import type { NewDelivery } from '../../../src/store/delivery-records.ts';
import { commitAfter, freshStores, MIN, seed, T0, type ContractOptions } from './support.ts';

const delivery = (id: string, over: Partial<NewDelivery> = {}): NewDelivery => ({
  id, notificationId: `n-${id}`, orderId: 'O', seq: 1, kind: 'customs.reminder', channel: 'webhook', target: 'sub-1', message: {}, createdAt: T0, ...over,
});

/** The `BacklogStore` port: what the metrics count at each scrape. */
export function backlogStoreContract({ name, create }: ContractOptions) {
  describe(`BacklogStore: ${name}`, () => {
    const fresh = freshStores(create);

    it('counts nothing in an empty store', async () => {
      const store = await fresh();
      expect(await store.backlog(T0)).toEqual({ timersDue: 0, earliestDueAt: null, outbox: { effects: 0, history: 0 }, deliveries: [] });
    });

    it('counts due timers and the earliest due time, outbox and history rows not fanned out, and deliveries by channel and status', async () => {
      const store = await fresh();
      await seed(store, 'A', { timers: [{ name: 'EXPEDITE', dueAt: T0 + 10 * MIN }, { name: 'SWITCH', dueAt: T0 + 30 * MIN }] });
      await seed(store, 'B', { timers: [{ name: 'EXPEDITE', dueAt: T0 + 20 * MIN }], outbox: [{ action: 'sendCustomsReminder' }, { action: 'notifyCustomer' }] });
      expect(await store.backlog(T0 + 5 * MIN)).toMatchObject({ timersDue: 0, earliestDueAt: null });
      expect(await store.backlog(T0 + 20 * MIN)).toMatchObject({ timersDue: 2, earliestDueAt: T0 + 10 * MIN, outbox: { effects: 2, history: 4 } });

      await store.dispatch([
        { source: { outboxId: 'B-2-0' }, deliveries: [delivery('w1'), delivery('e1', { channel: 'email', target: 'x@y.example' })] },
        { source: { orderId: 'A', seq: 1 }, deliveries: [delivery('w2', { notificationId: 'n-late', createdAt: T0 + 60 * MIN })] },
        { source: { orderId: 'A', seq: 2 }, deliveries: [delivery('w3', { notificationId: 'n-dead' })] },
      ]);
      await store.recordAttempt({ deliveryId: 'w3', at: T0, ok: false, statusCode: 410, error: 'HTTP 410', durationMs: 3 }, { then: 'dead' });
      await store.recordAttempt({ deliveryId: 'e1', at: T0, ok: true, statusCode: 250, error: null, durationMs: 3 }, { then: 'delivered' });
      const backlog = await store.backlog(T0 + 20 * MIN);
      expect(backlog.outbox).toEqual({ effects: 1, history: 2 });
      expect(backlog.deliveries).toEqual([{ channel: 'webhook', pending: 2, due: 1, dead: 1 }]);
    });

    it('stops counting a timer once its order moved on (the commit replaced it)', async () => {
      const store = await fresh();
      const a = await seed(store, 'A', { timers: [{ name: 'EXPEDITE', dueAt: T0 + MIN }] });
      expect((await store.backlog(T0 + 2 * MIN)).timersDue).toBe(1);
      await store.commit(commitAfter('A', a, { timers: [] }));
      expect(await store.backlog(T0 + 2 * MIN)).toMatchObject({ timersDue: 0, earliestDueAt: null });
    });
  });
}
