import type { AnyMachineSnapshot, StateValue } from 'xstate';
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
 * Restores a stored snapshot on the version it is pinned to. `resolveState` does not revive
 * history-state references (it keeps `{ id }` objects, and the next transition into a history
 * state then throws), so they are resolved here. A state the version lacks throws
 * `UnrestorableSnapshotError`.
 */
export function restore(version: MachineVersion, stored: PersistedSnapshot): AnyMachineSnapshot {
  const { machine } = version;
  try {
    const historyValue = Object.fromEntries(
      Object.entries(stored.historyValue ?? {}).map(([key, nodes]) => [key, nodes.map((n) => machine.getStateNodeById(n.id))]),
    );
    return machine.resolveState({ value: stored.value, context: stored.context, status: stored.status as 'active', historyValue } as never);
  } catch (error) {
    const state = statePath(stored.value);
    const reason = `version ${version.version} cannot restore it: ${error instanceof Error ? error.message : String(error)}`;
    throw new UnrestorableSnapshotError({ machine: stored.machine.id, version: stored.machine.version, state }, reason, { cause: error });
  }
}
