import { transition, type AnyMachineSnapshot, type EventObject } from 'xstate';
import type { HostedMachine, MachineVersion } from '../../src/engine/hosted-machine.ts';
import { migrateSnapshot } from '../../src/engine/migrate-snapshot.ts';
import { persist, restore, statePath } from '../../src/engine/snapshots.ts';
import { MODEL_EPOCH, modelGraph, modelOf } from '../../src/model/paths.ts';

/** What the proof did for one pair of versions, with counts to assert and every failure in words. */
export interface ProofReport {
  from: number;
  to: number;
  /** Abstract states of version `from`'s model graph, per variant. */
  states: Record<string, number>;
  /** Of those, restored by version `to` with the same amounts, deadlines and events. */
  proven: number;
  /** Client events taken by migrated orders (each accepted event, once per state). */
  eventsTaken: number;
  failures: string[];
}

/** `expected` shown by `actual`: every key of an object, every element of an array, every value equal (a newer version may show more). */
function shows(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => shows(actual[i], e));
  if (expected && typeof expected === 'object') {
    return !!actual && typeof actual === 'object' && Object.entries(expected).every(([k, v]) => shows((actual as Record<string, unknown>)[k], v));
  }
  return Object.is(actual, expected);
}

const viewOf = (version: MachineVersion, snapshot: AnyMachineSnapshot) => ({
  state: statePath(snapshot.value),
  status: snapshot.status === 'done' ? 'closed' : 'open',
  ...version.view(snapshot, version.armedDeadlines(snapshot), version.acceptedEvents(snapshot, MODEL_EPOCH)),
});

/** One migrated snapshot against version `to`: restored, amounts kept, deadlines from `to`'s table, events as `to` accepts them. */
function check(hosted: HostedMachine, from: MachineVersion, to: MachineVersion, before: AnyMachineSnapshot): { problems: string[]; taken: number } {
  let after: AnyMachineSnapshot;
  try {
    after = restore(to, migrateSnapshot(hosted, persist(hosted, from, before), to));
  } catch (error) {
    return { problems: [`does not restore: ${error instanceof Error ? error.message : String(error)}`], taken: 0 };
  }
  const problems: string[] = [];
  if (after.status !== before.status) problems.push(`status ${before.status} became ${after.status}`);
  const kept = modelOf(from).preserved(viewOf(from, before));
  const shown = modelOf(to).preserved(viewOf(to, after));
  if (!shows(shown, kept)) problems.push(`amounts changed: ${JSON.stringify(kept)} became ${JSON.stringify(shown)}`);
  for (const d of to.armedDeadlines(after)) {
    if (to.deadlines[d.name] !== d.event) problems.push(`arms ${d.name} (${d.event}), which version ${to.version}'s deadline table does not have`);
  }
  const offered = modelOf(to).events(after).filter((e: EventObject) => Object.hasOwn(to.eventSchemas, e.type));
  const now = Math.max(MODEL_EPOCH, ...offered.map((e) => (e as { receivedAt?: number }).receivedAt ?? 0));
  const accepted = [...to.acceptedEvents(after, now)].sort();
  const taken = [...new Set(offered.filter((e) => after.can(e) && transition(to.machine, after, e)[0].status !== 'error').map((e) => e.type))].sort();
  if (JSON.stringify(accepted) !== JSON.stringify(taken)) problems.push(`accepts [${accepted.join(', ')}] but takes [${taken.join(', ')}]`);
  return { problems, taken: taken.length };
}

/**
 * The migration proof for one pair of consecutive versions, from the old version's graph: every
 * abstract state its model reaches (every variant) migrates to a snapshot the new version restores,
 * with the same money, claims and owed amounts, deadlines the new version arms from its own table,
 * and then takes exactly the client events the new version says it accepts.
 */
export function proveMigration(hosted: HostedMachine, from: MachineVersion, to: MachineVersion): ProofReport {
  const report: ProofReport = { from: from.version, to: to.version, states: {}, proven: 0, eventsTaken: 0, failures: [] };
  for (const variant of modelOf(from).variants) {
    const graph = modelGraph(from, variant);
    report.states[variant.name] = Object.keys(graph).length;
    for (const [key, { state }] of Object.entries(graph)) {
      const { problems, taken } = check(hosted, from, to, state);
      if (problems.length === 0) report.proven += 1;
      report.eventsTaken += taken;
      report.failures.push(...problems.map((p) => `${from.version}→${to.version} ${key}: ${p}`));
    }
  }
  return report;
}

/** The proof for every pair of consecutive versions of a hosted machine. */
export const proveEveryMigration = (hosted: HostedMachine) =>
  hosted.versions.slice(1).map((to, i) => proveMigration(hosted, hosted.versions[i]!, to));
