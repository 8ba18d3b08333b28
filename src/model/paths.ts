import { initialTransition, transition, type AnyMachineSnapshot, type StateValue } from 'xstate';
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import {
  armedDeadlines,
  deadlineEvents,
  MACHINE_ID,
  MACHINE_VERSION,
  refundable,
  refundedTotal,
  statePath,
  type DeadlineName,
  type OrderContext,
  type OrderEvent,
  type OrderMachine,
} from '../../machines/order/index.ts';
import { eventLabel, modelEvents, modelInput, modelKey, modelMachine, modelVariants, type ModelVariant } from './order-model.ts';

/** What an order looks like after a step, in the terms of the order view (`GET /orders/{id}`). */
export interface ExpectedOrder {
  state: string;
  status: 'open' | 'closed';
  outcome: string | null;
  money: { paid: number; refunded: number; refundable: number; pendingRefund: number };
  /** Names of the armed deadlines, earliest first (the view's `deadlines[].name`). */
  deadlines: DeadlineName[];
  claim: { kind: string; verification: string | null; resolution: string | null } | null;
  cancellation: string | null;
  /** The view's `resolution.escalated`, or null when it shows no resolution deadline. */
  escalated: boolean | null;
}

/** One step of a path: a client event to send, or a deadline to let fall due. */
export type PathStep =
  | { kind: 'event'; type: string; payload: Record<string, unknown>; expect: ExpectedOrder }
  | { kind: 'timer'; type: string; deadline: DeadlineName; advanceClockTo: 'deadline'; expect: ExpectedOrder };

/** A generated path: create `order` (under `variant`'s deployment policy), then take each step. */
export interface ModelPath {
  id: string;
  variant: string;
  kind: 'shortest' | 'transition';
  steps: PathStep[];
}

/** A path in the model's graph: the new order's snapshot, then each event with the snapshot it leads to. */
export interface GraphPath { variant: ModelVariant; start: AnyMachineSnapshot; steps: GraphStep[] }
export interface GraphStep { event: OrderEvent; state: AnyMachineSnapshot }

export function expectedOrder(snapshot: AnyMachineSnapshot): ExpectedOrder {
  const c = snapshot.context as OrderContext;
  const approved = c.claim?.verification === 'approved' && c.deadlines.resolutionDueAt !== undefined;
  return {
    state: statePath(snapshot.value as StateValue),
    status: snapshot.status === 'done' ? 'closed' : 'open',
    outcome: c.outcome,
    money: { paid: c.paid, refunded: refundedTotal(c), refundable: refundable(c), pendingRefund: c.refundRequest?.amount ?? 0 },
    deadlines: armedDeadlines(snapshot).map((d) => d.name),
    claim: c.claim && { kind: c.claim.kind, verification: c.claim.verification, resolution: c.claim.resolution },
    cancellation: c.cancellation?.outcome ?? null,
    escalated: approved ? c.escalatedAt !== null : null,
  };
}

const timerDeadline = Object.fromEntries(Object.entries(deadlineEvents).map(([name, type]) => [type, name])) as Record<string, DeadlineName>;

function toPathStep({ event, state }: GraphStep): PathStep {
  const expect = expectedOrder(state);
  const deadline = timerDeadline[event.type];
  if (deadline) return { kind: 'timer', type: event.type, deadline, advanceClockTo: 'deadline', expect };
  const { type, receivedAt: _stamp, ...payload } = event as OrderEvent & Record<string, unknown>;
  return { kind: 'event', type, payload, expect };
}

function traversal(variant: ModelVariant) {
  return {
    input: modelInput(variant),
    events: modelEvents,
    serializeState: (s: AnyMachineSnapshot) => `${variant.name}|${modelKey(s)}`,
    serializeEvent: (e: OrderEvent) => eventLabel(e),
    ...(variant.stopWhen ? { stopWhen: variant.stopWhen } : {}),
  };
}

/**
 * Turns a path of the abstract graph (event classes) into a concrete one: each event is rebuilt
 * from the order as it stands after the previous one and applied with the machine's own pure
 * `transition()`. Throws when a step lands in another abstract state than the graph says: the
 * abstraction would then hide behaviour.
 */
function realize(machine: OrderMachine, variant: ModelVariant, abstract: GraphStep[]): GraphPath {
  const [start] = initialTransition(machine, modelInput(variant));
  let here: AnyMachineSnapshot = start;
  const steps = abstract.map((step, i) => {
    const label = eventLabel(step.event);
    const event = modelEvents(here).find((e) => eventLabel(e) === label);
    if (!event) throw new Error(`model path of ${variant.name}: step ${i + 1} (${label}) is not offered in ${modelKey(here)}`);
    const [next] = transition(machine, here as never, event as never);
    if (modelKey(next) !== modelKey(step.state)) {
      throw new Error(`model path of ${variant.name}: step ${i + 1} (${label}) leads to ${modelKey(next)}, the graph says ${modelKey(step.state)}`);
    }
    here = next;
    return { event, state: next as AnyMachineSnapshot };
  });
  return { variant, start, steps };
}

/** The model's graph for one variant: every abstract state and, from each, every offered event. */
export function modelGraph(variant: ModelVariant, machine: OrderMachine = modelMachine()) {
  return getAdjacencyMap(machine, traversal(variant) as never) as Record<string, { state: AnyMachineSnapshot; transitions: Record<string, { event: OrderEvent; state: AnyMachineSnapshot }> }>;
}

/** Shortest paths from a new order to every abstract state, per variant (xstate/graph `getShortestPaths`). */
export function shortestGraphPaths(machine: OrderMachine = modelMachine()): GraphPath[] {
  return modelVariants.flatMap((variant) =>
    getShortestPaths(machine, traversal(variant) as never).map((p) => realize(machine, variant, (p.steps as unknown as GraphStep[]).slice(1))),
  );
}

/**
 * Paths that together take every edge of the graph (every event offered in every abstract state):
 * the shortest path to the first edge not yet taken, extended greedily with edges not yet taken.
 */
export function transitionGraphPaths(machine: OrderMachine = modelMachine()): GraphPath[] {
  const paths: GraphPath[] = [];
  for (const variant of modelVariants) {
    const { serializeState } = traversal(variant);
    const adjacency = modelGraph(variant, machine);
    const shortest = new Map(
      getShortestPaths(machine, traversal(variant) as never).map((p) => [serializeState(p.state as AnyMachineSnapshot), (p.steps as unknown as GraphStep[]).slice(1)]),
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
          taken.add(edgeId(here, eventLabel(step.event)));
          here = serializeState(step.state);
        }
        paths.push(realize(machine, variant, take(here, [...prefix])));
      }
    }
  }
  return paths;
}

function exportPaths(kind: ModelPath['kind'], graphPaths: GraphPath[]): ModelPath[] {
  const counters = new Map<string, number>();
  return graphPaths.map(({ variant, steps }) => {
    const n = (counters.get(variant.name) ?? 0) + 1;
    counters.set(variant.name, n);
    return { id: `${kind}/${variant.name}/${n}`, variant: variant.name, kind, steps: steps.map(toPathStep) };
  });
}

/** The paths document served by `GET /machines/order/paths` and written by `npx aftersales paths`. */
export function orderPathsDocument(machine: OrderMachine = modelMachine()) {
  const shortest = exportPaths('shortest', shortestGraphPaths(machine));
  const transition = exportPaths('transition', transitionGraphPaths(machine));
  return {
    machine: { id: MACHINE_ID, version: MACHINE_VERSION },
    howToReplay: [
      'For each path: create the order of its variant (POST /orders with variant.order and a fresh id) in a deployment with variant.policy.',
      'Then take each step in turn: for kind "event", POST /orders/{id}/events with { type, payload }; for kind "timer", move your clock to the due time of the named deadline (GET /orders/{id} lists it in deadlines[]) and let the service fire it.',
      'After each step, GET /orders/{id} and compare it with expect: state, status, outcome, money, deadlines[].name, claim, cancellation.outcome and resolution.escalated.',
    ],
    variants: modelVariants.map((v) => ({ name: v.name, description: v.description, order: v.order, policy: v.policy })),
    counts: { shortest: shortest.length, transition: transition.length },
    paths: [...shortest, ...transition],
  };
}

export type OrderPathsDocument = ReturnType<typeof orderPathsDocument>;
