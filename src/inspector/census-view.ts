import type { HostedMachine, MachineVersion } from '../engine/hosted-machine.ts';
import type { VersionCount } from '../store/migration-store.ts';
import type { MigrationMapEntry } from './migration-map.ts';

export interface StateCount { state: string; count: number }

/** Where the stored orders of each version stand, and where the migration to the newest would put them. */
export interface CensusView {
  machine: string;
  newest: number;
  total: number;
  /** Every version that has orders, and every version this code has; `known: false` for a version it lacks. */
  versions: { version: number; known: boolean; total: number; states: StateCount[] }[];
  /**
   * The orders once every older one is migrated to the newest version, from the migration maps:
   * exact for a state whose orders all migrate to one state; the others are listed as `uncertain`
   * (`aftersales migrate --dry-run` reads each order) or `unmigratable`.
   */
  afterMigration: {
    version: number;
    states: (StateCount & { from: { version: number; state: string; count: number }[] })[];
    uncertain: { version: number; state: string; count: number; to: string[] }[];
    unmigratable: { version: number; state: string; count: number; reason: string }[];
  };
}

const byState = (a: { state: string }, b: { state: string }) => (a.state < b.state ? -1 : a.state > b.state ? 1 : 0);

/** The census of a store as the operator reads it; `mapOf(from, to)` gives the migration map of consecutive versions. */
export function censusView(hosted: HostedMachine, census: readonly VersionCount[], mapOf: (from: MachineVersion, to: MachineVersion) => MigrationMapEntry[]): CensusView {
  const newest = hosted.versions.at(-1)!;
  const numbers = [...new Set([...hosted.versions.map((v) => v.version), ...census.map((c) => c.machineVersion)])].sort((a, b) => a - b);
  const versions = numbers.map((version) => {
    const states = census.filter((c) => c.machineVersion === version).map((c) => ({ state: c.state, count: c.count })).sort(byState);
    return { version, known: hosted.versions.some((v) => v.version === version), total: states.reduce((n, s) => n + s.count, 0), states };
  });
  const after: CensusView['afterMigration'] = { version: newest.version, states: [], uncertain: [], unmigratable: [] };
  const land = (state: string, count: number, from?: { version: number; state: string; count: number }) => {
    let row = after.states.find((s) => s.state === state);
    if (!row) after.states.push((row = { state, count: 0, from: [] }));
    row.count += count;
    if (from) row.from.push(from);
  };
  for (const group of census) {
    const { machineVersion: version, state, count } = group;
    if (version === newest.version) {
      land(state, count);
      continue;
    }
    const start = hosted.versions.findIndex((v) => v.version === version);
    if (start < 0) {
      after.unmigratable.push({ version, state, count, reason: version > newest.version ? `version ${version} is newer than this code` : `version ${version} is no longer in this code` });
      continue;
    }
    let here = [state];
    let failure: string | undefined;
    for (let i = start; i < hosted.versions.length - 1 && !failure; i++) {
      const map = mapOf(hosted.versions[i]!, hosted.versions[i + 1]!);
      const next = new Set<string>();
      for (const s of here) {
        const entry = map.find((m) => m.from === s);
        if (!entry || entry.to.length === 0) failure = entry?.failure ?? `version ${hosted.versions[i]!.version} has no state ${s}`;
        else entry.to.forEach((t) => next.add(t));
      }
      here = [...next];
    }
    if (failure) after.unmigratable.push({ version, state, count, reason: failure });
    else if (here.length === 1) land(here[0]!, count, { version, state, count });
    else after.uncertain.push({ version, state, count, to: here.sort() });
  }
  after.states.sort(byState);
  return { machine: hosted.id, newest: newest.version, total: versions.reduce((n, v) => n + v.total, 0), versions, afterMigration: after };
}
