import type { AnyMachineSnapshot } from 'xstate';
import type { MachineVersion, ModelVariant } from '../engine/hosted-machine.ts';
import { MODEL_EPOCH, STEP_GAP_MS, expectedView, modelOf, shortestGraphPaths, transitionGraphPaths, type ExpectedDeadline, type GraphPath, type ModelPath, type PathStep } from './paths.ts';
import { replayableVariant } from './paths-variants.ts';

/**
 * The deadlines a snapshot arms, each with its due time relative to the step that armed it: the
 * earliest step since which it has been armed with that due time. `armedSince` carries that step
 * (and its time) per deadline from one step to the next.
 */
function expectDeadlines(version: MachineVersion, snapshot: AnyMachineSnapshot, step: number, at: number, armedSince: Map<string, { dueAt: number; step: number; at: number }>): ExpectedDeadline[] {
  const armed = version.armedDeadlines(snapshot);
  for (const name of [...armedSince.keys()]) if (!armed.some((d) => d.name === name)) armedSince.delete(name);
  return armed.map(({ name, dueAt }) => {
    let since = armedSince.get(name);
    if (since?.dueAt !== dueAt) armedSince.set(name, (since = { dueAt, step, at }));
    return { name, armedAtStep: since.step, dueAfterMs: dueAt - since.at };
  });
}

function exportPath(version: MachineVersion, id: string, kind: ModelPath['kind'], { variant, start, steps }: GraphPath): ModelPath {
  const armedSince = new Map<string, { dueAt: number; step: number; at: number }>();
  const expectation = (snapshot: AnyMachineSnapshot, step: number, at: number) => ({
    expect: expectedView(version, snapshot),
    expectDeadlines: expectDeadlines(version, snapshot, step, at, armedSince),
  });
  return {
    id,
    variant: variant.name,
    kind,
    start: expectation(start, 0, MODEL_EPOCH),
    steps: steps.map(({ event, state }, i): PathStep => {
      const { type, receivedAt, ...payload } = event as { type: string; receivedAt: number } & Record<string, unknown>;
      const sinceCreationMs = receivedAt - MODEL_EPOCH;
      const expected = expectation(state, i + 1, receivedAt);
      const deadline = Object.entries(version.deadlines).find(([, timer]) => timer === type)?.[0];
      if (deadline) return { kind: 'timer', type, deadline, advanceClockTo: 'deadline', sinceCreationMs, ...expected };
      return { kind: 'event', type, payload, sinceCreationMs, ...expected };
    }),
  };
}

function exportPaths(version: MachineVersion, kind: ModelPath['kind'], graphPaths: GraphPath[]): ModelPath[] {
  const counters = new Map<string, number>();
  return graphPaths.map((path) => {
    const n = (counters.get(path.variant.name) ?? 0) + 1;
    counters.set(path.variant.name, n);
    return exportPath(version, `${kind}/${path.variant.name}/${n}`, kind, path);
  });
}

const howToReplay = [
  'Each path starts with a new order of its variant. In a sandbox (`npx aftersales sandbox`): POST /sandbox/runs with the variant\'s sandboxRun as the body, and use the run\'s base for the path; elsewhere, a deployment with the variant\'s deployment.environment.',
  'Create the order: POST /orders with variant.order, a fresh id, and each field of variant.timesAfterCreation set to the creation time plus that many ms (ISO 8601). Check start.',
  'Then take each step in turn, first moving the clock to the creation time plus step.sinceCreationMs (POST /sandbox/clock {"advanceTo"}): for kind "event", POST /orders/{id}/events with { type, payload } (the move must fire nothing); for kind "timer", the move fires the named deadline (and nothing else).',
  `After creation and after each step, GET /orders/{id} and compare it with expect (state, status, outcome, money, deadlines[].name, claim, cancellation.outcome, resolution.escalated) and each deadlines[i].dueAt with expectDeadlines[i]: the time of step armedAtStep (0: the creation) plus dueAfterMs.`,
  `Client events are ${STEP_GAP_MS / 1000} s apart. Due times counted in working days also depend on the calendar around the step: they hold for an order created at createdAt (a sandbox run started there), on the service's holiday calendar.`,
];

/** The paths document served by `GET /machines/{id}/paths` and written by `npx aftersales paths`. */
export function pathsDocument(machineId: string, version: MachineVersion) {
  const shortest = exportPaths(version, 'shortest', shortestGraphPaths(version));
  const transition = exportPaths(version, 'transition', transitionGraphPaths(version));
  return {
    machine: { id: machineId, version: version.version },
    createdAt: new Date(MODEL_EPOCH).toISOString(),
    howToReplay,
    variants: modelOf(version).variants.map((v: ModelVariant) => replayableVariant(v, MODEL_EPOCH, version.version)),
    counts: { shortest: shortest.length, transition: transition.length },
    paths: [...shortest, ...transition],
  };
}

export type PathsDocument = ReturnType<typeof pathsDocument>;
