import type { Expectation, ModelPath, PathStep } from '../model/paths.ts';
import { creationBody, type ReplayableVariant } from '../model/paths-variants.ts';
import { differences } from './view-diff.ts';

/** What a replay asks of the service: one HTTP call, answered with its status and JSON body. */
export type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON answers, read field by field

/** How one path went: passed, or failed at a step (0: the creation) with what differed. */
export interface PathResult {
  id: string;
  variant: string;
  kind: string;
  passed: boolean;
  steps: number;
  timerSteps: number;
  durationMs: number;
  failure?: { step: number; title: string; details: string[] };
}

export interface ReplayPathOptions {
  call: Call;
  path: ModelPath;
  variant: ReplayableVariant;
  /** Reads the part of an order view the expectations predict (the machine version's `model.expect`). */
  observe(view: Record<string, unknown>): unknown;
  /** Prefixes each order id (the path's id with dashes). */
  orderPrefix?: string;
}

class StepFailed extends Error {
  constructor(readonly step: number, readonly title: string, readonly details: string[] = []) {
    super(title);
  }
}

const iso = (ms: number) => new Date(ms).toISOString();
const describeStep = (s: PathStep) => (s.kind === 'timer' ? `deadline ${s.deadline} (${s.type})` : s.type);
const problemOf = (body: unknown) => {
  const p = body as { title?: string; detail?: string; errors?: { path: string; message: string }[] } | undefined;
  return [p?.detail ?? p?.title ?? JSON.stringify(body), ...(p?.errors ?? []).map((e) => `${e.path}: ${e.message}`)];
};

/**
 * Replays one generated path against a sandbox, as the paths document says (`howToReplay`): a
 * run of its own under the variant's policy; the order created with its times set from the run's
 * clock; before each step the clock moved to the step's time (which fires the timer of a timer
 * step, and must fire nothing before a client event); after creation and each step, the order view
 * compared with the expectation, deadlines and their due times included. The run is ended after.
 */
export async function replayPath({ call, path, variant, observe, orderPrefix = '' }: ReplayPathOptions): Promise<PathResult> {
  const started = performance.now();
  const result = { id: path.id, variant: path.variant, kind: path.kind, steps: path.steps.length, timerSteps: path.steps.filter((s) => s.kind === 'timer').length };
  let runId: string | undefined;
  try {
    const run = await call('POST', '/sandbox/runs', variant.sandboxRun);
    if (run.status !== 201) throw new StepFailed(0, `could not start a sandbox run: POST /sandbox/runs answered ${run.status} (is the service a sandbox, \`npx aftersales sandbox\`?)`, problemOf(run.body));
    runId = run.body.id as string;
    const base = run.body.base as string;
    const createdAt = Date.parse(run.body.now);
    const id = `${orderPrefix}${path.id.replaceAll('/', '-')}`;
    const orderPath = `${base}/orders/${encodeURIComponent(id)}`;
    const stepTimes = [createdAt];

    // The answers to the creation and to an event are the order view; after a timer, it is read.
    const check = async (step: number, what: string, { expect: expected, expectDeadlines }: Expectation, answered?: unknown) => {
      let view = answered as { deadlines?: { name: string; dueAt: string }[] } | undefined;
      if (!view) {
        const res = await call('GET', orderPath);
        if (res.status !== 200) throw new StepFailed(step, `reading the order after ${what} answered ${res.status}`, problemOf(res.body));
        view = res.body;
      }
      const due = expectDeadlines.map((d) => ({ name: d.name, dueAt: iso(stepTimes[d.armedAtStep]! + d.dueAfterMs) }));
      const shown = (view!.deadlines ?? []).map(({ name, dueAt }) => ({ name, dueAt }));
      const diff = [...differences(expected, observe(view as Record<string, unknown>)), ...differences(due, shown, 'deadlines')];
      if (diff.length > 0) throw new StepFailed(step, `the order view differs from the expectation after ${what}`, diff);
    };

    const created = await call('POST', `${base}/orders`, { ...creationBody(variant.order, variant.timesAfterCreation, createdAt), id });
    if (created.status !== 201) throw new StepFailed(0, `creating the order answered ${created.status}`, problemOf(created.body));
    await check(0, 'the creation', path.start, created.body);

    for (const [i, step] of path.steps.entries()) {
      const n = i + 1;
      const what = `step ${n} of ${path.steps.length}, ${describeStep(step)}`;
      const at = createdAt + step.sinceCreationMs;
      const moved = await call('POST', `${base}/sandbox/clock`, { advanceTo: iso(at) });
      if (moved.status !== 200) throw new StepFailed(n, `moving the clock to ${iso(at)} before ${what} answered ${moved.status}`, problemOf(moved.body));
      const fired = (moved.body.fired as { orderId: string; deadline: string | null; event: string; firedAt: string }[]).filter((f) => f.orderId === id);
      const firedText = fired.map((f) => `${f.deadline ?? f.event} fired at ${f.firedAt}`);
      let answered: unknown;
      if (step.kind === 'event') {
        if (fired.length > 0) throw new StepFailed(n, `a deadline fell due before ${what}`, firedText);
        const sent = await call('POST', `${orderPath}/events`, { type: step.type, payload: step.payload });
        if (sent.status !== 200) throw new StepFailed(n, `${step.type} was refused with ${sent.status} at ${what}`, problemOf(sent.body));
        answered = sent.body;
      } else if (fired.length !== 1 || fired[0]!.deadline !== step.deadline) {
        throw new StepFailed(n, `expected ${step.deadline} alone to fire when the clock reached ${iso(at)} (${what})`, firedText.length ? firedText : ['nothing fired']);
      }
      stepTimes.push(at);
      await check(n, what, step, answered);
    }
    return { ...result, passed: true, durationMs: performance.now() - started };
  } catch (error) {
    const failure = error instanceof StepFailed ? { step: error.step, title: error.title, details: error.details } : { step: 0, title: `the replay failed: ${error instanceof Error ? error.message : String(error)}`, details: [] };
    return { ...result, passed: false, durationMs: performance.now() - started, failure };
  } finally {
    if (runId) await call('DELETE', `/sandbox/runs/${runId}`).catch(() => {});
  }
}
