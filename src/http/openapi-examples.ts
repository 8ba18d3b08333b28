import { initialTransition, type AnyMachineSnapshot, type EventObject } from 'xstate';
import { currentVersion, type HostedMachine } from '../engine/hosted-machine.ts';
import { boundedView } from '../engine/bounded-view.ts';
import { instanceView, type OrderView } from '../engine/instance-view.ts';
import { createPureTransition } from '../engine/pure-transition.ts';
import { statePath } from '../engine/snapshots.ts';

/** The examples of the OpenAPI document's order operations. */
export interface OrderExamples {
  createBody: Record<string, unknown>;
  created: OrderView;
  events: { type: string; payload: Record<string, unknown> }[];
  applied: OrderView;
}

const createdAt = Date.parse('2026-03-02T01:00:00.000Z');

/**
 * Examples computed by the machine itself, as the engine would answer them: the first variant of the
 * version's model created, then sent the first client event it takes. Undefined without a model.
 * Pure and quick (two transitions); `redocly lint` checks each example against its schema.
 */
export function orderExamples(hosted: HostedMachine): OrderExamples | undefined {
  const version = currentVersion(hosted);
  const variant = version.model?.variants[0];
  if (!version.model || !variant) return undefined;
  const [snapshot] = initialTransition(version.machine, { ...version.creationRecord(variant.order), createdAt });
  const viewOf = (s: AnyMachineSnapshot, seq: number, at: number): OrderView =>
    boundedView(instanceView(
      { id: variant.order.id, version: seq, state: statePath(s.value), snapshot: { machine: { id: hosted.id, version: version.version } }, createdAt, updatedAt: at } as Parameters<typeof instanceView>[0],
      version,
      s,
      version.armedDeadlines(s),
      version.acceptedEvents(s, at),
    ), hosted.viewLists);
  const offered = version.model
    .events(snapshot)
    .filter((e) => Object.hasOwn(version.eventSchemas, e.type))
    .map(({ type, receivedAt, ...payload }: EventObject & { receivedAt?: number }) => ({ type, payload, receivedAt: receivedAt ?? createdAt }));
  const first = offered[0];
  if (!first) return undefined;
  const [next] = createPureTransition(version.machine)(snapshot, { ...first.payload, type: first.type, receivedAt: first.receivedAt } as EventObject);
  return {
    createBody: variant.order,
    created: viewOf(snapshot, 1, createdAt),
    events: offered.map(({ type, payload }) => ({ type, payload })),
    applied: viewOf(next, 2, first.receivedAt),
  };
}
