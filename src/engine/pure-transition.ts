import { createActor, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';

/** An action the machine asked for: its name and resolved params (effects become outbox rows). */
export interface RequestedAction { type: string; params?: unknown }

/**
 * XState's pure `transition()` with one actor scope reused for every call. `transition()` builds a
 * throwaway actor, and with it the machine's initial snapshot, on each call; the machine's own
 * `transition(snapshot, event, scope)` with a kept scope skips that. Like `transition()`, it runs
 * no action: it collects them. Safe to reuse because a transition runs synchronously to the end.
 */
export function createPureTransition(machine: AnyStateMachine) {
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
  return (snapshot: AnyMachineSnapshot, event: EventObject): [AnyMachineSnapshot, RequestedAction[]] => {
    collected = [];
    const next = machine.transition(snapshot, event, scope as never) as AnyMachineSnapshot;
    return [next, collected];
  };
}
