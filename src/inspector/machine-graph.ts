import type { AnyStateNode } from 'xstate';
import type { MachineVersion } from '../engine/hosted-machine.ts';

/**
 * What a state node may declare in `meta` and the graph shows: the conventions of hosted machines
 * (the order machine's `StateMeta` is one).
 */
interface DrawnMeta {
  description?: string;
  waitsOn?: string;
  deadlines?: string[];
  noDeadlineReason?: string;
  problem?: { code: string; rule: string; title: string };
}

/** One transition as drawn: `event [guard]` from `source` to `targets` (none: the state stays, actions only). */
export interface TransitionDef {
  event: string;
  guard: string | null;
  /** Dotted state paths, as in `order.state`; empty for a transition that only runs actions. */
  targets: string[];
  actions: string[];
  /** Fired by the service from a deadline (`TIMER.*`); clients cannot send it. */
  timer: boolean;
}

/** One state node, nested as in the machine. `path` is the dotted path orders report (`inTransit.shipping.customsHold`). */
export interface StateDef {
  path: string;
  key: string;
  type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  /** Path of the initial child, for compound states. */
  initial: string | null;
  description: string | null;
  waitsOn: string | null;
  /** Deadlines the state arms, each with the timer event it fires. */
  deadlines: { name: string; event: string }[];
  problem: { code: string; rule: string; title: string } | null;
  noDeadlineReason: string | null;
  /** Transitions declared on this node (its children inherit them). */
  transitions: TransitionDef[];
  states: StateDef[];
}

/** The machine as data: what the inspector draws and `aftersales diagram` writes. */
export interface MachineGraph {
  id: string;
  version: number;
  root: StateDef;
  clientEvents: string[];
  timerEvents: string[];
}

/** `order.inTransit.shipping` → `inTransit.shipping`; the root is the empty path. */
const pathOf = (node: AnyStateNode) => node.path.join('.');

function guardName(guard: unknown): string | null {
  if (!guard) return null;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && 'type' in guard && typeof guard.type === 'string') return guard.type;
  if (typeof guard === 'function') return guard.name || 'guard';
  return 'guard';
}

function actionName(action: unknown): string {
  if (typeof action === 'string') return action;
  if (action && typeof action === 'object' && 'type' in action && typeof action.type === 'string') return action.type;
  if (typeof action === 'function') return action.name || 'action';
  return 'action';
}

function stateDef(node: AnyStateNode, deadlines: Readonly<Record<string, string>>): StateDef {
  const meta = (node.meta ?? {}) as DrawnMeta;
  const timerEvents = new Set(Object.values(deadlines));
  const transitions: TransitionDef[] = [];
  for (const [event, list] of node.transitions) {
    for (const t of list) {
      transitions.push({
        event,
        guard: guardName(t.guard),
        targets: (t.target ?? []).map(pathOf),
        actions: t.actions.map(actionName),
        timer: timerEvents.has(event),
      });
    }
  }
  return {
    path: pathOf(node),
    key: node.key,
    type: node.type,
    initial: node.type === 'compound' ? (node.initial.target[0] ? pathOf(node.initial.target[0]) : null) : null,
    description: meta.description ?? null,
    waitsOn: meta.waitsOn ?? null,
    deadlines: (meta.deadlines ?? []).map((name) => ({ name, event: deadlines[name] ?? name })),
    problem: meta.problem ? { code: meta.problem.code, rule: meta.problem.rule, title: meta.problem.title } : null,
    noDeadlineReason: meta.noDeadlineReason ?? null,
    transitions,
    states: Object.values(node.states).map((child) => stateDef(child, deadlines)),
  };
}

/** Derives the drawable graph from the machine's own definition, so the diagram cannot drift from the code. */
export function machineGraph(machineId: string, version: MachineVersion): MachineGraph {
  return {
    id: machineId,
    version: version.version,
    root: stateDef(version.machine.root, version.deadlines),
    clientEvents: Object.keys(version.eventSchemas),
    timerEvents: Object.values(version.deadlines),
  };
}
