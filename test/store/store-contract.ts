import { afterEach, describe, expect, it } from 'vitest';
import type { PersistedOrder } from '../../machines/order/index.ts';
import type { Commit, OrderRecord, Store, TimerEntry } from '../../src/store/store.ts';
import { VersionConflictError } from '../../src/store/store.ts';

export interface StoreContractOptions {
  /** Shown in the test names. */
  name: string;
  /** A migrated store with no orders in it; closed by the suite after each test. */
  create: () => Promise<Store>;
  /** Tests only this adapter needs, run inside the same `describe`. */
  additionalTests?: (ctx: { create: () => Promise<Store> }) => void;
}

// Epoch ms beyond 32 bits, as real times are.
const T0 = Date.parse('2026-03-02T01:00:00Z');
const MIN = 60_000;

const snapshotOf = (state: string, note = ''): PersistedOrder =>
  ({ machine: { id: 'order', version: 1 }, status: 'active', value: state, historyValue: {}, context: { note } }) as unknown as PersistedOrder;

interface Step {
  state?: string;
  timers?: { name: string; dueAt: number }[];
  outbox?: { action: string; payload?: unknown }[];
  idempotencyKey?: string;
  payload?: unknown;
  at?: number;
  note?: string;
}

/** A commit that moves `prev` (or nothing, on creation) one version on. */
function commitAfter(id: string, prev: OrderRecord | null, step: Step = {}, expectedVersion = prev?.version ?? null): Commit {
  const version = (prev?.version ?? 0) + 1;
  const at = step.at ?? T0 + version * MIN;
  const state = step.state ?? prev?.state ?? 'preShipment.processing.awaitingShipment';
  const timers: TimerEntry[] = (step.timers ?? []).map((t) => ({ orderId: id, name: t.name, event: `TIMER.${t.name}`, dueAt: t.dueAt }));
  const order: OrderRecord = {
    id,
    version,
    state,
    snapshot: snapshotOf(state, step.note),
    createHash: prev?.createHash ?? `hash-${id}`,
    nextDeadlineAt: timers.length ? Math.min(...timers.map((t) => t.dueAt)) : null,
    createdAt: prev?.createdAt ?? at,
    updatedAt: at,
  };
  return {
    order,
    expectedVersion,
    history: {
      orderId: id, seq: version, type: prev ? 'SUPPLIER_CONTACTED' : 'ORDER_CREATED', payload: step.payload ?? { n: version },
      fromState: prev?.state ?? null, toState: state, at, idempotencyKey: step.idempotencyKey ?? null, source: 'client', dueAt: null,
    },
    outbox: (step.outbox ?? []).map((o, i) => ({ id: `${id}-${version}-${i}`, orderId: id, seq: version, action: o.action, payload: o.payload ?? {}, createdAt: at })),
    timers,
    ...(step.idempotencyKey ? { idempotency: { orderId: id, key: step.idempotencyKey, requestHash: `rh-${version}`, status: 200, response: { version, state } } } : {}),
  };
}

/**
 * The behaviour every `Store` adapter must have. Each adapter's test file calls this with a
 * factory of empty stores; server-backed adapters decide themselves whether they can run.
 */
export function storeContract({ name, create, additionalTests }: StoreContractOptions) {
  describe(`store contract: ${name}`, () => {
    const open: Store[] = [];
    const fresh = async () => {
      const store = await create();
      open.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()));
    });

    /** Creates an order and applies `steps`, each as one commit; answers the last record. */
    async function seed(store: Store, id: string, ...steps: Step[]) {
      let prev: OrderRecord | null = null;
      for (const step of [{}, ...steps]) {
        const c = commitAfter(id, prev, step);
        await store.commit(c);
        prev = c.order;
      }
      return prev!;
    }

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
      expect(await store.getIdempotency('C-1', 'key-1')).toEqual({ orderId: 'C-1', key: 'key-1', requestHash: 'rh-2', status: 200, response: { version: 2, state: v2.state } });
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

    it('concurrent claims never hand out the same timer twice', async () => {
      const store = await fresh();
      for (let i = 0; i < 12; i++) await seed(store, `J-${String(i).padStart(2, '0')}`, { timers: [{ name: 'expediteAt', dueAt: T0 + i }] });
      const claims = await Promise.all(Array.from({ length: 4 }, () => store.claimDueTimers(T0 + MIN, 4, MIN)));
      const all = claims.flat().map((t) => t.orderId);
      expect(new Set(all).size).toBe(all.length);
      expect(all.length).toBe(12);
      for (const c of claims) expect(c.map((t) => t.dueAt)).toEqual([...c.map((t) => t.dueAt)].sort((a, b) => a - b));
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
      expect(ids(await store.listOrders({ statePrefix: 'inTransit', limit: 10 }))).toEqual(['L-1', 'L-3', 'L-4']);
      expect(ids(await store.listOrders({ statePrefix: 'inTransit.shipping', limit: 10 }))).toEqual(['L-1', 'L-3']);
      expect(ids(await store.listOrders({ statePrefix: 'in_', limit: 10 }))).toEqual([]);
      expect(ids(await store.listOrders({ statePrefix: 'in%', limit: 10 }))).toEqual([]);
      expect(ids(await store.listOrders({ statePrefix: 'intransit', limit: 10 }))).toEqual([]);
      expect(ids(await store.listOrders({ limit: 4 }))).toEqual(['L-0', 'L-1', 'L-2', 'L-3']);
      expect(ids(await store.listOrders({ limit: 4, after: { id: 'L-3' } }))).toEqual(['L-4', 'L-5']);
      expect(ids(await store.listOrders({ statePrefix: 'inTransit', limit: 10, after: { id: 'L-1' } }))).toEqual(['L-3', 'L-4']);
      expect((await store.listOrders({ limit: 1 }))[0]).toEqual(await store.getOrder('L-0'));
    });

    it('lists orders with a deadline before a time, by deadline then id, and pages through them', async () => {
      const store = await fresh();
      await seed(store, 'M-c', { timers: [{ name: 'x', dueAt: T0 + 30 }] });
      await seed(store, 'M-b', { timers: [{ name: 'x', dueAt: T0 + 10 }] });
      await seed(store, 'M-a', { timers: [{ name: 'x', dueAt: T0 + 30 }] });
      await seed(store, 'M-d', { timers: [{ name: 'x', dueAt: T0 + 40 }] });
      await seed(store, 'M-e', {});
      const ids = (os: OrderRecord[]) => os.map((o) => o.id);
      expect(ids(await store.listOrders({ deadlineBefore: T0 + 40, limit: 10 }))).toEqual(['M-b', 'M-a', 'M-c']);
      const seen: string[] = [];
      let after: { id: string; deadline?: number } | undefined;
      for (let page = 0; page < 5; page++) {
        const rows = await store.listOrders({ deadlineBefore: T0 + 41, limit: 2, ...(after ? { after } : {}) });
        seen.push(...ids(rows));
        const last = rows.at(-1);
        if (rows.length < 2 || !last) break;
        after = { id: last.id, deadline: last.nextDeadlineAt! };
      }
      expect(seen).toEqual(['M-b', 'M-a', 'M-c', 'M-d']);
      expect(ids(await store.listOrders({ deadlineBefore: T0 + 100, statePrefix: 'inTransit', limit: 10 }))).toEqual([]);
    });

    it('lists an order once by its earliest deadline, however many timers it has, and follows its changes', async () => {
      const store = await fresh();
      const two = await seed(store, 'N-a', { timers: [{ name: 'y', dueAt: T0 + 20 }, { name: 'x', dueAt: T0 + 20 }, { name: 'z', dueAt: T0 + 5 }] });
      await seed(store, 'N-b', { timers: [{ name: 'x', dueAt: T0 + 10 }] });
      const listed = async (before: number) => (await store.listOrders({ deadlineBefore: before, limit: 10 })).map((o) => `${o.id}@${o.nextDeadlineAt! - T0}`);
      expect(await listed(T0 + 100)).toEqual(['N-a@5', 'N-b@10']);
      // The earliest timer gone, the order moves to its next one; with none left it leaves the list.
      const moved = commitAfter('N-a', two, { timers: [{ name: 'y', dueAt: T0 + 20 }, { name: 'x', dueAt: T0 + 20 }] });
      await store.commit(moved);
      expect(await listed(T0 + 100)).toEqual(['N-b@10', 'N-a@20']);
      expect(await listed(T0 + 20)).toEqual(['N-b@10']);
      await store.commit(commitAfter('N-a', moved.order, { timers: [] }));
      expect(await listed(T0 + 100)).toEqual(['N-b@10']);
    });

    additionalTests?.({ create: fresh });
  });
}
