import type { HostedMachine, MachineVersion, PersistedSnapshot } from './hosted-machine.ts';
import { statePath, UnrestorableSnapshotError, versionOf } from './snapshots.ts';

/** The history row a migration appends; its payload names the versions (`{ from, to }`). */
export const MACHINE_MIGRATED = 'MACHINE_MIGRATED';

/**
 * A stored snapshot taken through the migrations from its version to `target` (default: the
 * newest), one version at a time, each result stamped with the machine and the version it is now.
 * Throws `UnrestorableSnapshotError` when the snapshot's version is unknown or a migration is missing.
 */
export function migrateSnapshot(hosted: HostedMachine, stored: PersistedSnapshot, target: MachineVersion = hosted.versions.at(-1)!): PersistedSnapshot {
  let current = stored;
  for (let version = versionOf(hosted, stored); version.version < target.version; ) {
    const step = hosted.migrations.find((m) => m.from === version.version);
    const next = step && hosted.versions.find((v) => v.version === step.to);
    if (!step || !next || next.version !== version.version + 1) {
      const found = { machine: hosted.id, version: version.version, state: statePath(current.value) };
      throw new UnrestorableSnapshotError(found, `no migration from version ${version.version} to ${version.version + 1}`);
    }
    current = { ...step.migrate(current), machine: { id: hosted.id, version: next.version } };
    version = next;
  }
  return current;
}
