import { describe, expect, it } from 'vitest';
import type { OrderRecord, TimerEntry } from '../../../src/store/records.ts';
import { commitAfter, freshStores, MIN, seed, T0, type ContractOptions } from './support.ts';

/**
 * The `OrderQueries` port (the order routes' reads): history, outbox rows, due timers, lists.
 */
export function orderQueriesContract({ name, create }: ContractOptions) {
  describe(`OrderQueries: ${name}`, () => {
    const fresh = freshStores(create);

    it('keeps history in order, payloads exactly as given', async () => {
      const store = await fresh();
      const odd = { text: 'nul \u0000, quote ", emoji 📦, 中文', nested: { list: [1, 'two', null, { deep: true }] }, big: Number.MAX_SAFE_INTEGER };
      await seed(store, 'D-1', { payload: odd }, { payload: { n: 3 }, idempotencyKey: 'k3' }, { payload: [] });
      await seed(store, 'D-0', {});
      const history = await store.history('D-1');
      expect(history.map((h) => h.seq)).toEqual([1, 2, 3, 4]);
      expect(history[1]!.payload).toEqual(odd);
      expect(history[2]).toMatchObject({ idempotencyKey: 'k3', fromState: 'preShipment.processing.awaitingShipment', source: 'client', dueAt: null });
      expect(history[3]!.payload).toEqual([]);
      expect(await store.history('nobody')).toEqual([]);
    });
    it('keeps a timer event\'s source and due time in history', async () => {
      const store = await fresh();
      const v1 = await seed(store, 'D-2');
      const c = commitAfter('D-2', v1, { state: 'preShipment.processing.expediting' });
      c.history = { ...c.history, type: 'TIMER.EXPEDITE', source: 'timer', dueAt: T0 + 5 };
      await store.commit(c);
      expect((await store.history('D-2'))[1]).toEqual(c.history);
    });
    it('keeps outbox rows of each commit, in commit order', async () => {
      const store = await fresh();
      await seed(store, 'E-1', { outbox: [{ action: 'requestExpedite', payload: { supplierId: 's1' } }] }, {}, { outbox: [{ action: 'alertStockProblem', payload: { to: 'a@b.example' } }, { action: 'requestRefund', payload: { amount: 1250 } }] });
      await seed(store, 'E-2', { outbox: [{ action: 'requestRefund' }] });
      const rows = await store.outbox('E-1');
      expect(rows.map((r) => [r.seq, r.action])).toEqual([[2, 'requestExpedite'], [4, 'alertStockProblem'], [4, 'requestRefund']]);
      expect(rows[0]).toEqual({ id: 'E-1-2-0', orderId: 'E-1', seq: 2, action: 'requestExpedite', payload: { supplierId: 's1' }, createdAt: T0 + 2 * MIN, status: 'pending' });
      expect(rows[2]!.payload).toEqual({ amount: 1250 });
    });
    it('lists due timers earliest first, ties by order and name, up to now inclusive and the limit', async () => {
      const store = await fresh();
      await seed(store, 'G-b', { timers: [{ name: 'b', dueAt: T0 + 5 }, { name: 'a', dueAt: T0 + 5 }, { name: 'late', dueAt: T0 + 50 }] });
      await seed(store, 'G-a', { timers: [{ name: 'z', dueAt: T0 + 5 }, { name: 'first', dueAt: T0 + 1 }] });
      await seed(store, 'G-B', { timers: [{ name: 'a', dueAt: T0 + 5 }] });
      const ids = (ts: TimerEntry[]) => ts.map((t) => `${t.orderId}/${t.name}`);
      expect(ids(await store.dueTimers(T0 + 5, 10))).toEqual(['G-a/first', 'G-B/a', 'G-a/z', 'G-b/a', 'G-b/b']);
      expect(ids(await store.dueTimers(T0 + 5, 2))).toEqual(['G-a/first', 'G-B/a']);
      expect(ids(await store.dueTimers(T0 + 4, 10))).toEqual(['G-a/first']);
      expect(await store.dueTimers(T0, 10)).toEqual([]);
    });
    it('lists orders by state prefix, and pages by id', async () => {
      const store = await fresh();
      await seed(store, 'L-3', { state: 'inTransit.shipping.customsHold' });
      await seed(store, 'L-1', { state: 'inTransit.shipping.onTheWay' });
      await seed(store, 'L-2', { state: 'inTransitX' });
      await seed(store, 'L-4', { state: 'inTransit' });
      await seed(store, 'L-5', { state: 'inT.x' });
      await seed(store, 'L-0', {});
      const ids = (os: OrderRecord[]) => os.map((o) => o.id);
      expect(ids(await store.listOrders({ tenant: 'default', statePrefix: 'inTransit', limit: 10 }))).toEqual(['L-1', 'L-3', 'L-4']);
      expect(ids(await store.listOrders({ tenant: 'default', statePrefix: 'inTransit.shipping', limit: 10 }))).toEqual(['L-1', 'L-3']);
      expect(ids(await store.listOrders({ tenant: 'default', statePrefix: 'in_', limit: 10 }))).toEqual([]);
      expect(ids(await store.listOrders({ tenant: 'default', statePrefix: 'in%', limit: 10 }))).toEqual([]);
      expect(ids(await store.listOrders({ tenant: 'default', statePrefix: 'intransit', limit: 10 }))).toEqual([]);
      expect(ids(await store.listOrders({ tenant: 'default', limit: 4 }))).toEqual(['L-0', 'L-1', 'L-2', 'L-3']);
      expect(ids(await store.listOrders({ tenant: 'default', limit: 4, after: { id: 'L-3' } }))).toEqual(['L-4', 'L-5']);
      expect(ids(await store.listOrders({ tenant: 'default', statePrefix: 'inTransit', limit: 10, after: { id: 'L-1' } }))).toEqual(['L-3', 'L-4']);
      expect((await store.listOrders({ tenant: 'default', limit: 1 }))[0]).toEqual(await store.getOrder('L-0'));
    });
    it('lists orders with a deadline before a time, by deadline then id, and pages through them', async () => {
      const store = await fresh();
      await seed(store, 'M-c', { timers: [{ name: 'x', dueAt: T0 + 30 }] });
      await seed(store, 'M-b', { timers: [{ name: 'x', dueAt: T0 + 10 }] });
      await seed(store, 'M-a', { timers: [{ name: 'x', dueAt: T0 + 30 }] });
      await seed(store, 'M-d', { timers: [{ name: 'x', dueAt: T0 + 40 }] });
      await seed(store, 'M-e', {});
      const ids = (os: OrderRecord[]) => os.map((o) => o.id);
      expect(ids(await store.listOrders({ tenant: 'default', deadlineBefore: T0 + 40, limit: 10 }))).toEqual(['M-b', 'M-a', 'M-c']);
      const seen: string[] = [];
      let after: { id: string; deadline?: number } | undefined;
      for (let page = 0; page < 5; page++) {
        const rows = await store.listOrders({ tenant: 'default', deadlineBefore: T0 + 41, limit: 2, ...(after ? { after } : {}) });
        seen.push(...ids(rows));
        const last = rows.at(-1);
        if (rows.length < 2 || !last) break;
        after = { id: last.id, deadline: last.nextDeadlineAt! };
      }
      expect(seen).toEqual(['M-b', 'M-a', 'M-c', 'M-d']);
      expect(ids(await store.listOrders({ tenant: 'default', deadlineBefore: T0 + 100, statePrefix: 'inTransit', limit: 10 }))).toEqual([]);
    });
    it('lists an order once by its earliest deadline, however many timers it has, and follows its changes', async () => {
      const store = await fresh();
      const two = await seed(store, 'N-a', { timers: [{ name: 'y', dueAt: T0 + 20 }, { name: 'x', dueAt: T0 + 20 }, { name: 'z', dueAt: T0 + 5 }] });
      await seed(store, 'N-b', { timers: [{ name: 'x', dueAt: T0 + 10 }] });
      const listed = async (before: number) => (await store.listOrders({ tenant: 'default', deadlineBefore: before, limit: 10 })).map((o) => `${o.id}@${o.nextDeadlineAt! - T0}`);
      expect(await listed(T0 + 100)).toEqual(['N-a@5', 'N-b@10']);
      // The earliest timer gone, the order moves to its next one; with none left it leaves the list.
      const moved = commitAfter('N-a', two, { timers: [{ name: 'y', dueAt: T0 + 20 }, { name: 'x', dueAt: T0 + 20 }] });
      await store.commit(moved);
      expect(await listed(T0 + 100)).toEqual(['N-b@10', 'N-a@20']);
      expect(await listed(T0 + 20)).toEqual(['N-b@10']);
      await store.commit(commitAfter('N-a', moved.order, { timers: [] }));
      expect(await listed(T0 + 100)).toEqual(['N-b@10']);
    });
  });
}
