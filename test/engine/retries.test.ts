import { afterEach, describe, expect, it, vi } from 'vitest';
import { orderMachine, sampleOrder } from '../../machines/order/index.ts';
import { createManualClock } from '../../src/clock.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { OrderQueueFullError } from '../../src/engine/order-queue.ts';
import { ProblemError } from '../../src/errors.ts';
import { StoreUnavailableError, VersionConflictError } from '../../src/store/store.ts';
import { faultyStore } from '../support/faulty-store.ts';
import { testApp } from '../support/test-app.ts';

// What a client hears when its event keeps losing the compare-and-swap to other instances, when
// it names a version (If-Match) that another instance moved past meanwhile, and when too many
// requests wait for one order: the retry budget, the 409/412 bodies and Retry-After.

const contention = {
  type: '/problems/conflict',
  title: 'Conflict',
  status: 409,
};

/** The service on a store that loses the first `losses` commits to "another instance". */
async function losingApp(losses: number, maxRetries: number) {
  const f = faultyStore();
  const t = await testApp({ store: f.store, engineOptions: { maxRetries } });
  expect((await t.create({ id: 'R-1' })).status).toBe(201);
  f.reset();
  f.faults.beforeCommit = (commit, n) => {
    if (n <= losses) throw new VersionConflictError(commit.order.id);
  };
  return { t, f };
}

describe('an event that loses the race for the order to other instances', () => {
  it('is tried again up to maxRetries times: it applies when the last retry wins', async () => {
    for (const maxRetries of [0, 2]) {
      const { t, f } = await losingApp(maxRetries, maxRetries);
      const res = await t.send('R-1', 'SUPPLIER_CONTACTED', { note: 'n' });
      expect({ maxRetries, status: res.status }).toEqual({ maxRetries, status: 200 });
      expect(res.body.version).toBe(2);
      expect(f.calls.commit).toBe(maxRetries + 1);
      expect((await t.history('R-1')).body.history.map((h: { type: string }) => h.type)).toEqual(['ORDER_CREATED', 'SUPPLIER_CONTACTED']);
    }
  });

  it('answers 409 conflict with Retry-After: 1, naming the order, once the retries are spent; nothing is applied', async () => {
    for (const maxRetries of [0, 2]) {
      const { t, f } = await losingApp(Infinity, maxRetries);
      const res = await t.send('R-1', 'SUPPLIER_CONTACTED', { note: 'n' });
      expect(res.status).toBe(409);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.headers.get('retry-after')).toBe('1');
      expect(res.body).toMatchObject({ ...contention, detail: 'order R-1 is being changed by other requests; retry', orderId: 'R-1' });
      expect(f.calls.commit).toBe(maxRetries + 1);
      expect((await t.get('R-1')).body.version).toBe(1);
    }
  });

  it('with If-Match is not retried: 412, the order changed while the event was applied', async () => {
    const { t, f } = await losingApp(1, 8);
    const res = await t.send('R-1', 'SUPPLIER_CONTACTED', { note: 'n' }, { 'if-match': '"1"' });
    expect(res.status).toBe(412);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body).toMatchObject({
      type: '/problems/version-mismatch', title: 'Version mismatch', status: 412,
      detail: 'order R-1 changed while this event was applied', orderId: 'R-1',
    });
    expect(f.calls.commit).toBe(1);
    // Without If-Match the same lost race is retried and applied.
    f.reset();
    f.faults.beforeCommit = (commit, n) => {
      if (n === 1) throw new VersionConflictError(commit.order.id);
    };
    expect((await t.send('R-1', 'SUPPLIER_CONTACTED', { note: 'n' })).status).toBe(200);
    expect(f.calls.commit).toBe(2);
  });

  it('a creation that another instance made first with the same body answers that order (200), not a conflict', async () => {
    const f = faultyStore();
    const t = await testApp({ store: f.store });
    f.faults.beforeCommit = async (commit, n) => {
      if (n !== 1) return;
      await f.inner.commit(commit); // the other instance, with the same request
      throw new VersionConflictError(commit.order.id);
    };
    const res = await t.create({ id: 'R-2' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'R-2', version: 1, state: 'preShipment.processing.awaitingShipment' });
    expect((await t.history('R-2')).body.history).toHaveLength(1);
  });
});

describe('the wait between retries', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is jittered below a bound that starts at retryBackoffMs and doubles, up to 200 ms', async () => {
    const f = faultyStore();
    await f.store.migrate();
    const clock = createManualClock();
    for (const [retryBackoffMs, expected] of [
      [5, [2.5, 5, 10, 20, 40, 80, 100, 100, 100]],
      [30, [15, 30, 60, 100, 100, 100, 100, 100, 100]],
    ] as const) {
      const engine = createEngine({ store: f.store, clock, machine: orderMachine(), maxRetries: 9, retryBackoffMs });
      const id = `W-${retryBackoffMs}`;
      await engine.createOrder(sampleOrder({ id }));
      f.faults.beforeCommit = (commit) => {
        throw new VersionConflictError(commit.order.id);
      };
      vi.spyOn(Math, 'random').mockReturnValue(0.5);
      const waits: number[] = [];
      const realSetTimeout = globalThis.setTimeout;
      vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
        waits.push(ms ?? 0);
        return realSetTimeout(fn, 0);
      }) as typeof setTimeout);
      await expect(engine.send(id, 'SUPPLIER_CONTACTED', { note: 'n' })).rejects.toMatchObject({ problem: { type: '/problems/conflict' } });
      vi.restoreAllMocks();
      delete f.faults.beforeCommit;
      expect({ retryBackoffMs, waits }).toEqual({ retryBackoffMs, waits: expected });
    }
  });
});

describe('requests waiting for one order in this process', () => {
  it('beyond maxWaitingPerOrder answer 409 conflict with Retry-After at once; the others are applied in turn', async () => {
    const f = faultyStore();
    await f.store.migrate();
    const engine = createEngine({ store: f.store, clock: createManualClock(), machine: orderMachine(), maxWaitingPerOrder: 2 });
    await engine.createOrder(sampleOrder({ id: 'Q-1' }));
    const sent = await Promise.allSettled([1, 2, 3, 4].map((i) => engine.send('Q-1', 'SUPPLIER_CONTACTED', { note: `n${i}` })));
    expect(sent.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected']);
    expect(sent.slice(0, 2).map((s) => (s as PromiseFulfilledResult<{ version: number }>).value.version)).toEqual([2, 3]);
    for (const s of sent.slice(2)) {
      const error = (s as PromiseRejectedResult).reason as ProblemError;
      expect(error).toBeInstanceOf(ProblemError);
      expect(error.problem).toMatchObject({ ...contention, detail: 'order Q-1 is being changed by other requests; retry', orderId: 'Q-1' });
      expect(error.retryAfter).toBe(1);
      expect(error.cause).toBeInstanceOf(OrderQueueFullError);
    }
    // Once the queue has drained, the order takes requests again.
    expect((await engine.send('Q-1', 'SUPPLIER_CONTACTED', { note: 'later' })).version).toBe(4);
  });

  it('after the database failed the request ahead, the waiting ones answer 503 without asking it again', async () => {
    const f = faultyStore();
    const t = await testApp({ store: f.store });
    await t.create({ id: 'U-1' });
    f.reset();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    f.faults.beforeGetOrder = async (_id, n) => {
      if (n !== 1) return;
      await gate;
      throw new StoreUnavailableError('PostgreSQL: the transaction took longer than 5000 ms');
    };
    const pending = [1, 2, 3].map((i) => t.send('U-1', 'SUPPLIER_CONTACTED', { note: `n${i}` }));
    release();
    const answers = await Promise.all(pending);
    expect(answers.map((a) => a.status)).toEqual([503, 503, 503]);
    for (const a of answers) expect(a.body).toMatchObject({ type: '/problems/unavailable' });
    expect(f.calls.getOrder).toBe(1);
    const logged = t.logger.lines.filter((l) => l.msg === 'database unavailable').map((l) => l.error as string);
    expect(logged).toHaveLength(3);
    expect(logged[0]).toBe('PostgreSQL: the transaction took longer than 5000 ms');
    expect(logged[1]).toBe('PostgreSQL: the transaction took longer than 5000 ms (on the request ahead for order U-1)');
    // Served again once the database answers.
    expect((await t.send('U-1', 'SUPPLIER_CONTACTED', { note: 'n4' })).status).toBe(200);
  });
});

describe('the errors the engine raises for a lost race', () => {
  it('keep what they replace as their cause: the lost compare-and-swap, the failure of the request ahead', async () => {
    const f = faultyStore();
    await f.store.migrate();
    const engine = createEngine({ store: f.store, clock: createManualClock(), machine: orderMachine(), maxRetries: 0 });
    await engine.createOrder(sampleOrder({ id: 'X-1' }));
    f.faults.beforeCommit = (commit) => {
      throw new VersionConflictError(commit.order.id);
    };
    const contended = (await engine.send('X-1', 'SUPPLIER_CONTACTED', { note: 'n' }).catch((e: unknown) => e)) as ProblemError;
    expect(contended.problem.status).toBe(409);
    expect(contended.cause).toBeInstanceOf(VersionConflictError);
    const mismatch = (await engine.send('X-1', 'SUPPLIER_CONTACTED', { note: 'n' }, { ifMatch: 1 }).catch((e: unknown) => e)) as ProblemError;
    expect(mismatch.problem.status).toBe(412);
    expect(mismatch.cause).toBeInstanceOf(VersionConflictError);
    delete f.faults.beforeCommit;

    const unavailable = new StoreUnavailableError('gone');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    f.reset();
    f.faults.beforeGetOrder = async (_id, n) => {
      await gate;
      if (n === 1) throw unavailable;
    };
    const sent = [1, 2, 3].map((i) => engine.send('X-1', 'SUPPLIER_CONTACTED', { note: `n${i}` }).catch((e: unknown) => e as Error));
    release();
    const [first, second, third] = await Promise.all(sent);
    expect(first).toBe(unavailable);
    expect(second).toBeInstanceOf(StoreUnavailableError);
    expect(second!.cause).toBe(unavailable);
    expect(third!.cause).toBe(second);
  });

  it('a retried Idempotency-Key answers as before without a replay listener', async () => {
    const f = faultyStore();
    await f.store.migrate();
    const engine = createEngine({ store: f.store, clock: createManualClock(), machine: orderMachine() });
    await engine.createOrder(sampleOrder({ id: 'X-2' }));
    const first = await engine.send('X-2', 'SUPPLIER_CONTACTED', { note: 'n' }, { idempotencyKey: 'k' });
    expect(await engine.send('X-2', 'SUPPLIER_CONTACTED', { note: 'n' }, { idempotencyKey: 'k' })).toEqual(first);
    let replays = 0;
    expect(await engine.send('X-2', 'SUPPLIER_CONTACTED', { note: 'n' }, { idempotencyKey: 'k', onReplay: () => (replays += 1) })).toEqual(first);
    expect(replays).toBe(1);
  });
});
