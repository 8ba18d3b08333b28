import type { AnyMachineSnapshot, StateValue } from 'xstate';
import { deadlineEvents, type DeadlineName, type OrderContext } from './context.ts';
import { MACHINE_ID, MACHINE_VERSION, type OrderMachine } from './machine.ts';
import type { StateMeta } from './meta.ts';

/** A snapshot as stored: what `getPersistedSnapshot()` returns, plus the machine it belongs to. */
export interface PersistedOrder {
  machine: { id: string; version: number };
  status: string;
  value: StateValue;
  historyValue: Record<string, { id: string }[]>;
  context: OrderContext;
}

export type OrderSnapshot = ReturnType<OrderMachine['resolveState']>;

/** Migrations from each older machine version to the next; empty while only version 1 exists. */
export const migrations: Record<number, (old: PersistedOrder) => PersistedOrder> = {};

export class UnknownMachineVersionError extends Error {
  constructor(readonly found: { id: string; version: number }) {
    super(`stored snapshot of machine ${found.id}@${found.version} cannot be migrated to ${MACHINE_ID}@${MACHINE_VERSION}`);
  }
}

export function persist(machine: OrderMachine, snapshot: AnyMachineSnapshot): PersistedOrder {
  const p = machine.getPersistedSnapshot(snapshot) as unknown as Omit<PersistedOrder, 'machine'>;
  return { machine: { id: MACHINE_ID, version: MACHINE_VERSION }, status: p.status, value: p.value, historyValue: p.historyValue ?? {}, context: p.context };
}

/**
 * Restores a stored snapshot, migrating it first when it was written by an older version.
 * `resolveState` does not revive history-state references (it keeps `{ id }` objects, and the
 * next transition into a history state then throws), so they are resolved here.
 * Throws synchronously when the stored state no longer exists.
 */
export function restore(machine: OrderMachine, stored: PersistedOrder): OrderSnapshot {
  let current = stored;
  while (current.machine.version < MACHINE_VERSION) {
    const step = migrations[current.machine.version];
    if (!step || current.machine.id !== MACHINE_ID) throw new UnknownMachineVersionError(current.machine);
    current = step(current);
  }
  if (current.machine.version !== MACHINE_VERSION || current.machine.id !== MACHINE_ID) throw new UnknownMachineVersionError(current.machine);
  const historyValue = Object.fromEntries(
    Object.entries(current.historyValue ?? {}).map(([key, nodes]) => [key, nodes.map((n) => machine.getStateNodeById(n.id))]),
  );
  return machine.resolveState({ value: current.value, context: current.context, status: current.status as 'active', historyValue } as never);
}

/** The dotted path of the active leaf state, e.g. `inTransit.shipping.customsHold`. */
export function statePath(value: StateValue): string {
  if (typeof value === 'string') return value;
  const [key, child] = Object.entries(value)[0] ?? ['', ''];
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
