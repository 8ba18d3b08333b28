import type { AnyMachineSnapshot, AnyStateMachine, EventObject } from 'xstate';
import type { PersistedSnapshot } from '../store/records.ts';
import type { z } from 'zod';

/**
 * The hosted-machine definition: everything the host (engine, store, workers, HTTP, inspector,
 * model) knows about a machine it serves. The host imports no machine; the wiring hands it one of
 * these. A definition is pure data and pure functions: no I/O, no clock reads.
 *
 * Conventions the host keeps for every machine:
 * - a client event is `{ ...payload, type, receivedAt }`; a timer event is `{ type, dueAt, receivedAt }`
 *   (`receivedAt`: when the engine took it, epoch ms);
 * - the machine's input is the creation record plus `createdAt` (epoch ms);
 * - a snapshot is stored as a {@link PersistedSnapshot}, which names its machine and version.
 */
export interface HostedMachine {
  /** The machine id every stored snapshot names, e.g. `order`. */
  readonly id: string;
  /** Oldest first. Instances are created on the last one; each stored instance is served on its own. */
  readonly versions: readonly MachineVersion[];
  /** Between consecutive versions, oldest first: `migrations[i]` takes `versions[i]` to `versions[i + 1]`. */
  readonly migrations: readonly Migration[];
  /**
   * The list flags clients list instances by (`GET /orders?<name>=true`), by name: yes-or-no facts
   * that each version projects from a snapshot (`MachineVersion.listFlags`). The engine stores them
   * with every commit and the store indexes them, so a list never reads snapshots.
   */
  readonly listFlags?: Readonly<Record<string, ListFlag>>;
  /**
   * The lists of the instance view that grow with the events an instance takes, by the name of the
   * sub-resource that pages through each (`GET /orders/{id}/<name>`). The view shows the most recent
   * entries of each (those `keep` picks first) and the list's total count beside it, so it stays
   * bounded however many events an instance has taken. Presentation only: no version's behaviour.
   */
  readonly viewLists?: Readonly<Record<string, ViewList>>;
}

/** A list of the instance view that the host bounds (see `HostedMachine.viewLists`). */
export interface ViewList {
  /**
   * Where the list is in the view, e.g. `['supplierRefunds', 'owed']`; `*` for each entry of a list, e.g.
   * `['claims', '*', 'evidence']` (then the sub-resource's name holds one `{param}` per `*`, the entry's
   * position: `claims/{claim}/evidence`). A version whose view has none there shows no such list.
   */
  readonly path: readonly string[];
  /** What the list holds, for the API's documentation. */
  readonly description: string;
  /** Entries the view shows before any other when the list is longer than it shows (most recent first among them). */
  keep?(entry: unknown): boolean;
}

/** A list flag as the API documents it. */
export interface ListFlag {
  /** What an instance with the flag has, for the query parameter's documentation. */
  readonly description: string;
}

/** One version of a machine: what the host needs to serve an instance pinned to it. */
export interface MachineVersion {
  readonly version: number;
  /** The XState machine (`setup(...).createMachine(...)`): no delayed events, effects as named actions. */
  readonly machine: AnyStateMachine;
  /** sha256 of this version's definition, committed: a test recomputes it, so a change without a new version fails. */
  readonly fingerprint: string;
  /** The creation body's schema; its `id` names the instance. */
  readonly createSchema: z.ZodType<{ id: string }>;
  /** What the creation history row records of a valid body (the machine's input is this plus `createdAt`). */
  creationRecord(body: { id: string }): Record<string, unknown>;
  /** Payload schemas of the events clients may send, by event type (the type is not part of the payload). */
  readonly eventSchemas: Readonly<Record<string, z.ZodType>>;
  /** The deadline table: deadline name → the timer event it fires. Clients may not send timer events. */
  readonly deadlines: Readonly<Record<string, string>>;
  /** The deadlines a snapshot arms, earliest first. The engine computes them once per event. */
  armedDeadlines(snapshot: AnyMachineSnapshot): ArmedDeadline[];
  /** What a schema alone cannot see: the event checked against the instance (paths relative to the payload). */
  check(snapshot: AnyMachineSnapshot, event: EventObject): FieldIssue[];
  /**
   * What the 409 of a refused event says: why, beyond "not now" (the reason may read the payload),
   * and the events to offer instead (the accepted ones, less any that would get around the reason).
   */
  refusal(snapshot: AnyMachineSnapshot, event: EventObject): Refusal;
  /** The client events the instance takes now, guards evaluated. */
  acceptedEvents(snapshot: AnyMachineSnapshot, receivedAt: number): string[];
  /** The machine's part of the instance view, given what the engine computed once for it: the armed deadlines and the accepted events. */
  view(snapshot: AnyMachineSnapshot, armed: readonly ArmedDeadline[], accepted: readonly string[]): Record<string, unknown>;
  /** The schema of `view`'s answer, for the OpenAPI document. */
  readonly viewSchema: z.ZodObject;
  /** The effects, by action name: the actions the host turns into outbox rows, and how each notifies. */
  readonly effects: Readonly<Record<string, EffectKind>>;
  /** The names of the machine's list flags (`HostedMachine.listFlags`) that hold for the snapshot. None when absent. */
  listFlags?(snapshot: AnyMachineSnapshot): string[];
  /** The finite model that test paths are generated from (and the migration proof walks). */
  readonly model?: MachineModel;
}

/** Takes a stored snapshot of version `from` to version `to` (`to = from + 1`). Pure. */
export interface Migration {
  readonly from: number;
  readonly to: number;
  /** The snapshot as version `to` stores it; the host stamps `machine` itself. */
  migrate(snapshot: PersistedSnapshot): PersistedSnapshot;
}

/** A snapshot as stored (defined with the store's records): `getPersistedSnapshot()`'s parts, plus its machine and version. */
export type { PersistedSnapshot } from '../store/records.ts';

/** Why an event is refused, and what the instance offers instead. */
export interface Refusal {
  /** Undefined when the offered events say enough. */
  reason?: string;
  acceptedEvents: string[];
}

/** A deadline a state arms: the host keeps a timer for it and fires `event` when it falls due. */
export interface ArmedDeadline { name: string; dueAt: number; event: string }

/** A problem with one field of an event's payload, found against the instance it is sent to. */
export interface FieldIssue { path: string; message: string }

/** How an effect notifies. Every effect is a webhook notification of `kind`; some are e-mailed too. */
export interface EffectKind {
  /** What webhook subscribers choose from, and the `type` of the webhook body, e.g. `customs.reminder`. */
  readonly kind: string;
  /** Set when the effect is also e-mailed. */
  readonly email?: EmailTemplate;
}

/** An e-mail: to whom, and what it says; the host lays it out as text and HTML. */
export interface EmailTemplate {
  /** The recipient, from the effect's params and the instance's context at fan-out. */
  to(params: Record<string, unknown>, context: unknown): string | null;
  render(input: EmailInput): EmailContent;
}

/** What a template is given: the effect's params, the instance as it stood at fan-out, and when. */
export interface EmailInput { kind: string; orderId: string; to: string; params: Record<string, unknown>; context: unknown; at: number }

export interface EmailContent { subject: string; intro: string; facts: [string, string][]; sections: { title: string; text: string }[] }

/**
 * The machine as a finite model for `xstate/graph`: the instances a path starts from, the
 * representative events each snapshot is offered, and the abstraction that keeps the graph finite.
 */
export interface MachineModel {
  readonly variants: readonly ModelVariant[];
  /** The machine's input for a variant, created at `createdAt`. */
  input(variant: ModelVariant, createdAt: number): unknown;
  /** The events offered to a snapshot: the client events it takes, and the next timer. */
  events(snapshot: AnyMachineSnapshot): EventObject[];
  /** The behaviour-relevant abstraction of a snapshot: equal keys take the same events to equal keys. */
  key(snapshot: AnyMachineSnapshot): string;
  /** The payload class of an event: what the graph keys its edges by. */
  label(event: EventObject): string;
  /** What a generated path predicts of an instance view after each step. */
  expect(view: Record<string, unknown>): unknown;
  /** The schema of `expect`'s answer, for the paths document. */
  readonly expectSchema: z.ZodType;
  /**
   * What a migration must keep, read from an instance view, in a shape the versions of the machine
   * share (for orders: money, claims, owed refunds). The migration proof checks that the migrated
   * instance shows all of it (a newer version may show more).
   */
  preserved(view: Record<string, unknown>): unknown;
}

/** One kind of instance a path starts from: the creation body and the deployment policy it runs under. */
export interface ModelVariant {
  name: string;
  description: string;
  order: Record<string, unknown> & { id: string };
  /** Deployment settings (environment) the variant runs under; empty means the defaults. */
  policy: Record<string, number>;
  /** Where the graph stops exploring this variant. */
  stopWhen?: (snapshot: AnyMachineSnapshot) => boolean;
}

/** The list flags of a snapshot on its version, sorted (what the store keeps). */
export function listFlagsOf(version: MachineVersion, snapshot: AnyMachineSnapshot): string[] {
  return [...new Set(version.listFlags?.(snapshot) ?? [])].sort();
}

/** The version new instances are created on. */
export function currentVersion(hosted: HostedMachine): MachineVersion {
  const last = hosted.versions.at(-1);
  if (!last) throw new Error(`machine ${hosted.id} has no version`);
  return last;
}
