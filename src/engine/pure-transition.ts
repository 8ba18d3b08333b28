import { createActor, type AnyMachineSnapshot } from 'xstate';
import type { OrderEvent, OrderMachine, OrderSnapshot } from '../../machines/order/index.ts';

/** An action the machine asked for: its name and resolved params (effects become outbox rows). */
export interface RequestedAction { type: string; params?: unknown }

/**
 * XState's pure `transition()` with one actor scope reused for every call. `transition()` builds a
 * throwaway actor, and with it the machine's initial snapshot, on each call; the machine's own
 * `transition(snapshot, event, scope)` with a kept scope skips that. Like `transition()`, it runs
 * no action: it collects them. Safe to reuse because a transition runs synchronously to the end.
 */
export function createPureTransition(machine: OrderMachine) {
  const self = createActor(machine, { input: undefined });
  let collected: RequestedAction[] = [];
  const scope = {
    self,
    id: '',
    sessionId: '',
    system: self.system,
    defer: () => {},
    logger: () => {},
    stopChild: () => {},
    emit: () => {},
    actionExecutor: (action: RequestedAction) => {
      collected.push(action);
    },
  };
  return (snapshot: OrderSnapshot, event: OrderEvent): [OrderSnapshot, RequestedAction[]] => {
    collected = [];
    const next = machine.transition(snapshot as AnyMachineSnapshot as OrderSnapshot, event, scope as never);
    return [next, collected];
  };
}
