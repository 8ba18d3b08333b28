import { expect } from 'vitest';
import { persist, statePath } from '../../machines/order/index.ts';
import { replayHistory } from '../../src/engine/replay.ts';
import type { TestApp } from './test-app.ts';

/**
 * DOMAIN.md's invariants, checked on one order through the API and the store: money, R10, the
 * resolution deadline, and that the stored history replays to the stored state.
 */
export async function expectInvariants(t: TestApp, orderId: string) {
  const { body: order, status } = await t.get(orderId);
  expect(status, `GET /orders/${orderId}`).toBe(200);
  const { paid, refunded, refundable, pendingRefund } = order.money;
  expect(refunded, 'refunds never exceed what was paid').toBeLessThanOrEqual(paid);
  expect(refundable).toBe(paid - refunded);
  expect(pendingRefund).toBeLessThanOrEqual(refundable);

  const { body } = await t.history(orderId);
  const history = body.history as { type: string; fromState: string | null; toState: string; seq: number }[];
  expect(history.map((h) => h.seq), 'history is gapless').toEqual(history.map((_, i) => i + 1));
  expect(history.at(-1)?.toState).toBe(order.state);
  expect(history.length).toBe(order.version);

  if (order.scope === 'international') {
    const viaCancellation = history.some((h) => h.toState === 'refund' && h.fromState?.endsWith('intercepting'));
    expect(viaCancellation, 'an international order never reaches refund through a cancellation (R10)').toBe(false);
    expect(order.cancellation).toBeNull();
  }

  const awaitingResolution = ['verification.awaitingResolution', 'reship', 'refund'].includes(order.state) && order.claim?.verification === 'approved';
  if (awaitingResolution) {
    expect(order.resolution?.dueAt, 'after approval the resolution deadline shows until executed').toBeTruthy();
    if (!order.resolution.escalated) expect(order.deadlines.map((d: { name: string }) => d.name)).toContain('resolutionDueAt');
  }

  const stored = await t.store.getOrder(orderId);
  const replayed = replayHistory(t.app.engine.machine, await t.store.history(orderId));
  expect(statePath(replayed.value), 'history replays to the stored state').toBe(stored?.state);
  expect(persist(t.app.engine.machine, replayed), 'history replays to the stored snapshot').toEqual(stored?.snapshot);
  return order;
}
