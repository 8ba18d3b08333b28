import type { HostedMachine, MachineVersion } from '../engine/hosted-machine.ts';
import { machineGraph, type StateDef, type TransitionDef } from './machine-graph.ts';
import { migrationMap, type MigrationMapEntry } from './migration-map.ts';

/** A transition as compared between versions: where it is declared, its event, guard and targets. */
export interface TransitionRef { source: string; event: string; guard: string | null; targets: string[] }

export interface Renamed { from: string; to: string }

/** What version `to` changes of version `from`: states, events, transitions and deadlines, and the migration map between them. */
export interface VersionChanges {
  from: number;
  to: number;
  /** Dotted paths. A state is renamed when the migration takes all its orders to one state that is new. */
  states: { added: string[]; removed: string[]; renamed: Renamed[] };
  /** Client and timer events. An event is renamed when the new one has exactly the old one's transitions. */
  events: { added: string[]; removed: string[]; renamed: Renamed[] };
  /** Transitions compared after the renames: `removed` in the older version's names, `added` in the newer's. */
  transitions: { added: TransitionRef[]; removed: TransitionRef[] };
  deadlines: { added: string[]; removed: string[] };
  migration: MigrationMapEntry[];
}

function* nodes(state: StateDef): Generator<StateDef> {
  if (state.path) yield state;
  for (const child of state.states) yield* nodes(child);
}

const transitionsOf = (root: StateDef): TransitionRef[] =>
  [...nodes(root), root].flatMap((s) => s.transitions.map((t: TransitionDef) => ({ source: s.path, event: t.event, guard: t.guard, targets: t.targets })));

const eventsOf = (version: MachineVersion) => [...Object.keys(version.eventSchemas), ...Object.values(version.deadlines)];
const minus = <T>(a: readonly T[], b: readonly T[]) => a.filter((x) => !b.includes(x));
const keyOf = (t: TransitionRef) => `${t.source}|${t.event}|${t.guard ?? ''}|${t.targets.join(',')}`;

/**
 * The path a node of the older version has in the newer one, when it was renamed: the common
 * prefix, at the node's depth, of the states its orders migrate to, if that prefix is a new state.
 */
function renamedTo(path: string, map: readonly MigrationMapEntry[], added: readonly string[]): string | undefined {
  const depth = path.split('.').length;
  const images = map.filter((m) => m.from === path || m.from.startsWith(`${path}.`)).flatMap((m) => m.to.map((t) => t.split('.').slice(0, depth).join('.')));
  const unique = [...new Set(images)];
  return unique.length === 1 && added.includes(unique[0]!) ? unique[0] : undefined;
}

/** Compares two versions of a hosted machine (`to` later than `from`). */
export function versionChanges(hosted: HostedMachine, from: MachineVersion, to: MachineVersion, map = migrationMap(hosted, from, to)): VersionChanges {
  const before = machineGraph(hosted.id, from).root;
  const after = machineGraph(hosted.id, to).root;
  const beforeStates = [...nodes(before)].map((s) => s.path);
  const afterStates = [...nodes(after)].map((s) => s.path);
  const added = minus(afterStates, beforeStates);
  const removed = minus(beforeStates, afterStates);
  const found = removed.flatMap((path) => {
    const target = renamedTo(path, map, added);
    return target ? [{ from: path, to: target }] : [];
  });
  // A state inside a renamed state is renamed with it, not on its own.
  const implied = (r: Renamed) => found.some((p) => r.from.startsWith(`${p.from}.`) && r.to === `${p.to}${r.from.slice(p.from.length)}`);
  const stateRenames = found.filter((r) => !implied(r));
  // Renames of the deepest prefix win: `a.b.c` renamed inside `a.b` renamed.
  const renameState = (path: string) => {
    for (let parts = path.split('.'); parts.length > 0; parts = parts.slice(0, -1)) {
      const hit = stateRenames.find((r) => r.from === parts.join('.'));
      if (hit) return [hit.to, ...path.split('.').slice(parts.length)].join('.');
    }
    return path;
  };

  // Removed paths that live on under a new name (the renamed states and everything inside them).
  const movedAway = removed.filter((path) => renameState(path) !== path && afterStates.includes(renameState(path)));

  const oldEvents = eventsOf(from);
  const newEvents = eventsOf(to);
  const oldTransitions = transitionsOf(before).map((t) => ({ ...t, source: renameState(t.source), targets: t.targets.map(renameState) }));
  const newTransitions = transitionsOf(after);
  const signature = (list: TransitionRef[], event: string) =>
    list.filter((t) => t.event === event).map((t) => `${t.source}>${t.targets.join(',')}|${t.guard ?? ''}`).sort().join(';');
  const eventRenames: Renamed[] = [];
  for (const gone of minus(oldEvents, newEvents)) {
    const sig = signature(oldTransitions, gone);
    const match = minus(newEvents, oldEvents).find((e) => sig && !eventRenames.some((r) => r.to === e) && signature(newTransitions, e) === sig);
    if (match) eventRenames.push({ from: gone, to: match });
  }
  const renameEvent = (event: string) => eventRenames.find((r) => r.from === event)?.to ?? event;
  const mapped = oldTransitions.map((t) => ({ ...t, event: renameEvent(t.event) }));
  const newKeys = new Set(newTransitions.map(keyOf));
  const oldKeys = new Set(mapped.map(keyOf));
  const original = transitionsOf(before);

  return {
    from: from.version,
    to: to.version,
    states: { added: minus(added, movedAway.map(renameState)), removed: minus(removed, movedAway), renamed: stateRenames },
    events: {
      added: minus(minus(newEvents, oldEvents), eventRenames.map((r) => r.to)),
      removed: minus(minus(oldEvents, newEvents), eventRenames.map((r) => r.from)),
      renamed: eventRenames,
    },
    transitions: { added: newTransitions.filter((t) => !oldKeys.has(keyOf(t))), removed: original.filter((_, i) => !newKeys.has(keyOf(mapped[i]!))) },
    deadlines: { added: minus(Object.keys(to.deadlines), Object.keys(from.deadlines)), removed: minus(Object.keys(from.deadlines), Object.keys(to.deadlines)) },
    migration: map,
  };
}
