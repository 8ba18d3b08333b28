import { initialTransition, transition, type AnyMachineSnapshot, type EventObject } from 'xstate';
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import type { MachineModel, MachineVersion, ModelVariant } from '../engine/hosted-machine.ts';
import { statePath } from '../engine/snapshots.ts';

/** Where the graph's clock starts: the graph never reads a real clock. */
export const MODEL_EPOCH = Date.parse('2026-03-02T01:00:00Z');

/** A deadline the instance view shows after a step (`deadlines[]`): its due time, relative to the step that armed it. */
export interface ExpectedDeadline {
  name: string;
  /** The step that armed it: 0 is the creation, n the n-th step. */
  armedAtStep: number;
  /** Its due time, in ms after that step was taken. */
  dueAfterMs: number;
}

/** What the model predicts after a step: `expect` (read from the view by the model) and the armed deadlines with their due times. */
export interface Expectation { expect: unknown; expectDeadlines: ExpectedDeadline[] }

/**
 * One step of a path: a client event to send, or a deadline to let fall due; `sinceCreationMs`
 * is when the path takes it (a replay moves its clock there first), `expect` the model's prediction.
 */
export type PathStep = Expectation &
  (
    | { kind: 'event'; type: string; payload: Record<string, unknown>; sinceCreationMs: number }
    | { kind: 'timer'; type: string; deadline: string; advanceClockTo: 'deadline'; sinceCreationMs: number }
  );

/** A generated path: create `order` (under `variant`'s deployment policy), check `start`, then take each step. */
export interface ModelPath {
  id: string;
  variant: string;
  kind: 'shortest' | 'transition';
  start: Expectation;
  steps: PathStep[];
}

/**
 * A path in the model's graph: the new instance's snapshot (created at `MODEL_EPOCH`), then each
 * event with the snapshot it leads to; each event's `receivedAt` is when the path takes it.
 */
export interface GraphPath { variant: ModelVariant; start: AnyMachineSnapshot; steps: GraphStep[] }
export interface GraphStep { event: EventObject; state: AnyMachineSnapshot }

/** The version's model; throws when the version has none. */
export function modelOf(version: MachineVersion): MachineModel {
  if (!version.model) throw new Error(`version ${version.version} has no model`);
  return version.model;
}

/** What the model predicts an instance view shows for a snapshot: the view as the host builds it, read by `model.expect`. */
export function expectedView(version: MachineVersion, snapshot: AnyMachineSnapshot): unknown {
  const accepted = version.acceptedEvents(snapshot, MODEL_EPOCH);
  const view = { state: statePath(snapshot.value), status: snapshot.status === 'done' ? 'closed' : 'open', ...version.view(snapshot, version.armedDeadlines(snapshot), accepted) };
  return modelOf(version).expect(view);
}

/** The traversal options of `xstate/graph` for one variant. */
export function traversal(version: MachineVersion, variant: ModelVariant) {
  const model = modelOf(version);
  return {
    input: model.input(variant, MODEL_EPOCH),
    events: (s: AnyMachineSnapshot) => model.events(s),
    serializeState: (s: AnyMachineSnapshot) => `${variant.name}|${model.key(s)}`,
    serializeEvent: (e: EventObject) => model.label(e),
    ...(variant.stopWhen ? { stopWhen: variant.stopWhen } : {}),
  };
}

/** How long after the previous step a path sends each client event (a replay moves its clock as much). */
export const STEP_GAP_MS = 60_000;

/**
 * The time a replay takes a step at, after the previous step at `before`: a client event one
 * minute later; a timer when it falls due (`dueAt`), or at once if that has passed.
 */
function stampOf(event: EventObject, before: number): number {
  const { dueAt } = event as { dueAt?: number };
  return dueAt === undefined ? before + STEP_GAP_MS : Math.max(dueAt, before);
}

/**
 * Turns a path of the abstract graph (event classes) into a concrete one: each event is rebuilt
 * from the instance as it stands after the previous one, stamped with the time a replay sends it
 * at (so the path holds on a clock that only moves forward: see `stampOf`), and applied with the
 * machine's own pure `transition()`. Throws when a step lands in another abstract state than the
 * graph says: the abstraction would then hide behaviour.
 */
function realize(version: MachineVersion, variant: ModelVariant, abstract: GraphStep[]): GraphPath {
  const model = modelOf(version);
  const [start] = initialTransition(version.machine, model.input(variant, MODEL_EPOCH));
  let here: AnyMachineSnapshot = start;
  let at = MODEL_EPOCH;
  const steps = abstract.map((step, i) => {
    const label = model.label(step.event);
    const offered = model.events(here).find((e) => model.label(e) === label);
    if (!offered) throw new Error(`model path of ${variant.name}: step ${i + 1} (${label}) is not offered in ${model.key(here)}`);
    at = stampOf(offered, at);
    const event = { ...offered, receivedAt: at };
    const [next] = transition(version.machine, here, event);
    if (model.key(next) !== model.key(step.state)) {
      throw new Error(`model path of ${variant.name}: step ${i + 1} (${label}) leads to ${model.key(next)}, the graph says ${model.key(step.state)}`);
    }
    here = next;
    return { event, state: next };
  });
  return { variant, start, steps };
}

/** The model's graph for one variant: every abstract state and, from each, every offered event. */
export function modelGraph(version: MachineVersion, variant: ModelVariant) {
  return getAdjacencyMap(version.machine, traversal(version, variant) as never) as Record<
    string,
    { state: AnyMachineSnapshot; transitions: Record<string, { event: EventObject; state: AnyMachineSnapshot }> }
  >;
}

/** Shortest paths from a new instance to every abstract state, per variant (xstate/graph `getShortestPaths`). */
export function shortestGraphPaths(version: MachineVersion): GraphPath[] {
  return modelOf(version).variants.flatMap((variant) =>
    getShortestPaths(version.machine, traversal(version, variant) as never).map((p) => realize(version, variant, (p.steps as unknown as GraphStep[]).slice(1))),
  );
}

/**
 * Paths that together take every edge of the graph (every event offered in every abstract state):
 * the shortest path to the first edge not yet taken, extended greedily with edges not yet taken.
 */
export function transitionGraphPaths(version: MachineVersion): GraphPath[] {
  const paths: GraphPath[] = [];
  const model = modelOf(version);
  for (const variant of model.variants) {
    const { serializeState } = traversal(version, variant);
    const adjacency = modelGraph(version, variant);
    const shortest = new Map(
      getShortestPaths(version.machine, traversal(version, variant) as never).map((p) => [serializeState(p.state as AnyMachineSnapshot), (p.steps as unknown as GraphStep[]).slice(1)]),
    );
    const start = Object.keys(adjacency)[0]!;
    const taken = new Set<string>();
    const edgeId = (from: string, event: string) => `${from}→${event}`;
    const take = (from: string, steps: GraphStep[]): GraphStep[] => {
      let here = from;
      for (;;) {
        const next = Object.entries(adjacency[here]?.transitions ?? {}).find(([e]) => !taken.has(edgeId(here, e)));
        if (!next) return steps;
        const [event, { state, event: ev }] = next;
        taken.add(edgeId(here, event));
        steps.push({ event: ev, state });
        here = serializeState(state);
      }
    };
    for (const [from, { transitions }] of Object.entries(adjacency)) {
      for (const event of Object.keys(transitions)) {
        if (taken.has(edgeId(from, event))) continue;
        const prefix = shortest.get(from) ?? [];
        let here = start;
        for (const step of prefix) {
          taken.add(edgeId(here, model.label(step.event)));
          here = serializeState(step.state);
        }
        paths.push(realize(version, variant, take(here, [...prefix])));
      }
    }
  }
  return paths;
}
