import { expect } from 'vitest';
import { observedOrder, type ModelVariant } from '../../machines/order/v2/index.ts';
import type { ModelPath, PathStep } from '../../src/model/paths.ts';
import { assertInvariants } from './invariants.ts';
import { testApp, type TestApp } from './test-app.ts';

/** The part of an order view (`GET /orders/{id}`) that a generated path predicts. */
export { observedOrder };

export const describeStep = (s: PathStep) => (s.kind === 'timer' ? `⏰${s.type}` : `${s.type}${Object.keys(s.payload).length ? JSON.stringify(s.payload) : ''}`);

/** Takes one step of a generated path through the API: sends the event, or lets the named deadline fall due. */
export async function takeStep(t: TestApp, id: string, step: PathStep, where: string): Promise<void> {
  if (step.kind === 'event') {
    expect(await t.advance(60_000), `${where}: a deadline fell due between client steps`).toBe(0);
    const res = await t.send(id, step.type, step.payload);
    expect(res.status, `${where}: ${res.text}`).toBe(200);
  } else {
    const before = (await t.get(id)).body;
    const due = before.deadlines.find((d: { name: string }) => d.name === step.deadline);
    expect(due, `${where}: the order arms no ${step.deadline} (it arms ${JSON.stringify(before.deadlines)})`).toBeDefined();
    t.clock.set(Math.max(Date.parse(due.dueAt), t.clock.now()));
    expect(await t.app.sweeper.sweep(), `${where}: the sweep fired another number of timers`).toBe(1);
  }
}

/**
 * Replays a generated path through the HTTP API against a fresh service (in-memory SQLite, manual
 * clock, the variant's deployment policy): client steps are sent a minute apart, timer steps move
 * the clock to the named deadline's due time and sweep. After each step the order view must match
 * the prediction and the invariants must hold.
 */
export async function replayPath(path: ModelPath, variant: ModelVariant): Promise<void> {
  const t = await testApp({ policy: variant.policy });
  const id = path.id.replaceAll('/', '-');
  const created = await t.call('POST', '/orders', { ...variant.order, id });
  expect(created.status, created.text).toBe(201);
  for (const [i, step] of path.steps.entries()) {
    const where = `step ${i + 1} of ${path.id} (${describeStep(step)})`;
    await takeStep(t, id, step, where);
    const view = (await t.get(id)).body;
    expect(observedOrder(view), where).toEqual(step.expect);
    await assertInvariants(t, id);
  }
  await t.store.close();
}
