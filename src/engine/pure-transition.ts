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
  // Stryker disable next-line ObjectLiteral: equivalent: `{}` leaves `input` undefined as `{ input: undefined }` does (XState's defaultOptions have no input), and this actor is never started
  const self = createActor(machine, { input: undefined });
  // Stryker disable next-line ArrayDeclaration: equivalent: every call sets `collected = []` before its transition, and only a transition calls `actionExecutor`, so this first list is never read
  let collected: RequestedAction[] = [];
  const scope = {
    self,
    // Stryker disable next-line StringLiteral: equivalent: XState's transition does not read the scope's `id` (5.33.3, dist/: only the development build's console warning for an actor type to spawn that the machine lacks prints it; no hosted machine spawns)
    id: '',
    // Stryker disable next-line StringLiteral: equivalent: XState's transition does not read the scope's `sessionId` (5.33.3, dist/: the scheduler keys a delayed event by its source actor's `sessionId`, never the scope's)
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
