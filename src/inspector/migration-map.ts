import type { AnyMachineSnapshot } from 'xstate';
import type { HostedMachine, MachineVersion, PersistedSnapshot } from '../engine/hosted-machine.ts';
import { migrateSnapshot } from '../engine/migrate-snapshot.ts';
import { persist, statePath } from '../engine/snapshots.ts';
import { hasState } from '../engine/version-census.ts';
import { modelGraph } from '../model/paths.ts';
import { stateValueOf } from './xstate-inspection.ts';

/** Where the orders in one state of the older version land in the newer one. */
export interface MigrationMapEntry {
  /** A leaf state of the older version (as the `state` column stores it). */
  from: string;
  /** The states of the newer version its orders migrate to: one, or several when the migration reads the order. */
  to: string[];
  /**
   * `model`: found by migrating every instance the version's model reaches in that state;
   * `state`: the model does not reach it (or there is none), so an instance made up from the state alone was migrated.
   */
  by: 'model' | 'state';
  /** Set when an instance of that state does not migrate (the migration throws, or lands in a state the newer version lacks). */
  failure?: string;
}

/** The leaf states of a version: where an order can stand. */
export function leafStates(version: MachineVersion): string[] {
  const out: string[] = [];
  const visit = (node: MachineVersion['machine']['root']) => {
    const children = Object.values(node.states);
    if (children.length === 0 && node.type !== 'history' && node.path.length > 0) out.push(node.path.join('.'));
    children.forEach(visit);
  };
  visit(version.machine.root);
  return out;
}

/**
 * The migration from `from` to `to` (consecutive, or any later version: the migrations are chained)
 * as a map from state to states, read from the migration itself: each instance the older version's
 * model reaches is migrated, and each state the model does not reach is migrated as an instance
 * made up from the state and the context of a reached one.
 */
export function migrationMap(hosted: HostedMachine, from: MachineVersion, to: MachineVersion): MigrationMapEntry[] {
  const found = new Map<string, { to: Set<string>; failure?: string; by: 'model' | 'state' }>();
  const migrate = (stored: PersistedSnapshot, by: 'model' | 'state') => {
    const state = statePath(stored.value);
    const entry = found.get(state) ?? { to: new Set<string>(), by };
    found.set(state, entry);
    try {
      const target = statePath(migrateSnapshot(hosted, stored, to).value);
      if (hasState(to, target)) entry.to.add(target);
      else entry.failure ??= `migrates to ${target}, which version ${to.version} does not have`;
    } catch (error) {
      entry.failure ??= error instanceof Error ? error.message : String(error);
    }
  };
  let context: unknown = {};
  for (const variant of from.model?.variants ?? []) {
    for (const { state } of Object.values(modelGraph(from, variant))) {
      const snapshot = state as AnyMachineSnapshot;
      context = snapshot.context;
      migrate(persist(hosted, from, snapshot), 'model');
    }
  }
  for (const state of leafStates(from)) {
    if (found.has(state)) continue;
    // Only a final state at the top ends the instance.
    const done = !state.includes('.') && from.machine.getStateNodeById(`${from.machine.root.id}.${state}`).type === 'final';
    migrate({ machine: { id: hosted.id, version: from.version }, status: done ? 'done' : 'active', value: stateValueOf(state), historyValue: {}, context }, 'state');
  }
  return leafStates(from).map((state) => {
    const entry = found.get(state)!;
    return { from: state, to: [...entry.to].sort(), by: entry.by, ...(entry.failure ? { failure: entry.failure } : {}) };
  });
}
