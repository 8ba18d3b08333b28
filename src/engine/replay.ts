import { initialTransition, transition } from 'xstate';
import type { CreateOrderInput, DeadlinePolicy, OrderEvent, OrderMachine, OrderSnapshot } from '../../machines/order/index.ts';
import type { HistoryEntry } from '../store/store.ts';

/** The creation row's payload: the client's order, and the deployment defaults it was created under. */
export interface CreationPayload extends CreateOrderInput { policyDefaults?: Partial<DeadlinePolicy> }

/**
 * Rebuilds an order's snapshot from its history alone: the creation input, then every event with
 * the time the engine stamped on it. The stored snapshot must equal the result (DOMAIN.md invariant).
 */
export function replayHistory(machine: OrderMachine, history: readonly HistoryEntry[]): OrderSnapshot {
  const [first, ...rest] = history;
  if (!first || first.type !== 'ORDER_CREATED') throw new Error('history does not start with ORDER_CREATED');
  let [snapshot] = initialTransition(machine, { ...(first.payload as CreationPayload), createdAt: first.at });
  for (const entry of rest) {
    const event = (entry.source === 'timer'
      ? { type: entry.type, dueAt: entry.dueAt, receivedAt: entry.at }
      : { ...(entry.payload as object), type: entry.type, receivedAt: entry.at }) as OrderEvent;
    [snapshot] = transition(machine, snapshot, event);
  }
  return snapshot;
}
