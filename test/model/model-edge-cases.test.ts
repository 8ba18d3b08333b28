import { initialTransition, type AnyMachineSnapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import { orderMachine } from '../../machines/order/index.ts';
import { clientSteps, modelEvents, modelKey, toMachineEvent, type DeadlinePolicy, type OrderContext } from '../../machines/order/v2/index.ts';
import type { MachineVersion } from '../../src/engine/hosted-machine.ts';
import { MODEL_EPOCH } from '../../src/model/paths.ts';

// What version 2's model does where no generated path goes: an offer the machine refuses everywhere, and deadlines
// that fall due together (version 1's too) or at the very minute of the next client event (no variant's order meets one).

const MINUTE = 60_000;

/** A new domestic order of version `n`'s model, created at MODEL_EPOCH, shipping by `shipBy` under `policy`. */
function created(shipBy = '2026-03-04T00:00:00.000Z', policy: Partial<DeadlinePolicy> = {}, n = 2): AnyMachineSnapshot {
  const version = orderMachine().versions[n - 1]! as MachineVersion;
  const model = version.model!;
  const variant = model.variants[0]!;
  return initialTransition(version.machine, model.input({ ...variant, order: { ...variant.order, shipBy }, policy }, MODEL_EPOCH))[0];
}

const types = (snapshot: AnyMachineSnapshot) => modelEvents(snapshot).map((e) => e.type);

describe('version 2\'s model offers', () => {
  it('a refund request for a cancellation (R14), which the machine refuses: were it ever taken, the graph would show it', () => {
    const snapshot = created();
    const probe = { type: 'REQUEST_REFUND', payload: { reason: 'customer_cancelled' } };
    expect(clientSteps(snapshot.context as OrderContext)).toContainEqual(probe);
    expect(snapshot.can(toMachineEvent(probe, MODEL_EPOCH + MINUTE))).toBe(false);
    expect(snapshot.can(toMachineEvent({ type: 'REQUEST_REFUND', payload: {} }, MODEL_EPOCH + MINUTE))).toBe(true);
  });

  it('only the timer of a deadline due by the time the next client event would come, that minute included', () => {
    // Expedite requested at the ship-by time itself, a minute after creation: the sweeper fires it before any client event.
    const due = created(new Date(MODEL_EPOCH + MINUTE).toISOString(), { expediteAfterDays: 0 });
    expect((due.context as OrderContext).deadlines.expediteAt).toBe(MODEL_EPOCH + MINUTE);
    expect(modelEvents(due)).toEqual([{ type: 'TIMER.EXPEDITE', dueAt: MODEL_EPOCH + MINUTE, receivedAt: MODEL_EPOCH + MINUTE }]);
    // A minute later, client events come first.
    const later = created(new Date(MODEL_EPOCH + 2 * MINUTE).toISOString(), { expediteAfterDays: 0 });
    expect(types(later)).toContain('SHIPPED');
    expect(types(later).at(-1)).toBe('TIMER.EXPEDITE');
  });

  it.each([1, 2])('(and version %i\'s) no timer when the earliest deadlines fall due together (which fires first is the host\'s choice)', (n) => {
    const model = (orderMachine().versions[n - 1]! as MachineVersion).model!;
    const timers = (snapshot: AnyMachineSnapshot) => model.events(snapshot).map((e) => e.type).filter((t) => t.startsWith('TIMER.'));
    const together = created(undefined, { expediteAfterDays: 2, switchSupplierAfterDays: 2 }, n);
    const { expediteAt, switchSupplierAt } = (together.context as OrderContext).deadlines;
    expect(expediteAt).toBe(switchSupplierAt);
    expect(model.events(together).map((e) => e.type)).toContain('SHIPPED');
    expect(timers(together)).toEqual([]);
    expect(timers(created(undefined, {}, n))).toEqual(['TIMER.EXPEDITE']);
  });
});

describe('version 2\'s key', () => {
  // Where a refund returns to before shipment depends on how overdue the order is (R3, R4): a deadline due at the very
  // minute of the next client event has passed, as the model's events say (only its timer is offered).
  const overdue = (shipBy: number, policy: Partial<DeadlinePolicy>) => JSON.parse(modelKey(created(new Date(shipBy).toISOString(), policy))).overdue as string;

  it('counts an expedite request due at the next client event as due', () => {
    const policy = { expediteAfterDays: 0, switchSupplierAfterDays: 2 };
    expect(overdue(MODEL_EPOCH + MINUTE, policy)).toBe(overdue(MODEL_EPOCH, policy));
    expect(overdue(MODEL_EPOCH + 2 * MINUTE, policy)).not.toBe(overdue(MODEL_EPOCH, policy));
  });

  it('counts a supplier switch due at the next client event as due', () => {
    const policy = { expediteAfterDays: 0, switchSupplierAfterDays: 0 };
    expect(overdue(MODEL_EPOCH + MINUTE, policy)).toBe(overdue(MODEL_EPOCH, policy));
    expect(overdue(MODEL_EPOCH + MINUTE, { ...policy, switchSupplierAfterDays: 2 })).not.toBe(overdue(MODEL_EPOCH, policy));
  });
});
