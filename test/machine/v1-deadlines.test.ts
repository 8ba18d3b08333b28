import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  activeMeta,
  armedDeadlines,
  createContext,
  createOrderMachine,
  defaultPolicy,
  overdueDeadlines,
  refundable,
  refundedTotal,
  sampleOrder,
  statePath,
  timerEventTypes,
  valueOf,
  type OrderContext,
  type OrderEvent,
} from '../../machines/order/v1/index.ts';

// Version 1's deadlines and context helpers, purely: which due times a state arms and in what
// order, the dotted state path, and what a new order's context holds under a policy.
const createdAt = Date.parse('2026-03-02T00:00:00Z');
const at = (hours: number) => createdAt + hours * 3_600_000;
const DAY = 86_400_000;
type Step = { type: string; [key: string]: unknown };

function run(steps: Step[], input: Record<string, unknown> = {}) {
  const machine = createOrderMachine();
  let [snapshot]: [AnyMachineSnapshot, unknown] = initialTransition(machine, { ...sampleOrder({ id: 'D-1' }), createdAt, ...input });
  steps.forEach((step, i) => {
    const event = { receivedAt: at(i + 1), ...step } as unknown as OrderEvent;
    expect(snapshot.can(event), `step ${i}: ${step.type} in ${JSON.stringify(snapshot.value)}`).toBe(true);
    [snapshot] = transition(machine, snapshot as never, event);
  });
  return snapshot;
}
const names = (snapshot: AnyMachineSnapshot) => armedDeadlines(snapshot).map((d) => d.name);
const approved: Step[] = [
  { type: 'SHIPPED', carrier: 'SF', trackingNumber: 'SF1' },
  { type: 'DELIVERED' },
  { type: 'ISSUE_REPORTED', kind: 'damaged', items: [{ sku: 'plate', quantity: 1 }] },
  { type: 'EVIDENCE_SUBMITTED', media: [{ kind: 'photo', url: 'https://img.example/1.jpg' }] },
  { type: 'VERIFICATION_APPROVED' },
];

describe('version 1: armed deadlines', () => {
  it('before shipment: expedite, then the supplier switch, in the order they fall due', () => {
    expect(armedDeadlines(run([]))).toEqual([
      { name: 'expediteAt', dueAt: Date.parse('2026-03-06T00:00:00Z'), event: 'TIMER.EXPEDITE' },
      { name: 'switchSupplierAt', dueAt: Date.parse('2026-03-08T00:00:00Z'), event: 'TIMER.SWITCH_SUPPLIER' },
    ]);
  });

  it('in the order they fall due, whatever order the state names them in', () => {
    // A switch supplier due before expediting (a policy that says so): still sorted by due time.
    expect(names(run([], { policyDefaults: { expediteAfterDays: 5, switchSupplierAfterDays: 1 } }))).toEqual(['switchSupplierAt', 'expediteAt']);
  });

  it('a missed resolution deadline is not armed again; a final order arms nothing', () => {
    const due = (run(approved).context as OrderContext).deadlines.resolutionDueAt!;
    expect(names(run(approved))).toEqual(['resolutionDueAt']);
    const escalated = run([...approved, { type: 'TIMER.RESOLUTION_DUE', dueAt: due, receivedAt: due }]);
    expect((escalated.context as OrderContext).escalatedAt).toBe(due);
    expect(names(escalated)).toEqual([]);
    // Rejected: completed, with the protection window's end still in context but nothing armed.
    const rejected = run([...approved.slice(0, 4), { type: 'VERIFICATION_REJECTED' }]);
    expect(rejected.status).toBe('done');
    expect((rejected.context as OrderContext).deadlines.protectionEndsAt).toBeDefined();
    expect(armedDeadlines(rejected)).toEqual([]);
  });

  it('a deadline a state names without a due time in context is not armed', () => {
    // A refund outside a claim: the refund state names resolutionDueAt, but none was set.
    expect(names(run([{ type: 'REQUEST_REFUND' }]))).toEqual([]);
    expect(activeMeta(run([{ type: 'REQUEST_REFUND' }])).at(-1)?.deadlines).toEqual(['resolutionDueAt']);
  });
});

describe('version 1: the dotted state path', () => {
  it('is the active leaf under its parents, as the API shows the state', () => {
    expect(statePath('refunded')).toBe('refunded');
    expect(statePath({ inTransit: { shipping: 'customsHold' } })).toBe('inTransit.shipping.customsHold');
    expect(statePath({ preShipment: 'intercepting' })).toBe('preShipment.intercepting');
    expect(statePath(run([{ type: 'STOCK_UNAVAILABLE' }]).value)).toBe('preShipment.processing.stockUnavailable');
    expect(statePath({ delivered: {} })).toBe('delivered');
  });
});

describe("version 1: a new order's context", () => {
  const input = { ...sampleOrder({ id: 'C-1' }), createdAt };

  it('copies the order, sums what was paid and sets the overdue deadlines of the default policy', () => {
    const context = createContext(input);
    expect(context.items).toEqual(input.items);
    expect(context.items[0]).not.toBe(input.items[0]);
    expect(context).toMatchObject({ orderId: 'C-1', paid: 5500, policy: defaultPolicy, shipBy: Date.parse(input.shipBy) });
    expect(context.deadlines).toEqual(overdueDeadlines(Date.parse(input.shipBy), defaultPolicy));
    expect(defaultPolicy).toEqual({ expediteAfterDays: 2, switchSupplierAfterDays: 4, evidenceDays: 7, protectionWindowDays: 15, customsReminderDays: 3, resolutionWorkingDays: 15 });
  });

  it("takes the deployment's defaults, and the order's own protection window and evidence days over them", () => {
    const deployed = createContext({ ...input, policyDefaults: { customsReminderDays: 1, protectionWindowDays: 20 } });
    expect(deployed.policy).toEqual({ ...defaultPolicy, customsReminderDays: 1, protectionWindowDays: 20 });
    const own = createContext({ ...input, policyDefaults: { protectionWindowDays: 20, evidenceDays: 4 }, policy: { protectionWindowDays: 60, evidenceDays: 10 } });
    expect(own.policy).toEqual({ ...defaultPolicy, protectionWindowDays: 60, evidenceDays: 10 });
    const onlyWindow = createContext({ ...input, policyDefaults: { evidenceDays: 4 }, policy: { protectionWindowDays: 60 } });
    expect(onlyWindow.policy).toEqual({ ...defaultPolicy, protectionWindowDays: 60, evidenceDays: 4 });
    const onlyEvidence = createContext({ ...input, policyDefaults: { protectionWindowDays: 20 }, policy: { evidenceDays: 10 } });
    expect(onlyEvidence.policy).toEqual({ ...defaultPolicy, protectionWindowDays: 20, evidenceDays: 10 });
    expect(createContext({ ...input, policy: { evidenceDays: 10 } }).deadlines).toEqual({ expediteAt: Date.parse(input.shipBy) + 2 * DAY, switchSupplierAt: Date.parse(input.shipBy) + 4 * DAY });
  });

  it('counts money in minor units: refunded, still refundable (never below zero), the value of claimed items', () => {
    expect(refundedTotal({ refunds: [{ amount: 1000, at: 0 }, { amount: 500, at: 1 }] })).toBe(1500);
    expect(refundable({ paid: 5500, refunds: [{ amount: 1000, at: 0 }] })).toBe(4500);
    expect(refundable({ paid: 1000, refunds: [{ amount: 1500, at: 0 }] })).toBe(0);
    const items = sampleOrder({ id: 'C-2' }).items;
    expect(valueOf([{ sku: 'mug-blue', quantity: 1 }, { sku: 'plate', quantity: 1 }], items)).toBe(4250);
    expect(valueOf([{ sku: 'vase', quantity: 3 }], items)).toBe(0);
  });

  it('names the timer event of each deadline', () => {
    expect(timerEventTypes).toEqual(['TIMER.EXPEDITE', 'TIMER.SWITCH_SUPPLIER', 'TIMER.CUSTOMS_REMINDER', 'TIMER.PROTECTION_ENDED', 'TIMER.EVIDENCE_DUE', 'TIMER.RESOLUTION_DUE']);
  });
});
