import type { AnyMachineSnapshot, AnyStateMachine, StateValue } from 'xstate';
import type { HostedMachine, MachineVersion, PersistedSnapshot } from './hosted-machine.ts';

/** A stored snapshot that this code cannot restore: a version it does not have, or a state its version lacks. */
export class UnrestorableSnapshotError extends Error {
  override name = 'UnrestorableSnapshotError';
  constructor(
    readonly found: { machine: string; version: number; state: string },
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${found.machine}@${found.version} in ${found.state}: ${reason}`, options);
  }
}

/** The dotted path of the active leaf state, e.g. `inTransit.shipping.customsHold`. */
export function statePath(value: StateValue): string {
  if (typeof value === 'string') return value;
  const [key, child] = Object.entries(value)[0] ?? ['', {}];
  return child === undefined || (typeof child === 'object' && Object.keys(child).length === 0) ? key : `${key}.${statePath(child as StateValue)}`;
}

/** The version a stored snapshot is pinned to; throws `UnrestorableSnapshotError` when this code does not have it. */
export function versionOf(hosted: HostedMachine, stored: PersistedSnapshot): MachineVersion {
  const { id, version } = stored.machine;
  const found = id === hosted.id ? hosted.versions.find((v) => v.version === version) : undefined;
  if (found) return found;
  const newest = hosted.versions.at(-1)?.version ?? 0;
  const reason =
    id !== hosted.id
      ? `the snapshot belongs to machine ${id}, this service hosts ${hosted.id}`
      : version > newest
        ? `version ${version} is newer than this code (it has ${hosted.id} up to version ${newest}): a newer release wrote it`
        : `version ${version} is no longer in this code (it has ${hosted.versions.map((v) => v.version).join(', ')})`;
  throw new UnrestorableSnapshotError({ machine: id, version, state: statePath(stored.value) }, reason);
}

/** A snapshot as stored: `getPersistedSnapshot()`'s parts, stamped with the machine id and version. */
export function persist(hosted: HostedMachine, version: MachineVersion, snapshot: AnyMachineSnapshot): PersistedSnapshot {
  const machine = { id: hosted.id, version: version.version };
  // `getPersistedSnapshot` walks the whole context for actor references to replace; only a snapshot
  // with children can hold any (the host's machines have none: no actor lives between events).
  if (Object.keys(snapshot.children).length === 0) {
    return { machine, status: snapshot.status, value: snapshot.value, historyValue: historyIds(snapshot.historyValue), context: snapshot.context };
  }
  const p = version.machine.getPersistedSnapshot(snapshot) as unknown as Omit<PersistedSnapshot, 'machine'>;
  return { machine, status: p.status, value: p.value, historyValue: p.historyValue ?? {}, context: p.context };
}

/** History-state values as XState persists them: each remembered state node by its id. */
function historyIds(historyValue: Record<string, readonly { id: string }[]> | undefined): PersistedSnapshot['historyValue'] {
  const ids: Record<string, { id: string }[]> = {};
  for (const key in historyValue) ids[key] = historyValue[key]!.map((node) => ({ id: node.id }));
  return ids;
}

/**
 * What `resolveState` derives from a state value alone, by machine and stored value: the active state
 * nodes, the normalised value, the tags and whether the state is final. Computing them walks the
 * machine's state nodes (sets, maps and arrays: about 9 KB and 2.5 of 4.3 µs per restore, measured
 * with bench/engine-steps.ts); a machine has few distinct values. Snapshots restored from one share
 * them: XState never changes a snapshot's `_nodes`, `value` or `tags` in place (a transition builds
 * new ones).
 */
const structures = new WeakMap<AnyStateMachine, Map<string, AnyMachineSnapshot>>();
/** More distinct values than a machine has states; the cache starts over beyond (parallel states could multiply them). */
const MAX_STRUCTURES = 1000;

function structureOf(machine: AnyStateMachine, value: StateValue): AnyMachineSnapshot {
  let byValue = structures.get(machine);
  if (!byValue) structures.set(machine, (byValue = new Map()));
  const key = JSON.stringify(value);
  let structure = byValue.get(key);
  if (!structure) {
    structure = machine.resolveState({ value, context: {}, status: 'active', historyValue: {} } as never) as AnyMachineSnapshot;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent: the cache's bound; cleared or not, a structure is computed again to the same one (only memory and time differ)
    if (byValue.size >= MAX_STRUCTURES) byValue.clear();
    byValue.set(key, structure);
  }
  return structure;
}

/**
 * Restores a stored snapshot on the version it is pinned to: what `machine.resolveState` answers for
 * it, with the state's structure computed once per distinct value (`structureOf`). `resolveState`
 * does not revive history-state references (it keeps `{ id }` objects, and the next transition into
 * a history state then throws), so they are resolved here. A state the version lacks throws
 * `UnrestorableSnapshotError`.
 */
export function restore(version: MachineVersion, stored: PersistedSnapshot): AnyMachineSnapshot {
  const { machine } = version;
  try {
    const historyValue: Record<string, unknown[]> = {};
    for (const key in stored.historyValue) historyValue[key] = stored.historyValue[key]!.map((n) => machine.getStateNodeById(n.id));
    const structure = structureOf(machine, stored.value);
    // As `resolveState` sets them: a final state is done whatever was stored; no children, no output.
    const status = structure.status === 'done' ? 'done' : stored.status || 'active';
    return { ...structure, status, context: stored.context, children: {}, historyValue } as AnyMachineSnapshot;
  } catch (error) {
    const state = statePath(stored.value);
    const reason = `version ${version.version} cannot restore it: ${error instanceof Error ? error.message : String(error)}`;
    throw new UnrestorableSnapshotError({ machine: stored.machine.id, version: stored.machine.version, state }, reason, { cause: error });
  }
}
