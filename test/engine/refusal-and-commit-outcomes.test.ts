import { describe, expect, it } from 'vitest';
import { orderMachine, sampleOrder } from '../../machines/order/index.ts';
import { createManualClock } from '../../src/clock.ts';
import { createEngine, type EngineObserver } from '../../src/engine/engine.ts';
import type { ProblemError } from '../../src/errors.ts';
import { StoreUnavailableError, VersionConflictError } from '../../src/store/store.ts';
import { faultyStore } from '../support/faulty-store.ts';
import { tinyMachine } from '../support/versions/tiny-machine.ts';

// In-process, what the API suites show of the engine (test/api/refusals.test.ts, test/operations/metrics.test.ts):
// the reason a state gives for refusing an event, and how each commit ended for the observer.

async function engineOn(f = faultyStore()) {
  await f.store.migrate();
  const outcomes: string[] = [];
  const durations: number[] = [];
  const observer: EngineObserver = {
    applied: () => {},
    refused: () => {},
    committed: (ms, outcome) => {
      outcomes.push(outcome);
      durations.push(ms);
    },
  };
  const engine = createEngine({ store: f.store, clock: createManualClock(), machine: orderMachine(), observer, maxRetries: 1, retryBackoffMs: 0 });
  await engine.createOrder(sampleOrder({ id: 'O-1' }));
  return { engine, outcomes, durations, f };
}

describe('a refusal with a reason', () => {
  it('gives the reason in the detail and as its own member', async () => {
    const { engine } = await engineOn();
    await engine.send('O-1', 'CANCEL_REQUESTED', { reason: 'customer_cancelled' });
    const error = (await engine.send('O-1', 'CANCEL_REQUESTED', { reason: 'wrong_address' }).catch((e: unknown) => e)) as ProblemError;
    expect(error.problem).toMatchObject({
      status: 409,
      detail: 'order O-1 is in preShipment.intercepting, which does not take CANCEL_REQUESTED: an interception is already under way. It takes: INTERCEPT_SUCCEEDED, INTERCEPT_FAILED',
      reason: 'an interception is already under way',
      acceptedEvents: ['INTERCEPT_SUCCEEDED', 'INTERCEPT_FAILED'],
    });
  });
});

describe('an event sent to a closed order', () => {
  it('is refused, saying the order takes nothing', async () => {
    const f = faultyStore();
    await f.store.migrate();
    const engine = createEngine({ store: f.store, clock: createManualClock(), machine: tinyMachine() });
    await engine.createOrder({ id: 'O-3' });
    await engine.send('O-3', 'FINISH', {});
    const error = (await engine.send('O-3', 'FINISH', {}).catch((e: unknown) => e)) as ProblemError;
    expect(error.problem).toMatchObject({ status: 409, detail: 'order O-3 is in done, which does not take FINISH. It takes: nothing (the order is closed)', acceptedEvents: [] });
  });
});

describe('an event that does not fit the order', () => {
  it('is refused with 422 naming the event and the order, each issue under payload; without an observer too', async () => {
    const f = faultyStore();
    await f.store.migrate();
    const engine = createEngine({ store: f.store, clock: createManualClock(), machine: orderMachine() });
    await engine.createOrder(sampleOrder({ id: 'O-2', items: [{ sku: 'mug', quantity: 1, unitPrice: 500 }] }));
    await engine.send('O-2', 'REQUEST_REFUND', {});
    const error = (await engine.send('O-2', 'REFUND_ISSUED', { amount: 999_999 }).catch((e: unknown) => e)) as ProblemError;
    expect(error.problem).toMatchObject({ status: 422, detail: 'REFUND_ISSUED does not fit order O-2' });
    expect(error.problem.errors).toEqual([{ path: 'payload.amount', message: expect.stringContaining('500') }]);
  });
});

describe('how each commit ended, as the observer hears it', () => {
  it('committed, lost to another commit (conflict), or failed; each with how long the commit took', async () => {
    const { engine, outcomes, durations, f } = await engineOn();
    expect(outcomes).toEqual(['committed']);
    f.faults.beforeCommit = (commit, n) => {
      if (n === 2) throw new VersionConflictError(commit.order.id);
      if (n === 4) throw new StoreUnavailableError('database gone');
    };
    const before = performance.now();
    await engine.send('O-1', 'SUPPLIER_CONTACTED', { note: 'n' });
    await expect(engine.send('O-1', 'SUPPLIER_CONTACTED', { note: 'n' })).rejects.toBeInstanceOf(StoreUnavailableError);
    const wall = performance.now() - before;
    expect(outcomes).toEqual(['committed', 'conflict', 'committed', 'failed']);
    for (const ms of durations.slice(1)) expect(ms).toBeGreaterThanOrEqual(0);
    for (const ms of durations.slice(1)) expect(ms).toBeLessThanOrEqual(wall);
  });
});
