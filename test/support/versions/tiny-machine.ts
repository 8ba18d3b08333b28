import { assign, setup, type AnyMachineSnapshot } from 'xstate';
import { z } from 'zod';
import type { ArmedDeadline, HostedMachine, MachineVersion } from '../../../src/engine/hosted-machine.ts';

/**
 * A hosted machine small enough to stage what the order machine never does, for the engine's own
 * tests: a timer whose handler leaves its own deadline armed (`TIMER.POKE` changes nothing), a
 * deadline whose event the state refuses when it falls due (`TIMER.BLOCKED`, guarded), and an
 * effect that is not e-mailed. Nothing under src/ or machines/ knows it.
 */
interface TinyContext { createdAt: number; pokes: number; blocked: boolean }

const HOUR = 3_600_000;

const machine = setup({
  types: { context: {} as TinyContext, input: {} as { createdAt: number }, events: {} as { type: string; receivedAt: number; dueAt?: number } },
  actions: { notify: () => {} },
}).createMachine({
  id: 'tiny',
  context: ({ input }) => ({ createdAt: input.createdAt, pokes: 0, blocked: true }),
  initial: 'waiting',
  states: {
    waiting: {
      on: {
        'TIMER.POKE': { actions: [assign({ pokes: ({ context }) => context.pokes }), { type: 'notify', params: { why: 'poked' } }] },
        'TIMER.BLOCKED': { guard: ({ context }) => !context.blocked, target: 'done' },
        FINISH: 'done',
      },
    },
    done: { type: 'final' },
  },
});

const deadlines = { pokeAt: 'TIMER.POKE', blockedAt: 'TIMER.BLOCKED' };

const version: MachineVersion = {
  version: 1,
  machine,
  fingerprint: 'test-only',
  createSchema: z.object({ id: z.string() }),
  creationRecord: (body) => ({ id: body.id }),
  eventSchemas: { FINISH: z.object({}).strict() },
  deadlines,
  armedDeadlines(snapshot: AnyMachineSnapshot): ArmedDeadline[] {
    if (snapshot.status === 'done') return [];
    const { createdAt } = snapshot.context as TinyContext;
    return [
      { name: 'pokeAt', event: 'TIMER.POKE', dueAt: createdAt + HOUR },
      { name: 'blockedAt', event: 'TIMER.BLOCKED', dueAt: createdAt + 2 * HOUR },
    ];
  },
  check: () => [],
  refusal: () => ({ acceptedEvents: [] }),
  acceptedEvents: (snapshot) => (snapshot.status === 'done' ? [] : ['FINISH']),
  view: (snapshot) => ({ pokes: (snapshot.context as TinyContext).pokes }),
  viewSchema: z.object({ pokes: z.number() }),
  effects: { notify: { kind: 'tiny.notified' } },
};

export const TINY_HOUR = HOUR;

export function tinyMachine(): HostedMachine {
  return { id: 'tiny', versions: [version], migrations: [] };
}
