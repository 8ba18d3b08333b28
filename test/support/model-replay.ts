import { expect } from 'vitest';
import { observedOrder } from '../../machines/order/v2/index.ts';
import type { Expectation, ExpectedDeadline, ModelPath, PathStep } from '../../src/model/paths.ts';
import { creationBody, type ReplayableVariant } from '../../src/model/paths-variants.ts';
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

/** The view's deadlines as a path predicts them: each due time relative to the step that armed it, given when each step was taken. */
export function deadlinesOf(view: { deadlines: { name: string; dueAt: string }[] }, stepTimes: number[], expected: readonly ExpectedDeadline[]) {
  return view.deadlines.map((d, i) => {
    const armedAtStep = expected[i]?.armedAtStep ?? 0;
    return { name: d.name, armedAtStep, dueAfterMs: Date.parse(d.dueAt) - (stepTimes[armedAtStep] ?? Number.NaN) };
  });
}

/**
 * Replays a generated path through the HTTP API against a fresh service (in-memory SQLite, manual
 * clock, the variant's deployment policy): client steps are sent a minute apart, timer steps move
 * the clock to the named deadline's due time and sweep. After creation and after each step the
 * order view must match the prediction (deadlines with their due times) and the invariants must hold.
 */
export async function replayPath(path: ModelPath, variant: ReplayableVariant): Promise<void> {
  const t = await testApp({ policy: variant.policy });
  const id = path.id.replaceAll('/', '-');
  const stepTimes = [t.clock.now()];
  const created = await t.call('POST', '/orders', { ...creationBody(variant.order, variant.timesAfterCreation, t.clock.now()), id });
  expect(created.status, created.text).toBe(201);
  const check = async (where: string, { expect: expected, expectDeadlines }: Expectation) => {
    const view = (await t.get(id)).body;
    expect(observedOrder(view), where).toEqual(expected);
    expect(deadlinesOf(view, stepTimes, expectDeadlines), where).toEqual(expectDeadlines);
    await assertInvariants(t, id);
  };
  await check(`creation of ${path.id}`, path.start);
  for (const [i, step] of path.steps.entries()) {
    const where = `step ${i + 1} of ${path.id} (${describeStep(step)})`;
    await takeStep(t, id, step, where);
    stepTimes.push(t.clock.now());
    expect(t.clock.now() - stepTimes[0]!, `${where}: taken at another time than the path says`).toBe(step.sinceCreationMs);
    await check(where, step);
  }
  await t.store.close();
}
