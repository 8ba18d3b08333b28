import { initialTransition, transition } from 'xstate';
import { expect } from 'vitest';
import { activeMeta, armedDeadlines, type OrderContext, type OrderEvent, type OrderInput } from '../../machines/order/v2/index.ts';
import { MACHINE_MIGRATED, migrateSnapshot } from '../../src/engine/migrate-snapshot.ts';
import { replayHistory } from '../../src/engine/replay.ts';
import { persist, restore, statePath, versionOf } from '../../src/engine/snapshots.ts';
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

  // Until the reship or refund of a verified claim is executed: choosing, reshipping, or refunding that claim.
  const awaitingResolution =
    order.claim?.verification === 'approved' &&
    (order.state === 'verification.awaitingResolution' || order.state === 'reship' || (order.state === 'refund' && order.claim.resolution === 'refund'));
  if (awaitingResolution) {
    expect(order.resolution?.dueAt, 'after approval the resolution deadline shows until executed').toBeTruthy();
    if (!order.resolution.escalated) expect(order.deadlines.map((d: { name: string }) => d.name)).toContain('resolutionDueAt');
  }

  const stored = await t.store.getOrder(orderId);
  const replayed = replayHistory(t.app.engine.machine, await t.store.history(orderId));
  expect(statePath(replayed.snapshot.value), 'history replays to the stored state').toBe(stored?.state);
  expect(persist(t.app.engine.machine, replayed.version, replayed.snapshot), 'history replays to the stored snapshot').toEqual(stored?.snapshot);
  expect(await checkInvariants(t, orderId), 'DOMAIN.md invariants').toEqual([]);
  return order;
}

/**
 * DOMAIN.md's invariants, checked on one order through the API (view and history) and the store
 * (the stored snapshot). `checkInvariants` answers the violations as readable sentences (empty
 * when all hold); `assertInvariants` throws them.
 */
export async function checkInvariants(t: TestApp, orderId: string): Promise<string[]> {
  const violations: string[] = [];
  const fail = (message: string) => violations.push(`${orderId}: ${message}`);
  const viewRes = await t.get(orderId);
  const historyRes = await t.history(orderId);
  const record = await t.store.getOrder(orderId);
  if (viewRes.status !== 200 || historyRes.status !== 200 || !record) return [`${orderId}: cannot read the order (view ${viewRes.status}, history ${historyRes.status})`];
  const view = viewRes.body;
  const history: { seq: number; type: string; payload: Record<string, unknown>; at: string; source: string; dueAt: string | null; toState: string; machineVersion: number }[] = historyRes.body.history;
  const hosted = t.app.engine.machine;
  const version = versionOf(hosted, record.snapshot);
  const snapshot = restore(version, record.snapshot);

  // The sum of refunds never exceeds what was paid.
  const refunds: { amount: number }[] = view.money.refunds;
  const refunded = refunds.reduce((sum, r) => sum + r.amount, 0);
  if (refunded !== view.money.refunded) fail(`money.refunded is ${view.money.refunded} but the refunds add up to ${refunded}`);
  if (refunded > view.money.paid) fail(`refunds of ${refunded} exceed the ${view.money.paid} paid`);
  if (view.money.refundable !== Math.max(0, view.money.paid - refunded)) fail(`money.refundable is ${view.money.refundable}, expected ${view.money.paid - refunded}`);
  if (view.money.pendingRefund > view.money.refundable) fail(`a pending refund of ${view.money.pendingRefund} exceeds the ${view.money.refundable} still refundable`);

  // An international order never reaches refund through a cancellation or wrong address (R10).
  if (view.scope === 'international') {
    if (view.cancellation !== null) fail(`an international order has a cancellation (${view.cancellation.reason})`);
    const cancelled = history.some((h) => h.type === 'CANCEL_REQUESTED' || h.type === 'INTERCEPT_SUCCEEDED');
    if (cancelled) fail('an international order took a cancellation or interception event');
  }

  // Every state that waits on a person or the platform has a deadline or a documented reason why not.
  // A missed resolution deadline that escalated still counts: the view keeps showing it.
  const leaf = activeMeta(snapshot).at(-1);
  const armed = armedDeadlines(snapshot);
  const escalatedDeadline = view.resolution?.escalated === true && (leaf?.deadlines ?? []).includes('resolutionDueAt');
  if (leaf?.waitsOn && armed.length === 0 && !leaf.noDeadlineReason && !escalatedDeadline) {
    fail(`${view.state} waits on the ${leaf.waitsOn} but arms no deadline (declared: ${(leaf.deadlines ?? []).join(', ') || 'none'}) and gives no noDeadlineReason`);
  }
  const shown = view.deadlines.map((d: { name: string; dueAt: string }) => `${d.name}@${d.dueAt}`).join(', ');
  const expected = armed.map((d) => `${d.name}@${new Date(d.dueAt).toISOString()}`).join(', ');
  if (shown !== expected) fail(`the view shows deadlines [${shown}] but the state arms [${expected}]`);

  // After VERIFICATION_APPROVED the resolution deadline shows until the reship or refund is executed;
  // missing it raises an escalation (never before it fell due), it never silently passes.
  const approvedAt = history.map((h) => h.type).lastIndexOf('VERIFICATION_APPROVED');
  // Executed: the claim closed (reshipped or refunded); version 1's orders (one claim, no closing) count a reship.
  const openApproved = (view.claims ?? []).some((c: { verification: string; closed: unknown }) => c.verification === 'approved' && c.closed === null);
  const executed = approvedAt >= 0 && (!openApproved || history.slice(approvedAt).some((h) => h.type === 'RESHIPPED'));
  if (approvedAt >= 0 && !executed && view.status === 'open') {
    if (!view.resolution?.dueAt) fail(`the claim was approved (history #${history[approvedAt]!.seq}) and not yet executed, but ${view.state} shows no resolution deadline`);
    else if (Date.parse(view.resolution.dueAt) <= t.clock.now() && !view.resolution.escalated) {
      fail(`the resolution deadline ${view.resolution.dueAt} passed without an escalation`);
    }
  }
  if (view.resolution?.escalated && Date.parse(view.resolution.escalatedAt) < Date.parse(view.resolution.dueAt)) {
    fail(`the resolution deadline ${view.resolution.dueAt} shows as escalated at ${view.resolution.escalatedAt}, before it fell due`);
  }

  // The stored history replays to the stored state.
  const [created, ...events] = history;
  if (created?.type !== 'ORDER_CREATED') {
    fail(`the history does not start with ORDER_CREATED (${created?.type})`);
  } else {
    const input = { ...created.payload, createdAt: Date.parse(created.at), policyDefaults: (record.snapshot.context as OrderContext).policy } as OrderInput;
    // Each row on the version it was applied with; a MACHINE_MIGRATED row runs its migration.
    const versionAt = (n: number) => hosted.versions.find((v) => v.version === n)!;
    let at = versionAt(created.machineVersion);
    let [replayed] = initialTransition(at.machine, input);
    for (const h of events) {
      if (h.type === MACHINE_MIGRATED) {
        const to = versionAt(h.machineVersion);
        replayed = restore(to, migrateSnapshot(hosted, persist(hosted, at, replayed), to));
        at = to;
      } else {
        if (h.machineVersion !== at.version) fail(`history #${h.seq} (${h.type}) ran on version ${h.machineVersion}, the order was at ${at.version}`);
        const receivedAt = Date.parse(h.at);
        const event = (h.source === 'timer' ? { type: h.type, dueAt: Date.parse(h.dueAt ?? h.at), receivedAt } : { ...h.payload, type: h.type, receivedAt }) as OrderEvent;
        [replayed] = transition(at.machine, replayed, event);
      }
      if (statePath(replayed.value) !== h.toState) fail(`history #${h.seq} (${h.type}) replays to ${statePath(replayed.value)}, the row says ${h.toState}`);
    }
    const a = persist(hosted, at, replayed);
    const b = record.snapshot;
    if (JSON.stringify([a.status, a.value, a.context]) !== JSON.stringify([b.status, b.value, b.context])) {
      fail(`the history replays to ${statePath(a.value)} (${a.status}), the store holds ${statePath(b.value)} (${b.status})${a.status === b.status && statePath(a.value) === statePath(b.value) ? ' with a different context' : ''}`);
    }
    if (record.version !== history.length) fail(`version ${record.version} but ${history.length} history rows`);
  }
  if (view.state !== record.state || record.state !== statePath(snapshot.value)) fail(`the view says ${view.state}, the store ${record.state}`);
  return violations;
}

export async function assertInvariants(t: TestApp, orderId: string): Promise<void> {
  const violations = await checkInvariants(t, orderId);
  if (violations.length > 0) throw new Error(`invariants violated:\n- ${violations.join('\n- ')}`);
}
