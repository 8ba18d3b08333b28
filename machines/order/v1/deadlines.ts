import type { AnyMachineSnapshot, StateValue } from 'xstate';
import { deadlineEvents, type DeadlineName, type OrderContext } from './context.ts';
import type { StateMeta } from './meta.ts';

/** The dotted path of the active leaf state, e.g. `inTransit.shipping.customsHold`. */
export function statePath(value: StateValue): string {
  if (typeof value === 'string') return value;
  // Stryker disable next-line ArrayDeclaration,StringLiteral: equivalent: a state value object always has one entry (its active child), so the fallback is never used
  const [key, child] = Object.entries(value)[0] ?? ['', ''];
  // Stryker disable next-line ConditionalExpression: equivalent: the child is never undefined (see above), and a child that is a string has keys (its characters) unless empty, which no state name is
  return child === undefined || (typeof child === 'object' && Object.keys(child).length === 0) ? key : `${key}.${statePath(child as StateValue)}`;
}

/** The metadata of every active state node, outermost first. */
export function activeMeta(snapshot: AnyMachineSnapshot): StateMeta[] {
  return snapshot._nodes.map((n) => n.meta as StateMeta | undefined).filter((m): m is StateMeta => m !== undefined);
}

export interface ArmedDeadline { name: DeadlineName; dueAt: number; event: (typeof deadlineEvents)[DeadlineName] }

/**
 * The deadlines the current state arms: those its state nodes name in `meta.deadlines` that have
 * a due time in context. A missed resolution deadline stays visible on the order but is not armed
 * again once it escalated.
 */
export function armedDeadlines(snapshot: AnyMachineSnapshot): ArmedDeadline[] {
  // Stryker disable next-line ConditionalExpression: equivalent: the final states (refunded, completed) name no deadlines, so a final order arms none either way
  if (snapshot.status !== 'active') return [];
  const context = snapshot.context as OrderContext;
  // Stryker disable next-line ArrayDeclaration: equivalent: a name with no due time in context is skipped, so an invented name arms nothing
  const names = new Set(activeMeta(snapshot).flatMap((m) => m.deadlines ?? []));
  const armed: ArmedDeadline[] = [];
  for (const name of names) {
    const dueAt = context.deadlines[name];
    if (dueAt === undefined) continue;
    if (name === 'resolutionDueAt' && context.escalatedAt !== null) continue;
    armed.push({ name, dueAt, event: deadlineEvents[name] });
  }
  return armed.sort((a, b) => a.dueAt - b.dueAt);
}
