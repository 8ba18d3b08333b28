import type { MigrationStore, VersionCount } from '../store/migration-store.ts';
import type { HostedMachine, MachineVersion } from './hosted-machine.ts';

/** Orders of one machine version and state that this code cannot restore, and why. */
export interface UnrestorableGroup extends VersionCount { reason: string }

/** Stored orders as this code sees them: current, pinned to an older version, or unrestorable. */
export interface CensusReport {
  /** The version new orders are created on. */
  newest: number;
  total: number;
  /** Orders per machine version. */
  byVersion: Record<number, number>;
  /** Orders on older versions this code has (migratable, or served pinned with `MACHINE_MIGRATION=manual`). */
  older: number;
  /** Orders of a version newer than this code (written by a newer release). */
  newer: number;
  /** Every group this code cannot serve: an unknown version, or a state its version lacks. */
  unrestorable: UnrestorableGroup[];
}

/** Whether `version` has a state at this dotted path (the `state` column). */
export function hasState(version: MachineVersion, path: string): boolean {
  try {
    version.machine.getStateNodeById(`${version.machine.root.id}.${path}`);
    return true;
  } catch {
    return false;
  }
}

/** Classifies the store's counts per version and state against the versions this code has. */
export function classifyCensus(hosted: HostedMachine, census: readonly VersionCount[]): CensusReport {
  const newest = hosted.versions.at(-1)!.version;
  const report: CensusReport = { newest, total: 0, byVersion: {}, older: 0, newer: 0, unrestorable: [] };
  for (const group of census) {
    report.total += group.count;
    report.byVersion[group.machineVersion] = (report.byVersion[group.machineVersion] ?? 0) + group.count;
    const version = hosted.versions.find((v) => v.version === group.machineVersion);
    if (!version) {
      const newer = group.machineVersion > newest;
      if (newer) report.newer += group.count;
      const reason = newer
        ? `version ${group.machineVersion} is newer than this code (it has ${hosted.id} up to version ${newest}): a newer release wrote it`
        : `version ${group.machineVersion} is no longer in this code`;
      report.unrestorable.push({ ...group, reason });
      continue;
    }
    if (!hasState(version, group.state)) {
      report.unrestorable.push({ ...group, reason: `version ${version.version} has no state ${group.state}` });
      continue;
    }
    if (version.version < newest) report.older += group.count;
  }
  return report;
}

/** How many stored orders this code cannot restore. */
export const unrestorableCount = (report: CensusReport) => report.unrestorable.reduce((n, g) => n + g.count, 0);

/**
 * The census of a store, classified, taken again only when the last one is older than `ttlMs`:
 * for `/healthz`, which must stay cheap however often it is polled.
 */
export function cachedCensus({ store, machine, clock, ttlMs = 30_000 }: { store: Pick<MigrationStore, 'versionCensus'>; machine: HostedMachine; clock: { now(): number }; ttlMs?: number }) {
  let last: { at: number; report: Promise<CensusReport> } | undefined;
  return () => {
    const now = clock.now();
    if (!last || now - last.at >= ttlMs) {
      const report = store.versionCensus().then((census) => classifyCensus(machine, census));
      // A failed census is not kept: the next call asks again.
      report.catch(() => (last = undefined));
      last = { at: now, report };
    }
    return last.report;
  };
}
