import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { expect } from 'vitest';
import { checkAgainstOrder, createOrderMachine, sampleOrder, type OrderContext, type OrderEvent } from '../../machines/order/v2/index.ts';

/**
 * Version 2 of the order machine driven purely (no host, no store), for the in-process tests of
 * `test/machine/v2-*.test.ts`. The sample order: two blue mugs at 12.50 and a plate at 30.00 (5,500
 * paid), created at {@link createdAt}, ship by 2026-03-04.
 */
export const createdAt = Date.parse('2026-03-02T00:00:00Z');
export const HOUR = 3_600_000;
/** `hours` after the order's creation: when step `hours` of a walk is received unless it says otherwise. */
export const at = (hours: number) => createdAt + hours * HOUR;

/** A client or timer event as a test writes it: its type and payload (and `receivedAt` when not an hour after the last). */
export type Step = { type: string; [key: string]: unknown };
export type Effect = { type: string; params?: unknown };

/**
 * Takes `steps` from a new sample order, step `i` received at `at(i + 1)` unless it says when; each
 * must be taken by the state (and, with `checked`, fit the order as the API checks it).
 * Answers the last snapshot, the effects each step asked for, and each snapshot with its time (the
 * creation's first).
 */
export function walk(steps: Step[], { order = {}, checked = false }: { order?: Partial<ReturnType<typeof sampleOrder>>; checked?: boolean } = {}) {
  const machine = createOrderMachine();
  let [snapshot]: [AnyMachineSnapshot, unknown] = initialTransition(machine, { ...sampleOrder({ id: 'T-1', ...order }), createdAt });
  const trail = [{ snapshot, now: createdAt }];
  const effects: Effect[][] = [];
  steps.forEach((step, i) => {
    const event = { receivedAt: at(i + 1), ...step } as unknown as OrderEvent;
    if (checked) expect(checkAgainstOrder(snapshot.context as OrderContext, event), `step ${i}: ${step.type}`).toEqual([]);
    expect(snapshot.can(event), `step ${i}: ${step.type} in ${JSON.stringify(snapshot.value)}`).toBe(true);
    const [next, actions] = transition(machine, snapshot as never, event);
    snapshot = next;
    trail.push({ snapshot, now: event.receivedAt });
    effects.push(actions.filter((a) => !a.type.startsWith('xstate.')).map((a) => ({ type: a.type, params: a.params })));
  });
  return { machine, snapshot, context: snapshot.context as OrderContext, value: snapshot.value, effects, lastEffects: effects.at(-1) ?? [], trail };
}
