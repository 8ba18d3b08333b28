import { createHash } from 'node:crypto';
import { transition, type AnyMachineSnapshot, type EventObject } from 'xstate';
import { z } from 'zod';
import { canonicalJson } from '../engine/hash.ts';
import type { MachineVersion } from '../engine/hosted-machine.ts';
import { modelGraph, MODEL_EPOCH } from './paths.ts';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any', reused: 'inline' });

/** A snapshot as the fingerprint sees it: what is stored, what it arms, shows and accepts, and what it refuses with a reason. */
function behaviourOf(version: MachineVersion, snapshot: AnyMachineSnapshot) {
  const armed = version.armedDeadlines(snapshot);
  const now = Math.max(MODEL_EPOCH, ...armed.map((d) => d.dueAt));
  const accepted = version.acceptedEvents(snapshot, now);
  const refusals = Object.keys(version.eventSchemas).map((type) => [type, version.refusal(snapshot, { type, receivedAt: now } as EventObject)]);
  return {
    status: snapshot.status,
    value: snapshot.value,
    context: snapshot.context,
    armed,
    view: version.view(snapshot, armed, accepted),
    accepted,
    refusals,
  };
}

/** The effects one event asks for, each with its notification and, if e-mailed, the e-mail. */
function effectsOf(version: MachineVersion, event: EventObject, snapshot: AnyMachineSnapshot, next: AnyMachineSnapshot) {
  const [, actions] = transition(version.machine, snapshot, event);
  return actions
    .filter((a) => Object.hasOwn(version.effects, a.type))
    .map((a) => {
      const effect = version.effects[a.type]!;
      const params = (a.params ?? {}) as Record<string, unknown>;
      const to = effect.email?.to(params, next.context) ?? null;
      const email = effect.email && to ? effect.email.render({ kind: effect.kind, orderId: 'fingerprint', to, params, context: next.context, at: MODEL_EPOCH }) : null;
      return { action: a.type, params, kind: effect.kind, email };
    });
}

/**
 * The definition of one version as data: its statechart (`machine.root.definition`), schemas,
 * deadline table and effect kinds, and its behaviour on every edge of its model's graph (every
 * representative event in every abstract state: the next snapshot, what it arms, its view, the
 * events it accepts and the reasons it gives, the effects with their e-mails, the checks of the
 * event against the order). A change of any of these is a change of the version.
 */
export function describeVersion(version: MachineVersion) {
  const behaviour = (version.model?.variants ?? []).map((variant) => {
    const graph = modelGraph(version, variant);
    return Object.entries(graph).map(([key, { state, transitions }]) => ({
      key,
      state: behaviourOf(version, state),
      edges: Object.entries(transitions).map(([label, { event, state: next }]) => ({
        label,
        event,
        checks: version.check(state, event),
        next: behaviourOf(version, next),
        effects: effectsOf(version, event, state, next),
      })),
    }));
  });
  return {
    version: version.version,
    statechart: JSON.parse(JSON.stringify(version.machine.root.definition)) as unknown,
    createSchema: schema(version.createSchema),
    eventSchemas: Object.fromEntries(Object.entries(version.eventSchemas).map(([type, s]) => [type, schema(s)])),
    viewSchema: schema(version.viewSchema),
    deadlines: version.deadlines,
    effects: Object.fromEntries(Object.entries(version.effects).map(([action, e]) => [action, { kind: e.kind, emailed: e.email !== undefined }])),
    creation: version.model?.variants.map((v) => version.creationRecord(v.order)) ?? [],
    behaviour,
  };
}

/** The fingerprint of a version: sha256 of its description, as each version commits it. */
export function fingerprintOf(version: MachineVersion): string {
  return `sha256:${createHash('sha256').update(canonicalJson(describeVersion(version))).digest('hex')}`;
}
