import type { AnyMachineSnapshot, StateValue } from 'xstate';
import { deadlineEvents, type DeadlineName, type OrderContext } from './context.ts';
import type { StateMeta } from './meta.ts';

/** The dotted path of the active leaf state, e.g. `inTransit.shipping.customsHold`. */
export function statePath(value: StateValue): string {
  if (typeof value === 'string') return value;
  // Stryker disable next-line LogicalOperator,ArrayDeclaration,StringLiteral: equivalent: XState never gives an empty state value, so the fallback is never taken
  const [key, child] = Object.entries(value)[0] ?? ['', ''];
  return child === undefined || (typeof child === 'object' && Object.keys(child).length === 0) ? key : `${key}.${statePath(child as StateValue)}`;
}

/** The metadata of every active state node, outermost first. */
export function activeMeta(snapshot: AnyMachineSnapshot): StateMeta[] {
  // Stryker disable next-line MethodExpression,ConditionalExpression: equivalent: every state node of this version has meta but the history nodes, which are never active
  return snapshot._nodes.map((n) => n.meta as StateMeta | undefined).filter((m): m is StateMeta => m !== undefined);
}

export interface ArmedDeadline { name: DeadlineName; dueAt: number; event: (typeof deadlineEvents)[DeadlineName] }

/**
 * The deadlines the current state arms: those its state nodes name in `meta.deadlines` that have
 * a due time in context. A missed resolution deadline stays visible on the order but is not armed
 * again once it escalated.
 */
export function armedDeadlines(snapshot: AnyMachineSnapshot): ArmedDeadline[] {
  // Stryker disable next-line ConditionalExpression: equivalent: the final states name no deadline, and the root's (supplierRefundRemindAt) has no due time once nothing is owed, which both final states require
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
