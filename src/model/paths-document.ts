import type { MachineVersion } from '../engine/hosted-machine.ts';
import { expectedView, modelOf, shortestGraphPaths, transitionGraphPaths, type GraphPath, type GraphStep, type ModelPath, type PathStep } from './paths.ts';

function toPathStep(version: MachineVersion, { event, state }: GraphStep): PathStep {
  const expect = expectedView(version, state);
  const deadline = Object.entries(version.deadlines).find(([, type]) => type === event.type)?.[0];
  if (deadline) return { kind: 'timer', type: event.type, deadline, advanceClockTo: 'deadline', expect };
  const { type, receivedAt: _stamp, ...payload } = event as { type: string; receivedAt?: number } & Record<string, unknown>;
  return { kind: 'event', type, payload, expect };
}

function exportPaths(version: MachineVersion, kind: ModelPath['kind'], graphPaths: GraphPath[]): ModelPath[] {
  const counters = new Map<string, number>();
  return graphPaths.map(({ variant, steps }) => {
    const n = (counters.get(variant.name) ?? 0) + 1;
    counters.set(variant.name, n);
    return { id: `${kind}/${variant.name}/${n}`, variant: variant.name, kind, steps: steps.map((s) => toPathStep(version, s)) };
  });
}

/** The paths document served by `GET /machines/{id}/paths` and written by `npx aftersales paths`. */
export function pathsDocument(machineId: string, version: MachineVersion) {
  const shortest = exportPaths(version, 'shortest', shortestGraphPaths(version));
  const transition = exportPaths(version, 'transition', transitionGraphPaths(version));
  return {
    machine: { id: machineId, version: version.version },
    howToReplay: [
      'For each path: create the order of its variant (POST /orders with variant.order and a fresh id) in a deployment with variant.policy.',
      'Then take each step in turn: for kind "event", POST /orders/{id}/events with { type, payload }; for kind "timer", move your clock to the due time of the named deadline (GET /orders/{id} lists it in deadlines[]) and let the service fire it.',
      'After each step, GET /orders/{id} and compare it with expect: state, status, outcome, money, deadlines[].name, claim, cancellation.outcome and resolution.escalated.',
    ],
    variants: modelOf(version).variants.map((v) => ({ name: v.name, description: v.description, order: v.order, policy: v.policy })),
    counts: { shortest: shortest.length, transition: transition.length },
    paths: [...shortest, ...transition],
  };
}

export type PathsDocument = ReturnType<typeof pathsDocument>;
