import type { OrderRecord, OutboxEntry } from '../store/records.ts';
import type { ArmedDeadline, MachineVersion } from './hosted-machine.ts';
import type { OrderView } from './instance-view.ts';

/** An effect the event would cause: the action the machine asks for, and how the host would notify. */
export interface DryRunEffect {
  action: string;
  params: unknown;
  /** The webhook notification kind subscribers choose from, e.g. `customs.reminder`. */
  kind: string;
  /** Whether the effect is e-mailed too. */
  email: boolean;
}

/** What an event would do to an order, computed exactly as `send` computes it, and written nowhere. */
export interface DryRun {
  dryRun: true;
  /** The event as the service would apply it (its payload after validation). */
  event: { type: string; payload: unknown };
  /** Where the order stands now: the state and the version the answer was computed from. */
  from: { state: string; version: number };
  /** The order view the event would produce (the view `send` would answer). */
  order: OrderView;
  /** The effects the commit would put in the outbox (webhooks, e-mails). */
  effects: DryRunEffect[];
  /** The deadlines the order would have armed afterwards, earliest first: the timers the commit would write. */
  deadlines: { name: string; event: string; dueAt: string }[];
  /**
   * The Idempotency-Key was already used for this same request: `send` would answer the recorded
   * result (`order`) and apply nothing.
   */
  replayed: boolean;
}

export interface DryRunInput {
  record: OrderRecord;
  version: MachineVersion;
  event: { type: string; payload: unknown };
  order: OrderView;
  effects: readonly Pick<OutboxEntry, 'action' | 'payload'>[];
  armed: readonly ArmedDeadline[];
  replayed: boolean;
}

/** The answer of a dry run, from what the engine decided. */
export function dryRun({ record, version, event, order, effects, armed, replayed }: DryRunInput): DryRun {
  return {
    dryRun: true,
    event,
    from: { state: record.state, version: record.version },
    order,
    effects: effects.map((e) => {
      const effect = version.effects[e.action];
      return { action: e.action, params: e.payload, kind: effect?.kind ?? e.action, email: effect?.email !== undefined };
    }),
    deadlines: armed.map((d) => ({ name: d.name, event: d.event, dueAt: new Date(d.dueAt).toISOString() })),
    replayed,
  };
}
