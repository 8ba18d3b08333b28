import type { AnyMachineSnapshot, AnyStateMachine, AnyStateNode } from 'xstate';
import { getStateNodes } from 'xstate/graph';
import type { GraphPath } from './paths.ts';

/** A transition of the machine: its source state node, its event, and its place among that event's candidates. */
const transitionId = (source: AnyStateNode, eventType: string, index: number) => `${source.id} ${eventType}#${index}`;

/** Every state node (history pseudo-states left out: they are reached through the transitions that target them). */
export function allStateNodes(machine: AnyStateMachine): string[] {
  return [machine.root, ...getStateNodes(machine.root)].filter((n) => n.type !== 'history').map((n) => n.id).sort();
}

/** Every transition the machine declares, from `stateNode.transitions` of every node. */
export function allTransitions(machine: AnyStateMachine): string[] {
  return [machine.root, ...getStateNodes(machine.root)]
    .flatMap((node) => [...node.transitions.entries()].flatMap(([eventType, defs]) => defs.map((_, i) => transitionId(node, eventType, i))))
    .sort();
}

export interface Coverage {
  stateNodes: { total: number; covered: number; missing: string[] };
  transitions: { total: number; covered: number; missing: string[] };
}

/** Which state nodes the paths visit (transient ones included) and which transitions they take (as the machine selects them, guards evaluated). */
export function coverageOf(machine: AnyStateMachine, paths: GraphPath[]): Coverage {
  const visited = new Set<string>();
  const taken = new Set<string>();
  const visit = (s: AnyMachineSnapshot) => s._nodes.forEach((n) => visited.add(n.id));
  for (const path of paths) {
    let before = path.start;
    visit(before);
    for (const { event, state } of path.steps) {
      for (const t of machine.getTransitionData(before as never, event as never)) {
        const index = t.source.transitions.get(t.eventType)?.indexOf(t) ?? -1;
        taken.add(transitionId(t.source, t.eventType, index));
        // A transient state (one left at once by an eventless transition) is visited by the transition into it.
        t.target?.forEach((n) => visited.add(n.id));
      }
      visit(state);
      before = state;
    }
  }
  const nodes = allStateNodes(machine);
  const transitions = allTransitions(machine);
  return {
    stateNodes: { total: nodes.length, covered: nodes.filter((n) => visited.has(n)).length, missing: nodes.filter((n) => !visited.has(n)) },
    transitions: { total: transitions.length, covered: transitions.filter((t) => taken.has(t)).length, missing: transitions.filter((t) => !taken.has(t)) },
  };
}
