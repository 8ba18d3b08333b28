import type { AnyEventObject, StateValue } from 'xstate';
import type { CommittedChange } from '../engine/engine.ts';
import type { HostedMachine } from '../engine/hosted-machine.ts';

/** The slice of an `@statelyai/inspect` inspector this uses (e.g. `createWebSocketInspector({ url })`). */
export interface InspectorLike {
  actor(actor: object | string, snapshot?: { status?: string; value?: unknown; context?: unknown }, info?: { definition?: string }): void;
  event(actor: object | string, event: AnyEventObject, info?: { source?: string }): void;
  snapshot(actor: object | string, snapshot: { status?: string; value?: unknown; context?: unknown; output?: unknown }, info?: { event?: AnyEventObject }): void;
}

export interface XStateInspectionOptions {
  inspector: InspectorLike;
  /** The hosted machine: each order is announced with the definition of the version it is at. */
  machine: HostedMachine;
  /** How many order ids to remember as announced; past that the oldest may be announced again. */
  maxAnnounced?: number;
}

/** `inTransit.shipping.onTheWay` → `{ inTransit: { shipping: 'onTheWay' } }`. */
export function stateValueOf(path: string): StateValue {
  const parts = path.split('.');
  return parts.reduceRight<StateValue>((inner, key) => ({ [key]: inner }), parts.pop() as string);
}

/** Where the sweeper's events come from, as a session id other inspectors can show. */
export const TIMER_SOURCE = 'aftersales.timer-sweeper';

/**
 * Speaks XState's inspection protocol for orders that live in the database: each order is an
 * actor (session id = order id), announced once with `@xstate.actor` (carrying the machine
 * definition), then each commit is an `@xstate.event` followed by an `@xstate.snapshot`.
 * The creation is reported as XState reports a start: the event `xstate.init` with the input.
 * Use the returned function as the engine's `onCommit`.
 */
export function xstateInspection({ inspector, machine, maxAnnounced = 10_000 }: XStateInspectionOptions) {
  const announced = new Set<string>();
  return (change: CommittedChange) => {
    const logic = machine.versions.find((v) => v.version === change.machineVersion)?.machine;
    const actorRef = { sessionId: change.orderId, id: change.orderId, logic };
    if (!announced.has(change.orderId)) {
      if (announced.size >= maxAnnounced) announced.delete(announced.values().next().value as string);
      announced.add(change.orderId);
      // The state the order was in before this commit: what a live actor would have reported at start.
      inspector.actor(actorRef, change.fromState === null ? { status: 'active', value: stateValueOf(change.toState), context: change.snapshot.context } : { status: 'active', value: stateValueOf(change.fromState) });
    }
    const event: AnyEventObject = change.event.type === 'ORDER_CREATED' ? { type: 'xstate.init' } : { ...change.event };
    inspector.event(actorRef, event, change.source === 'timer' ? { source: TIMER_SOURCE } : {});
    const s = change.snapshot;
    inspector.snapshot(actorRef, { status: s.status, value: s.value, context: s.context, ...(s.output === undefined ? {} : { output: s.output }) }, { event });
  };
}
