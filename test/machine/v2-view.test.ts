import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import { acceptedEvents, armedDeadlines, createOrderMachine, orderView, sampleOrder, type AddWorkingDays, type OrderEvent } from '../../machines/order/v2/index.ts';
import { orderViewSchema } from '../../machines/order/v2/view-schema.ts';

// Version 2's part of the order view, purely: the problem it shows in the situations version 2
// added (an overdue resolution, an owed supplier refund, a closed claim), the items lost and
// reshipped, customs and the calendar note; and that its schema (the OpenAPI document's) describes
// each view exactly. The sample order: two blue mugs at 12.50 and a plate at 30.00 (5,500 paid).
const createdAt = Date.parse('2026-03-02T00:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

type Step = { type: string; [key: string]: unknown };

function snapshotAfter(steps: Step[], { overrides = {}, addWorkingDays }: { overrides?: Partial<ReturnType<typeof sampleOrder>>; addWorkingDays?: AddWorkingDays } = {}) {
  const machine = createOrderMachine(addWorkingDays ? { addWorkingDays } : {});
  let [snapshot]: [AnyMachineSnapshot, unknown] = initialTransition(machine, { ...sampleOrder({ id: 'V-2', ...overrides }), createdAt });
  steps.forEach((step, i) => {
    const event = { receivedAt: createdAt + (i + 1) * HOUR, ...step } as unknown as OrderEvent;
    expect(snapshot.can(event), `${step.type} in ${JSON.stringify(snapshot.value)}`).toBe(true);
    [snapshot] = transition(machine, snapshot as never, event);
  });
  return snapshot;
}

/** The view as the host shows it: with the events the order takes now. */
function viewAfter(steps: Step[], options: Parameters<typeof snapshotAfter>[1] = {}) {
  const snapshot = snapshotAfter(steps, options);
  const now = createdAt + (steps.length + 1) * HOUR;
  return orderView(snapshot, armedDeadlines(snapshot), acceptedEvents(snapshot, now));
}

const shipped: Step[] = [{ type: 'SHIPPED', carrier: 'SF', trackingNumber: 'SF1' }];
const delivered: Step[] = [...shipped, { type: 'DELIVERED' }];
const evidence: Step = { type: 'EVIDENCE_SUBMITTED', media: [{ kind: 'photo', url: 'https://img.example/1.jpg' }] };
const approved: Step[] = [...delivered, { type: 'ISSUE_REPORTED', kind: 'damaged', items: [{ sku: 'plate', quantity: 1 }] }, evidence, { type: 'VERIFICATION_APPROVED' }];
const plateDue = Date.parse('2026-03-24T00:00:00Z');

const views: ReturnType<typeof orderView>[] = [];
const keep = (view: ReturnType<typeof orderView>) => (views.push(view), view);

describe('version 2: the order view', () => {
  it('a new order: no problem, the overdue follow-up armed, nothing lost, nothing in customs', () => {
    const view = keep(viewAfter([]));
    expect(view).toMatchObject({ description: 'Waiting for the supplier to ship by `shipBy`.', waitsOn: 'supplier', problem: null, notice: null, claim: null, claims: [], resolution: null, customs: null, cancellation: null, outcome: null, lastNote: null });
    expect(view.items).toEqual([
      { sku: 'mug-blue', quantity: 2, unitPrice: 1250, refunded: 0, shipped: 0, lost: 0, toShip: 2 },
      { sku: 'plate', quantity: 1, unitPrice: 3000, refunded: 0, shipped: 0, lost: 0, toShip: 1 },
    ]);
    expect(view.money).toEqual({ paid: 5500, refunded: 0, refundable: 5500, pendingRefund: 0, refunds: [], refundRequest: null });
  });

  it('a lost parcel reshipped: the items of the lost one count as lost, those of the reship as shipped', () => {
    const view = keep(viewAfter([...shipped, { type: 'PARCEL_LOST', note: 'carrier gave up' }, { type: 'REQUEST_RESHIP', items: [{ sku: 'plate', quantity: 1 }] }, { type: 'RESHIPPED', carrier: 'SF', trackingNumber: 'SF2' }]));
    expect(view.items.map((i) => [i.sku, i.shipped, i.lost, i.toShip])).toEqual([['mug-blue', 0, 2, 0], ['plate', 1, 1, 0]]);
    expect(view.shipments.map((s) => [s.trackingNumber, s.kind, s.lostAt])).toEqual([['SF1', 'original', iso(createdAt + 2 * HOUR)], ['SF2', 'reship', null]]);
    expect(view.lastNote).toEqual({ text: 'carrier gave up', at: iso(createdAt + 2 * HOUR), event: 'PARCEL_LOST' });
  });

  it('held in customs: the holds and reminders; escalated: when', () => {
    const steps: Step[] = [...shipped, { type: 'CUSTOMS_HELD' }];
    expect(keep(viewAfter(steps, { overrides: { scope: 'international' } })).customs).toEqual({ holds: 1, remindersSent: 1, escalatedAt: null });
    const escalatedAt = createdAt + 2 * HOUR + 15 * DAY;
    const view = keep(viewAfter([...steps, { type: 'TIMER.CUSTOMS_ESCALATE', dueAt: escalatedAt, receivedAt: escalatedAt }], { overrides: { scope: 'international' } }));
    expect(view.customs).toEqual({ holds: 1, remindersSent: 1, escalatedAt: iso(escalatedAt) });
    expect(view.problem).toMatchObject({ code: 'customs_escalated', recommendedEvents: ['CUSTOMS_CLEARED', 'REQUEST_RESHIP', 'REQUEST_REFUND', 'PARCEL_LOST'] });
  });

  it('a verified claim: the resolution due; once missed, the overdue resolution is the problem, and only events the order takes are recommended', () => {
    const due = keep(viewAfter(approved));
    expect(due.resolution).toEqual({ dueAt: iso(plateDue), escalated: false, escalatedAt: null, calendarNote: null });
    expect(due.problem).toMatchObject({ code: 'resolution_due', recommendedEvents: ['REQUEST_RESHIP', 'REQUEST_REFUND'] });
    const missed = keep(viewAfter([...approved, { type: 'TIMER.RESOLUTION_DUE', dueAt: plateDue, receivedAt: plateDue }]));
    expect(missed.resolution).toEqual({ dueAt: iso(plateDue), escalated: true, escalatedAt: iso(plateDue), calendarNote: null });
    // RESHIPPED and REFUND_ISSUED are not taken while the seller has not chosen: only the refund is recommended.
    expect(missed.problem).toEqual({
      code: 'resolution_overdue',
      rule: 'R16',
      title: 'The resolution deadline of a verified claim has passed',
      recommendedAction: 'Execute the reship or refund now: it was due within 15 working days of the verification.',
      recommendedEvents: ['REQUEST_REFUND'],
    });
  });

  it('a resolution deadline past the holiday calendar says which years it did not cover', () => {
    const calendar: AddWorkingDays = (from, days) => ({ dueAt: from + days * DAY, uncoveredYears: [2026, 2027] });
    const view = keep(viewAfter(approved, { addWorkingDays: calendar }));
    expect(view.resolution?.calendarNote).toBe('the holiday calendar does not cover 2026, 2027: only weekends were skipped in those years');
  });

  it('a claim closed for missing evidence: the notice and its problem, until the window ends', () => {
    const reported: Step[] = [...delivered, { type: 'ISSUE_REPORTED', kind: 'missing_item' }];
    const closedAt = createdAt + 3 * HOUR + 7 * DAY;
    const view = keep(viewAfter([...reported, { type: 'TIMER.EVIDENCE_DUE', dueAt: closedAt, receivedAt: closedAt }]));
    expect(view.notice).toEqual({ code: 'claim_closed', at: iso(closedAt), text: 'The claim was closed: no evidence arrived before the evidence deadline.' });
    expect(view.problem).toMatchObject({ code: 'claim_closed', rule: 'R16', recommendedEvents: ['ISSUE_REPORTED'] });
    expect(view.claim).toMatchObject({ kind: 'missing_item', closed: { at: iso(closedAt), outcome: 'evidence_missing' } });
  });

  it('an owed supplier refund: the problem of a refunded order in refund, and of a delivered one after its window', () => {
    const switched: Step[] = [{ type: 'SWITCH_SUPPLIER', supplier: { id: 'alt-1', name: 'Alt One' } }];
    const paid = keep(viewAfter([...switched, { type: 'REQUEST_REFUND' }, { type: 'REFUND_ISSUED', amount: 5500 }]));
    expect(paid.problem).toMatchObject({ code: 'supplier_refund_owed', recommendedEvents: ['SUPPLIER_REFUNDED'] });
    expect(paid.supplierRefunds).toEqual({ owed: [{ supplierId: 'tmall-store-1', name: 'Tmall Store 1', since: iso(createdAt + HOUR), remindedAt: null }], settled: [] });
    // In the window, the delivered order shows no problem although a refund is owed.
    const inWindow = keep(viewAfter([...switched, ...delivered]));
    expect(inWindow.problem).toBeNull();
    const endedAt = createdAt + 3 * HOUR + 15 * DAY;
    const ended = keep(viewAfter([...switched, ...delivered, { type: 'TIMER.PROTECTION_ENDED', dueAt: endedAt, receivedAt: endedAt }]));
    expect(ended.problem).toMatchObject({ code: 'supplier_refund_owed' });
    expect(ended.notice).toMatchObject({ code: 'protection_ended_owed' });
  });

  it('a claim refunded after its resolution was escalated: the order is back in its window, with no overdue resolution left', () => {
    const escalated: Step[] = [...approved, { type: 'TIMER.RESOLUTION_DUE', dueAt: plateDue, receivedAt: plateDue }];
    const view = keep(viewAfter([...escalated, { type: 'REQUEST_REFUND', receivedAt: plateDue + HOUR }, { type: 'REFUND_ISSUED', amount: 3000, receivedAt: plateDue + 2 * HOUR }]));
    expect(view).toMatchObject({ description: 'Delivered; the buyer-protection window is open.', problem: null, resolution: null });
    expect(view.claims).toMatchObject([{ closed: { outcome: 'refunded' } }]);
  });

  it('before delivery, a replaced supplier\'s owed refund does not take the place of the state\'s own problem (it has its reminder)', () => {
    const switched: Step[] = [{ type: 'SWITCH_SUPPLIER', supplier: { id: 'alt-1' } }];
    const waiting = keep(viewAfter(switched));
    expect(waiting.supplierRefunds.owed).toHaveLength(1);
    expect(waiting.problem).toBeNull();
    expect(keep(viewAfter([...switched, { type: 'STOCK_UNAVAILABLE' }])).problem).toMatchObject({ code: 'stock_unavailable' });
    expect(keep(viewAfter([...switched, ...shipped])).problem).toBeNull();
  });

  it('a final order shows no problem', () => {
    const view = keep(viewAfter([{ type: 'REQUEST_REFUND' }, { type: 'REFUND_ISSUED', amount: 5500 }]));
    expect(view).toMatchObject({ problem: null, outcome: 'refunded', deadlines: [] });
  });

  it('is described exactly by its schema in every situation above', () => {
    expect(views.length).toBeGreaterThanOrEqual(12);
    for (const view of views) expect(orderViewSchema.parse(view)).toEqual(view);
    const fresh = views[0]!;
    expect(orderViewSchema.safeParse({ ...fresh, scope: 'galactic' }).success).toBe(false);
    expect(orderViewSchema.safeParse({ ...fresh, deadlines: [{ name: 'shipAt', dueAt: null, event: 'TIMER.X' }] }).success).toBe(false);
    expect(orderViewSchema.safeParse({ ...fresh, shipBy: 'soon' }).success).toBe(false);
    expect(orderViewSchema.safeParse({ ...fresh, items: [{ ...fresh.items[0], lost: 0.5 }] }).success).toBe(false);
  });
});
