import { initialTransition, transition, type AnyMachineSnapshot, type EventObject } from 'xstate';
import type { ArmedDeadline, MachineVersion } from '../../src/engine/hosted-machine.ts';
import { statePath } from '../../src/engine/snapshots.ts';
import type { PathsDocument } from '../../src/model/paths-document.ts';
import { MODEL_EPOCH, STEP_GAP_MS, modelOf, type Expectation } from '../../src/model/paths.ts';

/**
 * A generated path taken the way the engine takes it (src/engine/engine.ts), in-process, with no
 * HTTP, store or invariants: what `replayPath` (test/support/model-replay.ts) would find out of a
 * path that the machine's pure `transition()` does not, in a fraction of its time.
 *
 * - Creation: the variant's order as the route reads it (`createSchema`), recorded by the version
 *   deployed with the variant's policy (`creationRecord`), at the path's creation time.
 * - A client step: the engine's clock has moved a minute and swept first, so no armed deadline may
 *   fall due by then; the payload must pass the event's schema, the event (with the payload as the
 *   schema reads it) the version's checks and the state, or the API answers 422 or 409.
 * - A timer step: the named deadline is armed, it alone is due at the step's time, and the order
 *   takes it; the engine then never re-arms the deadline it fired.
 * - After creation and each step: the step's time, the model's reading of the view (`expect`, which
 *   must also be what the document's schema says) and the due time of every armed deadline.
 * - With `silentSteps` (the step types that leave no time in the order, so that the model, which
 *   reads its clock from the order, cannot see them): the model offers each client step one minute
 *   after the latest other step, the time the graph explored it at.
 *
 * Answers every disagreement in words; an empty list means the path holds.
 */
export function inProcessReplay(deployed: MachineVersion, path: PathsDocument['paths'][number], order: Record<string, unknown>, silentSteps?: readonly string[]): string[] {
  const model = modelOf(deployed);
  const problems: string[] = [];
  const parsedOrder = deployed.createSchema.safeParse(order);
  if (!parsedOrder.success) return [`${path.id}: the creation body is refused: ${parsedOrder.error.message}`];
  const [start] = initialTransition(deployed.machine, { ...deployed.creationRecord(parsedOrder.data as { id: string }), createdAt: MODEL_EPOCH });
  let snapshot: AnyMachineSnapshot = start;
  let armed: readonly ArmedDeadline[] = deployed.armedDeadlines(start);
  const stepTimes = [MODEL_EPOCH];
  let recorded = MODEL_EPOCH;
  const compare = (where: string, now: number, expected: Expectation) => {
    const view = { state: statePath(snapshot.value), status: snapshot.status === 'done' ? 'closed' : 'open', ...deployed.view(snapshot, armed, deployed.acceptedEvents(snapshot, now)) };
    const observed = model.expect(view);
    if (JSON.stringify(observed) !== JSON.stringify(expected.expect)) problems.push(`${where}: the order shows ${JSON.stringify(observed)}, the path expects ${JSON.stringify(expected.expect)}`);
    const schema = model.expectSchema.safeParse(expected.expect);
    if (!schema.success || JSON.stringify(schema.data) !== JSON.stringify(expected.expect)) problems.push(`${where}: the expectation does not fit the document's schema`);
    const deadlines = armed.map((d, i) => ({ name: d.name, dueAt: d.dueAt, predicted: expected.expectDeadlines[i] }));
    const wrong = deadlines.length !== expected.expectDeadlines.length
      || deadlines.some(({ name, dueAt, predicted }) => predicted?.name !== name || (stepTimes[predicted.armedAtStep] ?? Number.NaN) + predicted.dueAfterMs !== dueAt);
    if (wrong) problems.push(`${where}: the order arms ${JSON.stringify(armed)}, the path expects ${JSON.stringify(expected.expectDeadlines)}`);
  };
  compare(`creation of ${path.id}`, MODEL_EPOCH, path.start);
  for (const [i, step] of path.steps.entries()) {
    const where = `step ${i + 1} of ${path.id} (${step.type})`;
    const before = stepTimes.at(-1)!;
    let event: EventObject;
    let fired: ArmedDeadline | undefined;
    if (step.kind === 'event') {
      const now = before + STEP_GAP_MS;
      const due = armed.filter((d) => d.dueAt <= now);
      if (due.length > 0) problems.push(`${where}: ${due.map((d) => d.name).join(', ')} fell due before it`);
      const offeredAt = (model.events(snapshot).find((e) => e.type === step.type) as { receivedAt?: number } | undefined)?.receivedAt;
      if (silentSteps && offeredAt !== recorded + STEP_GAP_MS) {
        problems.push(`${where}: the model offers it ${offeredAt === undefined ? 'not at all' : `${offeredAt - MODEL_EPOCH} ms after creation`}, not a minute after the latest step that left a time (${recorded - MODEL_EPOCH} ms)`);
      }
      stepTimes.push(now);
      const schema = Object.hasOwn(deployed.eventSchemas, step.type) ? deployed.eventSchemas[step.type] : undefined;
      const parsed = schema?.safeParse(step.payload);
      if (!parsed?.success) {
        problems.push(`${where}: the payload is refused (422)`);
        break;
      }
      event = Object.assign({}, parsed.data as Record<string, unknown>, { type: step.type, receivedAt: now });
      const issues = deployed.check(snapshot, event);
      if (issues.length > 0) {
        problems.push(`${where}: the event does not fit the order (422): ${JSON.stringify(issues)}`);
        break;
      }
    } else {
      fired = armed.find((d) => d.name === step.deadline);
      if (!fired) {
        problems.push(`${where}: the order arms no ${step.deadline}`);
        break;
      }
      const now = Math.max(fired.dueAt, before);
      const due = armed.filter((d) => d.dueAt <= now);
      if (due.length !== 1) problems.push(`${where}: ${due.length} deadlines fall due at once`);
      stepTimes.push(now);
      event = { type: fired.event, dueAt: fired.dueAt, receivedAt: now } as EventObject;
    }
    if (!snapshot.can(event)) {
      problems.push(`${where}: the order does not take it (409)`);
      break;
    }
    const now = stepTimes.at(-1)!;
    if (now - MODEL_EPOCH !== step.sinceCreationMs) problems.push(`${where}: taken ${now - MODEL_EPOCH} ms after creation, the path says ${step.sinceCreationMs}`);
    [snapshot] = transition(deployed.machine, snapshot, event);
    if (!silentSteps?.includes(step.type)) recorded = now;
    armed = deployed.armedDeadlines(snapshot).filter((d) => !(fired && d.name === fired.name && d.dueAt === fired.dueAt));
    compare(where, now, step);
  }
  return problems;
}
