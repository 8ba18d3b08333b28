import { initialTransition, transition, type AnyMachineSnapshot, type EventObject } from 'xstate';
import type { HistoryEntry } from '../store/records.ts';
import type { HostedMachine, MachineVersion } from './hosted-machine.ts';
import { MACHINE_MIGRATED, migrateSnapshot } from './migrate-snapshot.ts';
import { persist, restore } from './snapshots.ts';

/** The machine event a history row records: the client's payload, or the timer's due time, stamped as the engine did. */
export function eventOf(entry: HistoryEntry): EventObject {
  if (entry.source === 'timer') return { type: entry.type, dueAt: entry.dueAt, receivedAt: entry.at } as EventObject;
  return { ...(entry.payload as object), type: entry.type, receivedAt: entry.at } as EventObject;
}

/**
 * Rebuilds an order's snapshot from its history alone: the creation record, then every event with
 * the time the engine stamped on it, each on the machine version the row says it was applied
 * with; a `MACHINE_MIGRATED` row runs the migration it records. The stored snapshot must equal
 * the result (DOMAIN.md invariant).
 */
export function replayHistory(hosted: HostedMachine, history: readonly HistoryEntry[]): { version: MachineVersion; snapshot: AnyMachineSnapshot } {
  const [first, ...rest] = history;
  if (!first || first.type !== 'ORDER_CREATED') throw new Error('history does not start with ORDER_CREATED');
  const versionAt = (entry: HistoryEntry) => {
    const found = hosted.versions.find((v) => v.version === entry.machineVersion);
    if (!found) throw new Error(`history #${entry.seq} (${entry.type}) was applied with ${hosted.id}@${entry.machineVersion}, which this code does not have`);
    return found;
  };
  let version = versionAt(first);
  let [snapshot] = initialTransition(version.machine, { ...(first.payload as object), createdAt: first.at });
  for (const entry of rest) {
    if (entry.type === MACHINE_MIGRATED) {
      const to = versionAt(entry);
      snapshot = restore(to, migrateSnapshot(hosted, persist(hosted, version, snapshot), to));
      version = to;
      continue;
    }
    if (entry.machineVersion !== version.version) throw new Error(`history #${entry.seq} (${entry.type}) ran on version ${entry.machineVersion}, but no migration to it was recorded`);
    [snapshot] = transition(version.machine, snapshot, eventOf(entry));
  }
  return { version, snapshot };
}
