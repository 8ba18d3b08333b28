import { setup, type AnyMachineSnapshot, type AnyStateMachine, type StateValue } from 'xstate';
import { z } from 'zod';
import type { HostedMachine, MachineVersion, Migration, PersistedSnapshot } from '../../../src/engine/hosted-machine.ts';

/**
 * A small hosted machine with two versions, to show the version views on something other than
 * the order machine: version 2 renames the state `working` to `busy` and the event `GO` to
 * `START`, and adds a `paused` state with `PAUSE` and `RESUME`. Nothing under src/ knows it.
 */
const v1Machine = setup({}).createMachine({
  id: 'ticket',
  initial: 'open',
  states: {
    open: { on: { GO: 'working' } },
    working: { on: { DONE: 'closed' } },
    closed: { type: 'final' },
  },
});

const v2Machine = setup({}).createMachine({
  id: 'ticket',
  initial: 'open',
  states: {
    open: { on: { START: 'busy' } },
    busy: { on: { DONE: 'closed', PAUSE: 'paused' } },
    paused: { on: { RESUME: 'busy' } },
    closed: { type: 'final' },
  },
});

const empty = z.object({}).strict();

function ticketVersion(version: number, machine: AnyStateMachine, events: string[]): MachineVersion {
  const eventSchemas = Object.fromEntries(events.map((e) => [e, empty]));
  const accepted = (snapshot: AnyMachineSnapshot) => events.filter((type) => snapshot.can({ type }));
  return {
    version,
    machine,
    fingerprint: 'test-only',
    createSchema: z.object({ id: z.string().min(1) }).strict(),
    creationRecord: (body) => ({ ...body }),
    eventSchemas,
    deadlines: {},
    armedDeadlines: () => [],
    check: () => [],
    refusal: (snapshot) => ({ acceptedEvents: accepted(snapshot) }),
    acceptedEvents: accepted,
    view: () => ({}),
    viewSchema: z.object({}),
    effects: {},
  };
}

const renameValue = (value: StateValue): StateValue => (value === 'working' ? 'busy' : value);

/** Version 1 to 2: `working` is called `busy`. */
export const ticketMigration: Migration = { from: 1, to: 2, migrate: (s: PersistedSnapshot) => ({ ...s, value: renameValue(s.value) }) };

export const ticketV1 = ticketVersion(1, v1Machine, ['GO', 'DONE']);
export const ticketV2 = ticketVersion(2, v2Machine, ['START', 'DONE', 'PAUSE', 'RESUME']);

/** The ticket machine with version 1 only, or with both versions and the migration. */
export const ticketMachine = (versions: 1 | 2): HostedMachine =>
  versions === 1 ? { id: 'ticket', versions: [ticketV1], migrations: [] } : { id: 'ticket', versions: [ticketV1, ticketV2], migrations: [ticketMigration] };
