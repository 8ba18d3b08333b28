import { describe, expect, it } from 'vitest';
import type { TimerEntry } from '../../../src/store/records.ts';
import { VersionConflictError } from '../../../src/store/store.ts';
import { commitAfter, freshStores, MIN, seed, T0, type ContractOptions } from './support.ts';

/**
 * The `EngineStore` port (engine and sweeper): reads of one order, the all-or-nothing commit guarded by
 * the order's version, idempotency records, and timer claims.
 */
export function engineStoreContract({ name, create }: ContractOptions) {
  describe(`EngineStore: ${name}`, () => {
    const fresh = freshStores(create);

    it('migrate is safe to run again', async () => {
      const store = await fresh();
      await store.migrate();
      await store.migrate();
      expect(await store.getOrder('nobody')).toBeUndefined();
    });
    it('a creation is read back exactly, with numbers as numbers', async () => {
      const store = await fresh();
      const c = commitAfter('A-1', null, { timers: [{ name: 'expediteAt', dueAt: T0 + 2 * 86_400_000 }] });
      await store.commit(c);
      const read = await store.getOrder('A-1');
      expect(read).toEqual(c.order);
      expect(typeof read!.createdAt).toBe('number');
      expect(typeof read!.nextDeadlineAt).toBe('number');
      expect(await store.history('A-1')).toEqual([c.history]);
    });
    it('a second creation of the same id is a conflict and changes nothing', async () => {
      const store = await fresh();
      const first = commitAfter('A-2', null, { note: 'first' });
      await store.commit(first);
      const again = commitAfter('A-2', null, { note: 'second', outbox: [{ action: 'requestRefund' }], timers: [{ name: 'x', dueAt: T0 }] });
      await expect(store.commit(again)).rejects.toBeInstanceOf(VersionConflictError);
      expect(await store.getOrder('A-2')).toEqual(first.order);
      expect(await store.history('A-2')).toHaveLength(1);
      expect(await store.outbox('A-2')).toEqual([]);
      expect(await store.dueTimers(T0 + MIN, 10)).toEqual([]);
    });
    it('a commit from a stale version never overwrites and writes nothing of itself', async () => {
      const store = await fresh();
      const v1 = await seed(store, 'B-1');
      const winner = commitAfter('B-1', v1, { note: 'winner', timers: [{ name: 'kept', dueAt: T0 }] });
      await store.commit(winner);
      const loser = commitAfter('B-1', v1, {
        note: 'loser', idempotencyKey: 'k-loser', outbox: [{ action: 'requestExpedite' }], timers: [{ name: 'lost', dueAt: T0 - MIN }],
      });
      const error = await store.commit(loser).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VersionConflictError);
      expect((error as VersionConflictError).orderId).toBe('B-1');
      expect(await store.getOrder('B-1')).toEqual(winner.order);
      expect((await store.history('B-1')).map((h) => h.seq)).toEqual([1, 2]);
      expect(await store.outbox('B-1')).toEqual([]);
      expect(await store.getIdempotency('B-1', 'k-loser')).toBeUndefined();
      expect((await store.dueTimers(T0 + MIN, 10)).map((t) => t.name)).toEqual(['kept']);
    });
    it('of concurrent commits from one version exactly one applies', async () => {
      const store = await fresh();
      const v1 = await seed(store, 'B-2');
      const attempts = Array.from({ length: 6 }, (_, i) => commitAfter('B-2', v1, { note: `racer ${i}`, outbox: [{ action: 'requestExpedite' }] }));
      const results = await Promise.allSettled(attempts.map((c) => store.commit(c)));
      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
      expect(won).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(VersionConflictError);
      expect((await store.getOrder('B-2'))!.snapshot).toEqual(attempts[won[0]!]!.order.snapshot);
      expect(await store.history('B-2')).toHaveLength(2);
      expect(await store.outbox('B-2')).toHaveLength(1);
    });
    it('keeps idempotency records, and a key taken meanwhile is a conflict', async () => {
      const store = await fresh();
      const v2 = await seed(store, 'C-1', { idempotencyKey: 'key-1' });
      expect(await store.getIdempotency('C-1', 'key-1')).toEqual({
        orderId: 'C-1', key: 'key-1', requestHash: 'rh-2', status: 200, response: { version: 2, state: v2.state }, createdAt: v2.updatedAt,
      });
      expect(await store.getIdempotency('C-1', 'key-2')).toBeUndefined();
      expect(await store.getIdempotency('other', 'key-1')).toBeUndefined();
      const reuse = commitAfter('C-1', v2, { idempotencyKey: 'key-1', note: 'reused' });
      await expect(store.commit(reuse)).rejects.toBeInstanceOf(VersionConflictError);
      expect(await store.getOrder('C-1')).toEqual(v2);
      expect(await store.history('C-1')).toHaveLength(2);
      // The same key on another order is another record.
      await seed(store, 'C-2', { idempotencyKey: 'key-1' });
      expect((await store.getIdempotency('C-2', 'key-1'))!.requestHash).toBe('rh-2');
    });
    it('replaces the record of a key that has expired; one created at or after expiredBefore is a conflict', async () => {
      const store = await fresh();
      const v2 = await seed(store, 'C-3', { idempotencyKey: 'key-1' });
      const firstAt = v2.updatedAt;
      // The record is live at the commit's expiredBefore (created exactly then): the key is taken.
      const early = commitAfter('C-3', v2, { idempotencyKey: 'key-1', expiredBefore: firstAt, note: 'too early' });
      await expect(store.commit(early)).rejects.toBeInstanceOf(VersionConflictError);
      expect(await store.getOrder('C-3')).toEqual(v2);
      // Past its retention: the key is free again, and its record now holds the new request's answer.
      const late = commitAfter('C-3', v2, { idempotencyKey: 'key-1', expiredBefore: firstAt + 1, note: 'after expiry' });
      await store.commit(late);
      expect(await store.getIdempotency('C-3', 'key-1')).toEqual({
        orderId: 'C-3', key: 'key-1', requestHash: 'rh-3', status: 200, response: { version: 3, state: v2.state }, createdAt: late.order.updatedAt,
      });
      expect((await store.history('C-3')).map((h) => h.idempotencyKey)).toEqual([null, 'key-1', 'key-1']);
    });
    it('purges idempotency records created before a time, oldest first, a batch at a time', async () => {
      const store = await fresh();
      // Keys on five orders, created a minute apart (T0 + 2, 3, 4, 5, 6 minutes).
      for (let i = 0; i < 5; i++) await seed(store, `P-${i}`, { idempotencyKey: `k-${i}`, at: T0 + (i + 2) * MIN });
      const kept = async () => {
        const found = await Promise.all([0, 1, 2, 3, 4].map((i) => store.getIdempotency(`P-${i}`, `k-${i}`)));
        return found.flatMap((r, i) => (r ? [i] : []));
      };
      expect(await store.purgeIdempotency(T0 + 2 * MIN, 10)).toBe(0); // created at that time: kept
      expect(await store.purgeIdempotency(T0 + 5 * MIN, 2)).toBe(2);
      expect(await kept()).toEqual([2, 3, 4]);
      expect(await store.purgeIdempotency(T0 + 5 * MIN, 2)).toBe(1);
      expect(await store.purgeIdempotency(T0 + 5 * MIN, 2)).toBe(0);
      expect(await kept()).toEqual([3, 4]);
      // Only the records go: the orders and their history stay.
      expect((await store.history('P-0')).map((h) => h.idempotencyKey)).toEqual([null, 'k-0']);
    });
    it('concurrent purges delete each record once', async () => {
      const store = await fresh();
      for (let i = 0; i < 12; i++) await seed(store, `Q-${String(i).padStart(2, '0')}`, { idempotencyKey: 'k', at: T0 + i });
      let total = 0;
      for (let round = 0; round < 5; round++) {
        const counts = await Promise.all(Array.from({ length: 4 }, () => store.purgeIdempotency(T0 + MIN, 2)));
        total += counts.reduce((a, b) => a + b, 0);
      }
      expect(total).toBe(12);
      expect(await store.purgeIdempotency(T0 + MIN, 100)).toBe(0);
    });
    it('replaces all timers of an order with each commit', async () => {
      const store = await fresh();
      const v1 = await seed(store, 'F-1', { timers: [{ name: 'expediteAt', dueAt: T0 + 10 }, { name: 'switchSupplierAt', dueAt: T0 + 20 }] });
      await seed(store, 'F-2', { timers: [{ name: 'expediteAt', dueAt: T0 + 15 }] });
      expect((await store.dueTimers(T0 + 100, 10)).map((t) => `${t.orderId}/${t.name}`)).toEqual(['F-1/expediteAt', 'F-2/expediteAt', 'F-1/switchSupplierAt']);
      await store.commit(commitAfter('F-1', v1, { timers: [{ name: 'customsReminderAt', dueAt: T0 + 30 }] }));
      expect(await store.dueTimers(T0 + 100, 10)).toEqual([
        { orderId: 'F-2', name: 'expediteAt', event: 'TIMER.expediteAt', dueAt: T0 + 15 },
        { orderId: 'F-1', name: 'customsReminderAt', event: 'TIMER.customsReminderAt', dueAt: T0 + 30 },
      ]);
      await store.commit(commitAfter('F-1', (await store.getOrder('F-1'))!, { timers: [] }));
      expect((await store.dueTimers(T0 + 100, 10)).map((t) => t.orderId)).toEqual(['F-2']);
    });
    it('claims due timers once per lease, the earliest of each order only', async () => {
      const store = await fresh();
      await seed(store, 'H-1', { timers: [{ name: 'expediteAt', dueAt: T0 + 1 }, { name: 'switchSupplierAt', dueAt: T0 + 2 }] });
      await seed(store, 'H-2', { timers: [{ name: 'expediteAt', dueAt: T0 + 3 }] });
      await seed(store, 'H-3', { timers: [{ name: 'expediteAt', dueAt: T0 + 10 * MIN }] });
      const ids = (ts: TimerEntry[]) => ts.map((t) => `${t.orderId}/${t.name}`);
      const now = T0 + 10;
      const first = await store.claimDueTimers(now, 10, MIN);
      expect(first).toEqual([
        { orderId: 'H-1', name: 'expediteAt', event: 'TIMER.expediteAt', dueAt: T0 + 1 },
        { orderId: 'H-2', name: 'expediteAt', event: 'TIMER.expediteAt', dueAt: T0 + 3 },
      ]);
      // Claimed: not handed out again, and H-1's later timer waits for its earlier one.
      expect(await store.claimDueTimers(now + 1, 10, MIN)).toEqual([]);
      // The lease ends: another sweeper takes the work over.
      expect(ids(await store.claimDueTimers(now + MIN, 1, MIN))).toEqual(['H-1/expediteAt']);
      // A commit of the order (the timer fired) replaces its timers and ends the claim.
      await store.commit(commitAfter('H-2', (await store.getOrder('H-2'))!, { timers: [{ name: 'switchSupplierAt', dueAt: T0 + 4 }] }));
      expect(ids(await store.claimDueTimers(now + MIN, 10, MIN))).toEqual(['H-2/switchSupplierAt']);
      // Claiming reads what is due; it does not hide timers from dueTimers.
      expect(ids(await store.dueTimers(now, 10))).toEqual(['H-1/expediteAt', 'H-1/switchSupplierAt', 'H-2/switchSupplierAt']);
    });
    it('gives claims back: a released timer is claimable at once, a fired or moved one is not revived', async () => {
      const store = await fresh();
      await seed(store, 'R-1', { timers: [{ name: 'expediteAt', dueAt: T0 + 1 }] });
      await seed(store, 'R-2', { timers: [{ name: 'expediteAt', dueAt: T0 + 2 }] });
      const v3 = await seed(store, 'R-3', { timers: [{ name: 'expediteAt', dueAt: T0 + 3 }] });
      const now = T0 + 10;
      const claimed = await store.claimDueTimers(now, 10, MIN);
      expect(claimed.map((t) => t.orderId)).toEqual(['R-1', 'R-2', 'R-3']);
      // R-3 moved on meanwhile (its timer is another one now): giving back the old claim changes nothing of it.
      await store.commit(commitAfter('R-3', v3, { timers: [{ name: 'expediteAt', dueAt: T0 + 5 }] }));
      await store.releaseTimers([claimed[1]!, claimed[2]!]);
      await store.releaseTimers([]);
      expect((await store.claimDueTimers(now + 1, 10, MIN)).map((t) => `${t.orderId}@${t.dueAt - T0}`)).toEqual(['R-2@2', 'R-3@5']);
      expect(await store.claimDueTimers(now + 2, 10, MIN)).toEqual([]);
    });
    it('concurrent claims never hand out the same timer twice', async () => {
      const store = await fresh();
      for (let i = 0; i < 12; i++) await seed(store, `J-${String(i).padStart(2, '0')}`, { timers: [{ name: 'expediteAt', dueAt: T0 + i }] });
      const claims = await Promise.all(Array.from({ length: 4 }, () => store.claimDueTimers(T0 + MIN, 4, MIN)));
      const all = claims.flat().map((t) => t.orderId);
      expect(new Set(all).size).toBe(all.length);
      expect(all.length).toBe(12);
      for (const c of claims) expect(c.map((t) => t.dueAt)).toEqual([...c.map((t) => t.dueAt)].sort((a, b) => a - b));
    });
  });
}
