import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import * as v1 from '../../machines/order/v1/index.ts';
import type { OrderContext } from '../../machines/order/v2/index.ts';
import { migrateFromV1 } from '../../machines/order/v2/from-v1.ts';

// The migration of a stored version-1 order to version 2, purely: an order played on version 1's
// machine, stored as the host stores it, and what version 2 makes of its claim, its refund in
// progress, its items still to ship, its deadlines and the dead ends version 1 left.
const createdAt = Date.parse('2026-03-02T00:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (hours: number) => createdAt + hours * HOUR;
const input: v1.OrderInput = {
  id: 'M-1',
  scope: 'domestic',
  sellerEmail: 'seller@shop.example',
  supplier: { id: 'tmall-store-1', name: 'Tmall Store 1' },
  items: [
    { sku: 'mug-blue', quantity: 2, unitPrice: 1250 },
    { sku: 'plate', quantity: 1, unitPrice: 3000 },
  ],
  currency: 'CNY',
  shipBy: '2026-03-04T00:00:00Z',
  createdAt,
};

type Step = { type: string; [key: string]: unknown };

/** A version-1 order after `steps` (an hour apart unless they say), migrated. */
function migrated(steps: Step[], { scope = 'domestic', policy }: { scope?: 'domestic' | 'international'; policy?: Parameters<typeof migrateFromV1>[1] } = {}) {
  const machine = v1.createOrderMachine();
  let [snapshot]: [AnyMachineSnapshot, unknown] = initialTransition(machine, { ...input, scope });
  steps.forEach((step, i) => {
    const event = { receivedAt: at(i + 1), ...step } as unknown as v1.OrderEvent;
    expect(snapshot.can(event), `${step.type} in ${JSON.stringify(snapshot.value)}`).toBe(true);
    [snapshot] = transition(machine, snapshot as never, event);
  });
  const stored = { machine: { id: 'order', version: 1 }, status: snapshot.status, value: snapshot.value, historyValue: {}, context: snapshot.context };
  const after = migrateFromV1(stored, policy);
  expect(after.value).toEqual(stored.value);
  expect(after.status).toBe(stored.status);
  return after.context as OrderContext;
}

const shipped: Step[] = [{ type: 'SHIPPED', carrier: 'SF', trackingNumber: 'SF1' }];
const delivered: Step[] = [...shipped, { type: 'DELIVERED' }];
const reported = (items?: { sku: string; quantity: number }[]): Step[] => [...delivered, { type: 'ISSUE_REPORTED', kind: 'damaged', ...(items ? { items } : {}) }];
const evidence: Step = { type: 'EVIDENCE_SUBMITTED', media: [{ kind: 'photo', url: 'https://img.example/1.jpg' }] };
const approved = (items?: { sku: string; quantity: number }[]): Step[] => [...reported(items), evidence, { type: 'VERIFICATION_APPROVED' }];
const plate = { sku: 'plate', quantity: 1 };

describe('version 1 to 2: the claim', () => {
  it('an open claim stays open, in dispute, verification, reship and refund', () => {
    expect(migrated(reported([plate])).claims).toMatchObject([{ kind: 'damaged', items: [plate], closed: null }]);
    expect(migrated(approved([plate])).claims).toMatchObject([{ verification: 'approved', closed: null }]);
    const reship = migrated([...approved([plate]), { type: 'REQUEST_RESHIP' }]);
    expect(reship.claims).toMatchObject([{ resolution: 'reship', closed: null }]);
    expect(reship.toShip).toEqual([plate]);
    expect(migrated([...approved([plate]), { type: 'REQUEST_REFUND' }]).claims).toMatchObject([{ resolution: 'refund', closed: null }]);
  });

  it('a rejected claim is closed as rejected, at the last note or else when it was reported', () => {
    const rejected = migrated([...reported(), evidence, { type: 'VERIFICATION_REJECTED' }]);
    expect(rejected.claims).toMatchObject([{ verification: 'rejected', closed: { at: at(3), outcome: 'rejected' } }]);
  });

  it('a reshipped claim is closed as reshipped; a refunded one as refunded, its items refunded', () => {
    const reshipped = migrated([...approved([plate]), { type: 'REQUEST_RESHIP' }, { type: 'RESHIPPED', carrier: 'SF', trackingNumber: 'SF2', note: 'sent again' }]);
    expect(reshipped.claims).toMatchObject([{ resolution: 'reship', closed: { outcome: 'reshipped' } }]);
    expect(reshipped.toShip).toEqual([]);
    const refunded = migrated([...approved([plate]), { type: 'REQUEST_REFUND' }, { type: 'REFUND_ISSUED', amount: 3000 }]);
    expect(refunded.claims).toMatchObject([{ resolution: 'refund', closed: { outcome: 'refunded' } }]);
    expect(refunded.refundedItems).toEqual([plate]);
    expect(refunded.refundRequest).toBeNull();
  });

  it('a later claim in reship stays open: the reship of an earlier claim is not its own', () => {
    const first = [...approved([plate]), { type: 'REQUEST_RESHIP' }, { type: 'RESHIPPED', carrier: 'SF', trackingNumber: 'SF2' }, { type: 'DELIVERED' }];
    const mug = { sku: 'mug-blue', quantity: 1 };
    const second = migrated([...first, { type: 'ISSUE_REPORTED', kind: 'damaged', items: [mug] }, evidence, { type: 'VERIFICATION_APPROVED' }, { type: 'REQUEST_RESHIP' }]);
    expect(second.claims).toMatchObject([{ items: [mug], resolution: 'reship', closed: null }]);
    expect(second.toShip).toEqual([mug]);
    expect(second.refundedItems).toEqual([]);
  });

  it('a claim played within one millisecond: only a reship counts as its reship, and one in the millisecond of the report does', () => {
    // The host stamps events in milliseconds, so several may share one: a reship at or after the report is the claim's.
    const sameMs = (steps: Step[], receivedAt: number) => steps.map((s) => ({ ...s, receivedAt }));
    const t = at(1);
    const inReship = [...sameMs(approved([plate]), t), { type: 'REQUEST_RESHIP', receivedAt: t }];
    // The original parcel was shipped in the report's millisecond: it is not the reship.
    expect(migrated(inReship).claims).toMatchObject([{ resolution: 'reship', closed: null }]);
    const reshipped = migrated([...inReship, { type: 'RESHIPPED', carrier: 'SF', trackingNumber: 'SF2', receivedAt: t }]);
    expect(reshipped.claims).toMatchObject([{ resolution: 'reship', closed: { at: t, outcome: 'reshipped' } }]);
    // A new claim reported in the millisecond of the earlier claim's reship is open, not reshipped.
    const next = migrated([...inReship, ...sameMs([{ type: 'RESHIPPED', carrier: 'SF', trackingNumber: 'SF2' }, { type: 'DELIVERED' }, { type: 'ISSUE_REPORTED', kind: 'missing_item' }], t)]);
    expect(next.claims).toMatchObject([{ kind: 'missing_item', resolution: null, closed: null }]);
  });

  it('only a claim refunded in full has its items refunded: not one reshipped, nor one whose refund is still running', () => {
    const reshipped = migrated([...approved([plate]), { type: 'REQUEST_RESHIP' }, { type: 'RESHIPPED', carrier: 'SF', trackingNumber: 'SF2' }]);
    expect(reshipped.refundedItems).toEqual([]);
    const running = migrated([...approved([plate]), { type: 'REQUEST_REFUND' }, { type: 'REFUND_ISSUED', amount: 1000 }]);
    expect(running.claims).toMatchObject([{ resolution: 'refund', closed: null }]);
    expect(running.refundedItems).toEqual([]);
  });

  it('a claim version 1 left behind when the order moved on is closed for missing evidence', () => {
    const lapsed = migrated([...reported(), { type: 'TIMER.EVIDENCE_DUE', dueAt: at(3) + 7 * DAY, receivedAt: at(3) + 7 * DAY }]);
    expect(lapsed.claims).toMatchObject([{ closed: { outcome: 'evidence_missing' } }]);
    expect(lapsed.refundedItems).toEqual([]);
  });

  it('an order without a claim has none', () => {
    expect(migrated(delivered).claims).toEqual([]);
  });
});

describe('version 1 to 2: the refund in progress', () => {
  it('before shipment: the reason is other, version 1\'s free text its note, and it returns to pre-shipment', () => {
    const c = migrated([{ type: 'REQUEST_REFUND', amount: 1000, reason: 'one mug short' }]);
    expect(c.refundRequest).toEqual({ amount: 1000, reason: 'other', note: 'one mug short', requestedAt: at(1), returnTo: 'preShipment' });
    expect(c.toShip).toEqual([{ sku: 'mug-blue', quantity: 2 }, plate]);
  });

  it('of a verified claim: the reason is claim, with its items, and it returns to the delivered order', () => {
    const c = migrated([...approved([plate]), { type: 'REQUEST_REFUND' }]);
    expect(c.refundRequest).toEqual({ amount: 3000, reason: 'claim', requestedAt: at(6), returnTo: 'delivered', items: [plate] });
    expect(c.toShip).toEqual([]);
  });

  it('of an interception: the cancellation\'s reason; in transit it returns there', () => {
    const c = migrated([...shipped, { type: 'CANCEL_REQUESTED', reason: 'wrong_address' }, { type: 'INTERCEPT_SUCCEEDED' }]);
    expect(c.refundRequest).toMatchObject({ amount: 5500, reason: 'wrong_address', returnTo: 'inTransit' });
    const pre = migrated([{ type: 'CANCEL_REQUESTED', reason: 'customer_cancelled' }, { type: 'INTERCEPT_SUCCEEDED' }]);
    expect(pre.refundRequest).toMatchObject({ reason: 'customer_cancelled', returnTo: 'preShipment' });
  });

  it('after a failed interception is not for the cancellation', () => {
    const c = migrated([{ type: 'CANCEL_REQUESTED', reason: 'customer_cancelled' }, { type: 'INTERCEPT_FAILED' }, { type: 'REQUEST_REFUND', amount: 500 }]);
    expect(c.refundRequest).toMatchObject({ amount: 500, reason: 'other', returnTo: 'preShipment' });
    expect(c.refundRequest).not.toHaveProperty('note');
  });
});

describe('version 1 to 2: deadlines and policy', () => {
  it('a parcel held in customs escalates from the hold\'s note, or from the shipment', () => {
    const noted = migrated([...shipped, { type: 'CUSTOMS_HELD', note: 'inspection' }], { scope: 'international' });
    expect(noted.deadlines.customsEscalateAt).toBe(at(2) + 15 * DAY);
    const quiet = migrated([...shipped, { type: 'CUSTOMS_HELD' }], { scope: 'international', policy: { customsEscalateAfterDays: 5 } });
    expect(quiet.deadlines.customsEscalateAt).toBe(at(1) + 5 * DAY);
    expect(quiet.policy).toMatchObject({ customsEscalateAfterDays: 5, supplierRefundRemindDays: 7, customsReminderDays: 3 });
    // Cleared: nothing to escalate.
    expect(migrated([...shipped, { type: 'CUSTOMS_HELD' }, { type: 'CUSTOMS_CLEARED' }], { scope: 'international' }).deadlines).not.toHaveProperty('customsEscalateAt');
  });

  it('only a parcel held in customs gets the escalation deadline', () => {
    const international = { scope: 'international' as const };
    const notHeld: Step[][] = [[], shipped, [...shipped, { type: 'CANCEL_REQUESTED', reason: 'wrong_address' }], delivered];
    for (const steps of notHeld) expect(migrated(steps, { scope: steps.some((s) => s.type === 'CANCEL_REQUESTED') ? 'domestic' : 'international' }).deadlines).not.toHaveProperty('customsEscalateAt');
    expect(migrated([...shipped, { type: 'CUSTOMS_HELD' }], international).deadlines).toHaveProperty('customsEscalateAt');
  });

  it('an owed supplier refund of an open order is reminded after the policy\'s days', () => {
    const c = migrated([{ type: 'SWITCH_SUPPLIER', supplier: { id: 'alt-1' } }], { policy: { supplierRefundRemindDays: 3 } });
    expect(c.deadlines.supplierRefundRemindAt).toBe(at(1) + 3 * DAY);
    expect(c.policy.supplierRefundRemindDays).toBe(3);
    expect(c.supplierRefunds).toEqual([]);
    expect(c.customsEscalatedAt).toBeNull();
  });
});

describe('version 1 to 2: the dead ends version 1 left', () => {
  it('refunded in part: stays refunded, and says how much is still refundable', () => {
    const c = migrated([{ type: 'REQUEST_REFUND', amount: 1000 }, { type: 'REFUND_ISSUED', amount: 1000 }]);
    expect(c.notice).toEqual({
      code: 'migrated_dead_end',
      at: at(2),
      text: 'Version 1 ended this order after a partial refund, with 4500 (CNY minor units) still refundable. Version 2 would have kept it open (R11, R15); it stays closed as version 1 left it: settle what is left outside the service.',
    });
  });

  it('ended while a replaced supplier owed its refund: says who, and takes no reminder', () => {
    const c = migrated([{ type: 'SWITCH_SUPPLIER', supplier: { id: 'alt-1' } }, { type: 'REQUEST_REFUND' }, { type: 'REFUND_ISSUED', amount: 5500 }]);
    expect(c.notice?.text).toBe(
      'Version 1 ended this order while tmall-store-1 still owed the refund of the original order. Version 2 would have kept it open (R11, R15); it stays closed as version 1 left it: settle what is left outside the service.',
    );
    expect(c.deadlines).not.toHaveProperty('supplierRefundRemindAt');
  });

  it('completed while two replaced suppliers owed: names both, and no partial refund', () => {
    const switches: Step[] = [{ type: 'SWITCH_SUPPLIER', supplier: { id: 'alt-1' } }, { type: 'SWITCH_SUPPLIER', supplier: { id: 'alt-2' } }];
    const endedAt = at(4) + 15 * DAY;
    const c = migrated([...switches, ...delivered, { type: 'TIMER.PROTECTION_ENDED', dueAt: endedAt, receivedAt: endedAt }]);
    expect(c.notice?.text).toBe(
      'Version 1 ended this order while tmall-store-1, alt-1 still owed the refund of the original order. Version 2 would have kept it open (R11, R15); it stays closed as version 1 left it: settle what is left outside the service.',
    );
  });

  it('both: says both', () => {
    const c = migrated([{ type: 'SWITCH_SUPPLIER', supplier: { id: 'alt-1' } }, { type: 'REQUEST_REFUND', amount: 700 }, { type: 'REFUND_ISSUED', amount: 700 }]);
    expect(c.notice?.text).toBe(
      'Version 1 ended this order after a partial refund, with 4800 (CNY minor units) still refundable, while tmall-store-1 still owed the refund of the original order. Version 2 would have kept it open (R11, R15); it stays closed as version 1 left it: settle what is left outside the service.',
    );
  });

  it('a refund in full with nothing owed, and an open order, are no dead end', () => {
    expect(migrated([{ type: 'REQUEST_REFUND' }, { type: 'REFUND_ISSUED', amount: 5500 }]).notice).toBeNull();
    expect(migrated([{ type: 'REQUEST_REFUND', amount: 1000 }]).notice).toBeNull();
    // Open, with a replaced supplier owing: version 2 reminds of it instead.
    expect(migrated([{ type: 'SWITCH_SUPPLIER', supplier: { id: 'alt-1' } }]).notice).toBeNull();
    // Completed without a refund: nothing was promised back.
    const endedAt = at(2) + 15 * DAY;
    const completed = migrated([...delivered, { type: 'TIMER.PROTECTION_ENDED', dueAt: endedAt, receivedAt: endedAt }]);
    expect(completed.notice).toBeNull();
  });
});
