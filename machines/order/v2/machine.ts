import { and, assign, not, setup } from 'xstate';
import {
  DAY_MS,
  addItems,
  createContext,
  openClaim,
  overdueDeadlines,
  owedSupplierRefunds,
  refundable,
  supplierRefundRemindAt,
  valueOf,
  withDeadline,
  type Claim,
  type ClaimedItem,
  type OrderContext,
  type OrderEvent,
  type OrderInput,
  type RefundReturn,
} from './context.ts';
import { problems, type StateMeta } from './meta.ts';
import type { RefundReason } from './schemas.ts';

export const MACHINE_ID = 'order';
/** Frozen once released: a change of behaviour is a new version (a copy of this folder) with its migration. */
export const MACHINE_VERSION = 2;

/** The side-effect actions: the host writes each one the machine returns to the outbox. */
export const effectActions = [
  'requestExpedite',
  'alertStockProblem',
  'sendCustomsReminder',
  'requestInterception',
  'requestVerification',
  'requestRefund',
  'escalateResolution',
  'escalateCustomsHold',
  'remindSupplierRefund',
  'notifyClaimClosed',
] as const;
export type EffectAction = (typeof effectActions)[number];

/** Adds working days (weekends and holidays skipped) to a time; supplied by the host's calendar. */
export type AddWorkingDays = (fromMs: number, days: number) => { dueAt: number; uncoveredYears: number[] };

export interface OrderMachineOptions {
  /** Working-day arithmetic for the R7 resolution deadline. Default: weekends only, in UTC. */
  addWorkingDays?: AddWorkingDays;
}

/** Weekends-only working days in UTC: the default when the host supplies no calendar. */
export const addWeekdaysUtc: AddWorkingDays = (fromMs, days) => {
  let day = Math.floor(fromMs / DAY_MS);
  for (let left = days; left > 0; ) {
    day += 1;
    const weekday = new Date(day * DAY_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return { dueAt: (day + 1) * DAY_MS, uncoveredYears: [] };
};

type EventOf<T extends OrderEvent['type']> = Extract<OrderEvent, { type: T }>;
const meta = (m: StateMeta) => m;

/** Where a refund is requested from: it sets the default reason, items and amount, and where the order returns (R11). */
export type RefundSource =
  | { from: 'preShipment'; reason: RefundReason }
  | { from: 'claim' }
  | { from: 'reship' }
  | { from: 'parcel' }
  | { from: 'interception' };

/** The parcel a loss or a long customs hold concerns: the latest shipment. */
const lastShipment = (context: OrderContext) => context.shipments.at(-1);

/** The items a refund from `source` covers when the event names none (undefined: an amount, not items). */
function defaultRefundItems(context: OrderContext, source: RefundSource, event: OrderEvent): ClaimedItem[] | undefined {
  // Stryker disable next-line ConditionalExpression: equivalent: amountGiven is read only for a refund from pre-shipment, which only REQUEST_REFUND starts
  const amountGiven = event.type === 'REQUEST_REFUND' && event.amount !== undefined;
  switch (source.from) {
    case 'preShipment':
      return amountGiven ? undefined : context.toShip;
    case 'interception':
      return context.toShip;
    case 'claim': {
      // Stryker disable next-line OptionalChaining,ArrayDeclaration: equivalent: a refund from a claim is requested in awaitingResolution, which always has an open claim
      const items = openClaim(context)?.items ?? [];
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent: refundRequestFor treats no items and an empty list alike (the amount is all that is left, and no items are kept)
      return items.length > 0 ? items : undefined;
    }
    case 'reship':
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, as above
      return context.toShip.length > 0 ? context.toShip : undefined;
    case 'parcel':
      // Stryker disable next-line OptionalChaining: equivalent: a parcel refund is requested in lost or customsEscalated, after a shipment
      return lastShipment(context)?.items;
  }
}

/** The refund a request starts: amount (default: the items' value, else all that is refundable), items, reason, return. */
export function refundRequestFor(context: OrderContext, event: OrderEvent, source: RefundSource): NonNullable<OrderContext['refundRequest']> {
  const left = refundable(context);
  const request = event.type === 'REQUEST_REFUND' ? event : undefined;
  const items = request?.items ?? defaultRefundItems(context, source, event);
  const amount = request?.amount ?? (items && items.length > 0 && source.from !== 'interception' ? Math.min(left, valueOf(items, context.items)) : left);
  const claim = openClaim(context);
  const reason: RefundReason =
    request?.reason ??
    (source.from === 'preShipment'
      ? source.reason
      : source.from === 'interception'
        ? // Stryker disable next-line OptionalChaining,StringLiteral: equivalent: the intercepting state always has a cancellation
          (context.cancellation?.reason ?? 'other')
        : claim?.verification === 'approved'
          ? 'claim'
          : 'parcel_lost');
  const returnTo: RefundReturn =
    source.from === 'preShipment' || source.from === 'interception' ? 'preShipment' : claim || context.deliveredAt !== null ? 'delivered' : 'inTransit';
  return {
    amount,
    reason,
    requestedAt: event.receivedAt,
    returnTo,
    ...(request?.note ? { note: request.note } : {}),
    ...(items && items.length > 0 ? { items } : {}),
  };
}

/** The note an event carries (only events with a `note` field record one; reasons live in their own fields). */
function noteOf(event: OrderEvent): OrderContext['lastNote'] {
  // Stryker disable next-line LogicalOperator: equivalent: an event has a note key only with a note in it (the schemas require a character, JSON has no undefined)
  return 'note' in event && event.note ? { text: event.note, at: event.receivedAt, event: event.type } : null;
}

/** The claims with the open one changed. */
function withOpenClaim(context: OrderContext, change: (claim: Claim) => Claim): Claim[] {
  const open = openClaim(context);
  return open ? [...context.claims.slice(0, -1), change(open)] : context.claims;
}

/** R15: the time a deadline, a settlement or a supplier switch leaves for the next owed-refund reminder. */
const remindAt = (context: Pick<OrderContext, 'suppliers' | 'policy' | 'deadlines'>) =>
  withDeadline(context.deadlines, 'supplierRefundRemindAt', supplierRefundRemindAt(context));

/**
 * Creates the order machine. Pure: no I/O, no clock reads, no delayed events. Side effects are
 * the named `effect` actions, which the host turns into outbox rows; deadlines are due times in
 * context, and each state names in `meta.deadlines` the ones it arms.
 */
export function createOrderMachine({ addWorkingDays = addWeekdaysUtc }: OrderMachineOptions = {}) {
  return setup({
    // Stryker disable next-line ObjectLiteral: equivalent: `types` only informs TypeScript; XState ignores its value
    types: {
      context: {} as OrderContext,
      events: {} as OrderEvent,
      input: {} as OrderInput | undefined,
    },
    actions: {
      // Side effects: never run by the machine; the engine writes each one to the outbox.
      requestExpedite: (_, _params: { supplierId: string }) => {},
      alertStockProblem: (_, _params: { to: string }) => {},
      sendCustomsReminder: (_, _params: { to: string; trackingNumber: string | null; reminder: number }) => {},
      requestInterception: (_, _params: { reason: string }) => {},
      requestVerification: (_, _params: { kind: string; evidence: number }) => {},
      requestRefund: (_, _params: { amount: number; reason: string }) => {},
      escalateResolution: (_, _params: { to: string; resolutionDueAt: number | null }) => {},
      escalateCustomsHold: (_, _params: { to: string; trackingNumber: string | null; heldSince: number | null }) => {},
      remindSupplierRefund: (_, _params: { to: string; supplierIds: string[] }) => {},
      notifyClaimClosed: (_, _params: { to: string; kind: string; outcome: string }) => {},

      recordNote: assign({ lastNote: ({ context, event }) => noteOf(event) ?? context.lastNote }),
      switchSupplier: assign(({ context, event }) => {
        const e = event as EventOf<'SWITCH_SUPPLIER'>;
        const leadTime = Math.max(DAY_MS, context.shipBy - context.createdAt);
        const shipBy = e.shipBy ? Date.parse(e.shipBy) : e.receivedAt + leadTime;
        const suppliers = [
          ...context.suppliers.map((s) =>
            s.status === 'active' ? { ...s, status: 'replaced' as const, replacedAt: e.receivedAt, originalOrderRefund: 'owed' as const } : s,
          ),
          { ...e.supplier, status: 'active' as const, since: e.receivedAt },
        ];
        return { suppliers, shipBy, deadlines: remindAt({ ...context, suppliers, deadlines: { ...context.deadlines, ...overdueDeadlines(shipBy, context.policy) } }) };
      }),
      settleSupplierRefund: assign(({ context, event }) => {
        const e = event as EventOf<'SUPPLIER_REFUNDED'>;
        const suppliers = context.suppliers.map((s) => (s.id === e.supplierId && s.originalOrderRefund === 'owed' ? { ...s, originalOrderRefund: 'settled' as const } : s));
        return {
          suppliers,
          supplierRefunds: [...context.supplierRefunds, { supplierId: e.supplierId, amount: e.amount, at: e.receivedAt, ...(e.reference ? { reference: e.reference } : {}) }],
          deadlines: remindAt({ ...context, suppliers }),
        };
      }),
      markSupplierRefundReminded: assign(({ context, event }) => {
        const suppliers = context.suppliers.map((s) =>
          s.originalOrderRefund === 'owed' && s.refundRemindedAt === undefined && s.replacedAt! + context.policy.supplierRefundRemindDays * DAY_MS <= event.receivedAt
            ? { ...s, refundRemindedAt: event.receivedAt }
            : s,
        );
        return { suppliers, deadlines: remindAt({ ...context, suppliers }) };
      }),
      startRefund: assign(({ context, event }, source: RefundSource) => {
        const refundRequest = refundRequestFor(context, event, source);
        const fromClaim = source.from === 'claim' || (source.from === 'reship' && openClaim(context) !== null);
        return {
          refundRequest,
          claims: fromClaim ? withOpenClaim(context, (c) => ({ ...c, resolution: 'refund' as const })) : context.claims,
          // R12: a reship turned into a refund ships nothing more.
          toShip: source.from === 'reship' ? [] : context.toShip,
          notice: null,
        };
      }),
      recordRefund: assign(({ context, event }) => {
        const e = event as EventOf<'REFUND_ISSUED'>;
        // Stryker disable next-line OptionalChaining: equivalent: only the refund state runs this, and it always has a refundRequest
        const request = context.refundRequest!;
        const owed = Math.max(0, request.amount - e.amount);
        const settled = owed === 0;
        const items = settled ? request.items : undefined;
        const refund = { amount: e.amount, at: e.receivedAt, ...(e.reference ? { reference: e.reference } : {}), ...(items ? { items } : {}) };
        const claims = settled ? withOpenClaim(context, (c) => ({ ...c, closed: { at: e.receivedAt, outcome: 'refunded' as const } })) : context.claims;
        const closesClaim = settled && openClaim(context) !== null;
        return {
          refunds: [...context.refunds, refund],
          refundRequest: settled ? null : { ...request, amount: owed },
          refundedItems: items ? addItems(context.refundedItems, items) : context.refundedItems,
          toShip: items ? addItems(context.toShip, items, -1) : context.toShip,
          claims,
          deadlines: closesClaim ? withDeadline(context.deadlines, 'resolutionDueAt', undefined) : context.deadlines,
        };
      }),
      recordShipment: assign(({ context, event }) => {
        const e = event as EventOf<'SHIPPED'>;
        return {
          shipments: [...context.shipments, { carrier: e.carrier, trackingNumber: e.trackingNumber, at: e.receivedAt, kind: 'original' as const, items: context.toShip }],
          toShip: [],
        };
      }),
      recordReshipment: assign(({ context, event }) => {
        const e = event as EventOf<'RESHIPPED'>;
        return {
          shipments: [...context.shipments, { carrier: e.carrier, trackingNumber: e.trackingNumber, at: e.receivedAt, kind: 'reship' as const, items: context.toShip }],
          toShip: [],
          claims: withOpenClaim(context, (c) => ({ ...c, closed: { at: e.receivedAt, outcome: 'reshipped' as const } })),
          deadlines: withDeadline(context.deadlines, 'resolutionDueAt', undefined),
          customsEscalatedAt: null,
        };
      }),
      chooseReship: assign(({ context, event }) => {
        const e = event as EventOf<'REQUEST_RESHIP'>;
        const claim = openClaim(context);
        if (claim) {
          const items = e.items ?? claim.items;
          return { claims: withOpenClaim(context, (c) => ({ ...c, resolution: 'reship' as const, items })), toShip: items };
        }
        // R13: the same items again, after a loss or a customs hold that did not clear.
        // Stryker disable next-line OptionalChaining,ArrayDeclaration: equivalent: a parcel was shipped before it could be lost or held
        return { toShip: e.items ?? lastShipment(context)?.items ?? [], notice: null };
      }),
      holdInCustoms: assign(({ context, event }) => ({
        customsHolds: context.customsHolds + 1,
        remindersSent: context.remindersSent + 1,
        deadlines: {
          ...context.deadlines,
          customsReminderAt: event.receivedAt + context.policy.customsReminderDays * DAY_MS,
          customsEscalateAt: event.receivedAt + context.policy.customsEscalateAfterDays * DAY_MS,
        },
      })),
      repeatCustomsReminder: assign(({ context, event }) => ({
        remindersSent: context.remindersSent + 1,
        // From the firing time, not the due time: after downtime one reminder catches up, not a burst.
        deadlines: { ...context.deadlines, customsReminderAt: event.receivedAt + context.policy.customsReminderDays * DAY_MS },
      })),
      escalateCustoms: assign(({ context, event }) => ({
        customsEscalatedAt: event.receivedAt,
        // Stryker disable next-line StringLiteral: equivalent: only customsHold arms the customs deadlines, and holdInCustoms sets both afresh, so a stale one is never armed
        deadlines: withDeadline(withDeadline(context.deadlines, 'customsEscalateAt', undefined), 'customsReminderAt', undefined),
      })),
      leaveCustoms: assign(({ context }) => ({
        customsEscalatedAt: null,
        // Stryker disable next-line StringLiteral: equivalent: only customsHold arms the customs deadlines, and holdInCustoms sets both afresh, so a stale one is never armed
        deadlines: withDeadline(withDeadline(context.deadlines, 'customsEscalateAt', undefined), 'customsReminderAt', undefined),
      })),
      recordLoss: assign(({ context, event }) => ({
        shipments: context.shipments.map((s, i) => (i === context.shipments.length - 1 ? { ...s, lostAt: event.receivedAt } : s)),
        customsEscalatedAt: null,
        // Stryker disable next-line StringLiteral: equivalent: only customsHold arms the customs deadlines, and holdInCustoms sets both afresh, so a stale one is never armed
        deadlines: withDeadline(withDeadline(context.deadlines, 'customsEscalateAt', undefined), 'customsReminderAt', undefined),
      })),
      recordDelivery: assign(({ context, event }) => {
        const e = event as EventOf<'DELIVERED'>;
        const deliveredAt = e.at ? Date.parse(e.at) : e.receivedAt;
        return {
          deliveredAt,
          customsEscalatedAt: null,
          deadlines: {
            // Stryker disable next-line StringLiteral: equivalent: only customsHold arms the customs deadlines, and holdInCustoms sets both afresh, so a stale one is never armed
            ...withDeadline(withDeadline(context.deadlines, 'customsEscalateAt', undefined), 'customsReminderAt', undefined),
            protectionEndsAt: deliveredAt + context.policy.protectionWindowDays * DAY_MS,
          },
        };
      }),
      openClaim: assign(({ context, event }) => {
        const e = event as EventOf<'ISSUE_REPORTED'>;
        const claim: Claim = {
          kind: e.kind,
          items: e.items ?? [],
          reportedAt: e.receivedAt,
          evidence: [],
          verification: null,
          resolution: null,
          closed: null,
          ...(e.description ? { description: e.description } : {}),
        };
        return {
          claims: [...context.claims, claim],
          notice: null,
          deadlines: { ...context.deadlines, evidenceDueAt: e.receivedAt + context.policy.evidenceDays * DAY_MS },
        };
      }),
      addEvidence: assign({
        claims: ({ context, event }) => {
          const e = event as EventOf<'EVIDENCE_SUBMITTED'>;
          return withOpenClaim(context, (c) => ({ ...c, verification: 'pending' as const, evidence: [...c.evidence, ...e.media.map((m) => ({ ...m, at: e.receivedAt }))] }));
        },
      }),
      closeClaimForMissingEvidence: assign(({ context, event }) => ({
        claims: withOpenClaim(context, (c) => ({ ...c, closed: { at: event.receivedAt, outcome: 'evidence_missing' as const } })),
        notice: { code: 'claim_closed' as const, at: event.receivedAt, text: 'The claim was closed: no evidence arrived before the evidence deadline.' },
      })),
      approveClaim: assign(({ context, event }) => {
        const e = event as EventOf<'VERIFICATION_APPROVED'>;
        const { dueAt, uncoveredYears } = addWorkingDays(e.receivedAt, context.policy.resolutionWorkingDays);
        return {
          claims: withOpenClaim(context, (c) => ({ ...c, verification: 'approved' as const, ...(e.reason ? { verificationReason: e.reason } : {}) })),
          deadlines: { ...context.deadlines, resolutionDueAt: dueAt },
          // A new approval starts a new deadline: an escalation of an earlier claim must not disarm it.
          escalatedAt: null,
          calendarGaps: uncoveredYears,
        };
      }),
      rejectClaim: assign({
        claims: ({ context, event }) => {
          const e = event as EventOf<'VERIFICATION_REJECTED'>;
          return withOpenClaim(context, (c) => ({
            ...c,
            verification: 'rejected' as const,
            closed: { at: e.receivedAt, outcome: 'rejected' as const },
            ...(e.reason ? { verificationReason: e.reason } : {}),
          }));
        },
      }),
      escalate: assign({ escalatedAt: ({ event }) => event.receivedAt }),
      endProtectionOwed: assign(({ context, event }) => ({
        deadlines: withDeadline(context.deadlines, 'protectionEndsAt', undefined),
        notice: { code: 'protection_ended_owed' as const, at: event.receivedAt, text: 'The buyer-protection window has ended; the order stays open until the replaced supplier refunds the original order (R15).' },
      })),
      startInterception: assign({
        cancellation: ({ event }) => ({
          reason: (event as EventOf<'CANCEL_REQUESTED'>).reason,
          requestedAt: event.receivedAt,
          outcome: 'pending' as const,
        }),
      }),
      endInterception: assign({
        cancellation: ({ context }, params: { outcome: 'intercepted' | 'failed' }) =>
          context.cancellation && { ...context.cancellation, outcome: params.outcome },
      }),
      setOutcome: assign({ outcome: (_, params: { outcome: NonNullable<OrderContext['outcome']> }) => params.outcome }),
      /** A delivered order ends without a refund: its last claim, if the platform rejected it or no evidence came, says why (as in version 1). */
      setOutcomeOfDelivery: assign({
        outcome: ({ context }) => {
          const last = context.claims.at(-1)?.closed?.outcome;
          return last === 'rejected' ? ('dispute_rejected' as const) : last === 'evidence_missing' ? ('evidence_missing' as const) : ('protection_window_ended' as const);
        },
      }),
    },
    guards: {
      isDomestic: ({ context }) => context.scope === 'domestic',
      isInternational: ({ context }) => context.scope === 'international',
      canRefund: ({ context, event }, source: RefundSource) => {
        // R14 (R9, R10): a cancellation or wrong address is intercepted (domestic) or refused (international), never refunded directly.
        if (event.type === 'REQUEST_REFUND' && (event.reason === 'customer_cancelled' || event.reason === 'wrong_address')) return false;
        const { amount } = refundRequestFor(context, event, source);
        return amount > 0 && amount <= refundable(context);
      },
      settlesRefund: ({ context, event }) =>
        // Stryker disable next-line OptionalChaining: equivalent: only the refund state runs this, and it always has a refundRequest
        event.type === 'REFUND_ISSUED' && context.refundRequest !== null && event.amount >= context.refundRequest.amount,
      partOfRefund: ({ context, event }) => event.type === 'REFUND_ISSUED' && context.refundRequest !== null && event.amount < context.refundRequest.amount,
      /** After this refund nothing is refundable: the buyer is owed nothing more (R11). */
      leavesNothingRefundable: ({ context, event }) => event.type === 'REFUND_ISSUED' && refundable(context) - event.amount <= 0,
      returnsToPreShipment: ({ context }) => context.refundRequest?.returnTo === 'preShipment',
      returnsToDelivered: ({ context }) => context.refundRequest?.returnTo === 'delivered',
      expediteStillAhead: ({ context, event }) => (context.deadlines.expediteAt ?? 0) > event.receivedAt,
      switchStillAhead: ({ context, event }) => (context.deadlines.switchSupplierAt ?? 0) > event.receivedAt,
      owesSupplierRefund: ({ context }) => owedSupplierRefunds(context).length > 0,
      noSupplierRefundOwed: ({ context }) => owedSupplierRefunds(context).length === 0,
      /** SUPPLIER_REFUNDED settles the last owed supplier refund. */
      settlesLastOwed: ({ context, event }) => {
        const owed = owedSupplierRefunds(context);
        return event.type === 'SUPPLIER_REFUNDED' && owed.length === 1 && owed[0]!.id === event.supplierId;
      },
      noRefundPending: ({ context }) => context.refundRequest === null,
      protectionRunning: ({ context }) => context.deadlines.protectionEndsAt !== undefined,
      resolutionArmed: ({ context }) => context.deadlines.resolutionDueAt !== undefined && context.escalatedAt === null,
    },
  }).createMachine({
    id: MACHINE_ID,
    initial: 'preShipment',
    context: ({ input }) => createContext(input ?? placeholderInput),
    meta: meta({ description: 'An order, from the purchase with the supplier to the end of its after-sales.', deadlines: ['supplierRefundRemindAt'] }),
    on: {
      // R15: an owed supplier refund is settled whatever else the order is doing, and reminded once.
      SUPPLIER_REFUNDED: { guard: 'owesSupplierRefund', actions: ['settleSupplierRefund', 'recordNote'] },
      'TIMER.SUPPLIER_REFUND_REMINDER': {
        actions: [
          {
            type: 'remindSupplierRefund',
            params: ({ context, event }) => ({
              to: context.sellerEmail,
              supplierIds: owedSupplierRefunds(context)
                .filter((s) => s.refundRemindedAt === undefined && s.replacedAt! + context.policy.supplierRefundRemindDays * DAY_MS <= event.receivedAt)
                .map((s) => s.id),
            }),
          },
          'markSupplierRefundReminded',
        ],
      },
    },
    states: {
      preShipment: {
        initial: 'processing',
        meta: meta({ description: 'Ordered with the supplier, not yet shipped.' }),
        states: {
          processing: {
            initial: 'awaitingShipment',
            meta: meta({ description: 'The supplier is to ship; overdue follow-up and supplier problems.' }),
            on: {
              SHIPPED: { target: '#order.inTransit', actions: 'recordShipment' },
              STOCK_UNAVAILABLE: { target: '.stockUnavailable', actions: 'recordNote' },
              ITEM_OVERSIZED: { target: '.oversized', actions: 'recordNote' },
              SUPPLIER_UNRESPONSIVE: { target: '.supplierUnresponsive', actions: 'recordNote' },
              SWITCH_SUPPLIER: { target: '.awaitingShipment', actions: 'switchSupplier' },
              CANCEL_REQUESTED: interceptionRequested('#order.preShipment.intercepting'),
            },
            states: {
              awaitingShipment: {
                meta: meta({ description: 'Waiting for the supplier to ship by `shipBy`.', waitsOn: 'supplier', deadlines: ['expediteAt', 'switchSupplierAt'] }),
                on: {
                  SUPPLIER_CONTACTED: { actions: 'recordNote' },
                  REQUEST_REFUND: refundRequested({ from: 'preShipment', reason: 'other' }),
                  'TIMER.EXPEDITE': {
                    target: 'expediting',
                    actions: { type: 'requestExpedite', params: ({ context }) => ({ supplierId: activeSupplierId(context) }) },
                  },
                  'TIMER.SWITCH_SUPPLIER': { target: 'stockProblem', actions: { type: 'alertStockProblem', params: ({ context }) => ({ to: context.sellerEmail }) } },
                },
              },
              expediting: {
                meta: meta({ description: 'Shipment 2 days overdue; the supplier was asked to expedite.', waitsOn: 'supplier', deadlines: ['switchSupplierAt'], problem: problems.shipmentOverdue }),
                on: {
                  SUPPLIER_CONTACTED: { actions: 'recordNote' },
                  REQUEST_REFUND: refundRequested({ from: 'preShipment', reason: 'shipment_overdue' }),
                  'TIMER.SWITCH_SUPPLIER': { target: 'stockProblem', actions: { type: 'alertStockProblem', params: ({ context }) => ({ to: context.sellerEmail }) } },
                },
              },
              stockProblem: {
                meta: meta({ description: 'Shipment 4 days overdue.', waitsOn: 'seller', problem: problems.stockProblem, noDeadlineReason: 'R4 ends the overdue escalation: the seller decides between another supplier and a refund, and the seed sets no further deadline.' }),
                on: { SUPPLIER_CONTACTED: { actions: 'recordNote' }, REQUEST_REFUND: refundRequested({ from: 'preShipment', reason: 'shipment_overdue' }) },
              },
              stockUnavailable: {
                meta: meta({ description: 'The supplier has no stock.', waitsOn: 'seller', problem: problems.stockUnavailable, noDeadlineReason: 'R1: the seller decides between a refund and another supplier; the seed sets no deadline for that choice.' }),
                on: { REQUEST_REFUND: refundRequested({ from: 'preShipment', reason: 'out_of_stock' }) },
              },
              oversized: {
                meta: meta({ description: 'The item is oversized or overweight.', waitsOn: 'seller', problem: problems.oversized, noDeadlineReason: 'R2 only recommends a refund; the seller decides when.' }),
                on: { REQUEST_REFUND: refundRequested({ from: 'preShipment', reason: 'oversized' }) },
              },
              supplierUnresponsive: {
                meta: meta({ description: 'The supplier does not answer.', waitsOn: 'seller', problem: problems.supplierUnresponsive, noDeadlineReason: 'R5 recommends a refund at once; the seller sends it, no timer can decide for them.' }),
                on: { REQUEST_REFUND: refundRequested({ from: 'preShipment', reason: 'supplier_unresponsive' }) },
              },
              // Stryker disable next-line StringLiteral: equivalent: XState makes a node with a `history` key a history node, and shallow is its default
              hist: { type: 'history', history: 'shallow' },
            },
          },
          intercepting: interceptingState('processing.hist', 'supplier'),
        },
      },
      inTransit: {
        initial: 'shipping',
        meta: meta({ description: 'Shipped; the carrier has the parcel.' }),
        states: {
          shipping: {
            initial: 'onTheWay',
            meta: meta({ description: 'The parcel travels.' }),
            on: {
              DELIVERED: { target: '#order.delivered', actions: 'recordDelivery' },
            },
            states: {
              onTheWay: {
                meta: meta({ description: 'With the carrier.', waitsOn: 'carrier', noDeadlineReason: 'The carrier delivers; the seed sets no transit deadline, customs holds have their own reminders and escalation, and a lost parcel is reported (PARCEL_LOST).' }),
                on: {
                  CUSTOMS_HELD: { guard: 'isInternational', target: 'customsHold', actions: ['recordNote', 'holdInCustoms', customsReminder] },
                  CANCEL_REQUESTED: interceptionRequested('#order.inTransit.intercepting'),
                  PARCEL_LOST: { target: 'lost', actions: ['recordNote', 'recordLoss'] },
                },
              },
              customsHold: {
                meta: meta({ description: 'Held in customs; the seller is reminded to inform the buyer (R6), and hears once if the hold lasts too long (R13).', waitsOn: 'customs', deadlines: ['customsReminderAt', 'customsEscalateAt'], problem: problems.customsHold }),
                on: {
                  CUSTOMS_CLEARED: { target: 'onTheWay', actions: ['recordNote', 'leaveCustoms'] },
                  PARCEL_LOST: { target: 'lost', actions: ['recordNote', 'recordLoss'] },
                  'TIMER.CUSTOMS_REMINDER': { actions: ['repeatCustomsReminder', customsReminder] },
                  'TIMER.CUSTOMS_ESCALATE': {
                    target: 'customsEscalated',
                    actions: [
                      {
                        type: 'escalateCustomsHold',
                        params: ({ context }) => ({
                          to: context.sellerEmail,
                          // Stryker disable next-line OptionalChaining: equivalent: a held parcel was shipped
                          trackingNumber: lastShipment(context)?.trackingNumber ?? null,
                          heldSince: context.deadlines.customsEscalateAt === undefined ? null : context.deadlines.customsEscalateAt - context.policy.customsEscalateAfterDays * DAY_MS,
                        }),
                      },
                      'escalateCustoms',
                    ],
                  },
                },
              },
              customsEscalated: {
                meta: meta({
                  description: 'Held in customs for longer than CUSTOMS_ESCALATE_AFTER_DAYS; the seller was told once (R13).',
                  waitsOn: 'seller',
                  problem: problems.customsEscalated,
                  noDeadlineReason: 'R13 escalates once: the seller decides between waiting for clearance, a reship and a refund, and the order shows the problem until then.',
                }),
                on: {
                  CUSTOMS_CLEARED: { target: 'onTheWay', actions: ['recordNote', 'leaveCustoms'] },
                  PARCEL_LOST: { target: 'lost', actions: ['recordNote', 'recordLoss'] },
                  REQUEST_RESHIP: { target: '#order.reship', actions: ['recordLoss', 'chooseReship'] },
                  REQUEST_REFUND: refundRequested({ from: 'parcel' }),
                },
              },
              lost: {
                meta: meta({
                  description: 'The carrier confirmed the parcel lost (R13).',
                  waitsOn: 'seller',
                  problem: problems.parcelLost,
                  noDeadlineReason: 'R13: the seller chooses a reship or a refund; the order shows the problem until then.',
                }),
                on: {
                  REQUEST_RESHIP: { target: '#order.reship', actions: 'chooseReship' },
                  REQUEST_REFUND: refundRequested({ from: 'parcel' }),
                },
              },
              // Stryker disable next-line StringLiteral: equivalent, as above
              hist: { type: 'history', history: 'shallow' },
            },
          },
          intercepting: interceptingState('shipping.hist', 'carrier'),
        },
      },
      delivered: {
        meta: meta({ description: 'Delivered; the buyer-protection window is open.', waitsOn: 'buyer', deadlines: ['protectionEndsAt'], noDeadlineReason: 'Once the protection window has ended, the order waits only for an owed supplier refund (R15), which has its reminder.' }),
        on: {
          ISSUE_REPORTED: { guard: 'protectionRunning', target: 'dispute', actions: 'openClaim' },
          'TIMER.PROTECTION_ENDED': [
            { guard: 'noSupplierRefundOwed', target: 'completed', actions: 'setOutcomeOfDelivery' },
            { actions: 'endProtectionOwed' },
          ],
          SUPPLIER_REFUNDED: {
            guard: and(['settlesLastOwed', not('protectionRunning')]),
            target: 'completed',
            actions: [
              'settleSupplierRefund',
              // Stryker disable next-line StringLiteral: equivalent: SUPPLIER_REFUNDED carries no note (its schema has none), so recordNote keeps the last note
              'recordNote',
              'setOutcomeOfDelivery',
            ],
          },
        },
      },
      dispute: {
        meta: meta({ description: 'The buyer reported wrong, missing or damaged items (R7, R8); evidence is due.', waitsOn: 'buyer', deadlines: ['evidenceDueAt'], problem: problems.evidenceNeeded }),
        on: {
          EVIDENCE_SUBMITTED: {
            target: 'verification',
            actions: [
              'addEvidence',
              {
                type: 'requestVerification',
                params: ({ context }) => ({
                  // Stryker disable next-line OptionalChaining,StringLiteral: equivalent: the dispute state always has an open claim, so the fallback is never used
                  kind: openClaim(context)?.kind ?? 'unknown',
                  // Stryker disable next-line OptionalChaining: equivalent, as above
                  evidence: openClaim(context)?.evidence.length ?? 0,
                }),
              },
            ],
          },
          // R16: the claim ends, the seller hears of it, and the order returns to its protection window (further claims stay possible).
          'TIMER.EVIDENCE_DUE': {
            target: 'delivered',
            actions: [
              {
                type: 'notifyClaimClosed',
                params: ({ context }) => ({
                  to: context.sellerEmail,
                  // Stryker disable next-line OptionalChaining,StringLiteral: equivalent: the dispute state always has an open claim, so the fallback is never used
                  kind: openClaim(context)?.kind ?? 'unknown',
                  outcome: 'evidence_missing',
                }),
              },
              'closeClaimForMissingEvidence',
            ],
          },
        },
      },
      verification: {
        initial: 'awaitingPlatform',
        meta: meta({ description: 'Evidence submitted; the platform verifies (R7).' }),
        states: {
          awaitingPlatform: {
            meta: meta({ description: 'The platform verifies the evidence.', waitsOn: 'platform', problem: problems.verificationPending, noDeadlineReason: 'The seed gives the platform no time limit; the 15 working days start at approval.' }),
            on: {
              EVIDENCE_SUBMITTED: { actions: 'addEvidence' },
              VERIFICATION_APPROVED: { target: 'awaitingResolution', actions: 'approveClaim' },
              VERIFICATION_REJECTED: { target: 'rejected', actions: 'rejectClaim' },
            },
          },
          // The claim ends, not the order: back to its protection window (R11: claims on other items stay possible); it
          // completes when the window ends, with the outcome `dispute_rejected` (version 1 completed it at once).
          rejected: {
            meta: meta({ description: 'The platform rejected the claim; the order returns to its protection window at once.' }),
            always: { target: '#order.delivered' },
          },
          awaitingResolution: {
            meta: meta({ description: 'Verified: the seller chooses a reship or a refund, due within 15 working days.', waitsOn: 'seller', deadlines: ['resolutionDueAt'], problem: problems.resolutionDue }),
            on: {
              REQUEST_RESHIP: { target: '#order.reship', actions: 'chooseReship' },
              REQUEST_REFUND: refundRequested({ from: 'claim' }),
              'TIMER.RESOLUTION_DUE': resolutionMissed(),
            },
          },
        },
      },
      reship: {
        meta: meta({
          description: 'A replacement shipment is being prepared (R7, R13).',
          waitsOn: 'supplier',
          deadlines: ['resolutionDueAt'],
          problem: problems.reshipDue,
          noDeadlineReason: 'A reship after a lost parcel or a customs hold (R13) has no deadline in the rules; after a verified claim the resolution deadline applies.',
        }),
        on: {
          RESHIPPED: { target: 'inTransit', actions: 'recordReshipment' },
          // R12: the supplier cannot reship: the same items are refunded instead; the resolution deadline keeps running.
          REQUEST_REFUND: refundRequested({ from: 'reship' }),
          'TIMER.RESOLUTION_DUE': resolutionMissed(),
        },
      },
      refund: {
        meta: meta({
          description: 'A refund is being executed, or the replaced supplier still owes the refund of the original order (R15).',
          waitsOn: 'supplier',
          deadlines: ['resolutionDueAt'],
          problem: problems.refundDue,
          noDeadlineReason: 'A refund outside a verified claim (R1, R2, R4, R5, R9, R13) has no deadline in the rules; after a verified claim the resolution deadline applies; an owed supplier refund has its reminder.',
        }),
        on: {
          REFUND_ISSUED: [
            {
              guard: and(['settlesRefund', 'leavesNothingRefundable', 'noSupplierRefundOwed']),
              target: 'refunded',
              actions: ['recordRefund', { type: 'setOutcome', params: { outcome: 'refunded' } }],
            },
            // Nothing more for the buyer, but a replaced supplier still owes the seller (R15): the order stays here.
            { guard: and(['settlesRefund', 'leavesNothingRefundable']), actions: 'recordRefund' },
            // R11: money stays refundable: back to where the order was.
            { guard: and(['settlesRefund', 'returnsToPreShipment', 'expediteStillAhead']), target: '#order.preShipment.processing.awaitingShipment', actions: 'recordRefund' },
            { guard: and(['settlesRefund', 'returnsToPreShipment', 'switchStillAhead']), target: '#order.preShipment.processing.expediting', actions: 'recordRefund' },
            { guard: and(['settlesRefund', 'returnsToPreShipment']), target: '#order.preShipment.processing.stockProblem', actions: 'recordRefund' },
            { guard: and(['settlesRefund', 'returnsToDelivered']), target: 'delivered', actions: 'recordRefund' },
            { guard: 'settlesRefund', target: '#order.inTransit.shipping.hist', actions: 'recordRefund' },
            { guard: 'partOfRefund', actions: 'recordRefund' },
          ],
          SUPPLIER_REFUNDED: {
            guard: and(['settlesLastOwed', 'noRefundPending']),
            target: 'refunded',
            actions: [
              'settleSupplierRefund',
              // Stryker disable next-line StringLiteral: equivalent, as in delivered
              'recordNote',
              { type: 'setOutcome', params: { outcome: 'refunded' } },
            ],
          },
          'TIMER.RESOLUTION_DUE': resolutionMissed(),
        },
      },
      refunded: { type: 'final', meta: meta({ description: 'Final: money returned, nothing owed to anyone.' }) },
      completed: { type: 'final', meta: meta({ description: 'Final: ended without a refund, nothing owed to anyone.' }) },
    },
  });
}

/** A REQUEST_REFUND from a state: the refund it starts, and its request to the payment side. */
function refundRequested(source: RefundSource) {
  return {
    guard: { type: 'canRefund', params: source },
    target: '#order.refund',
    actions: [
      { type: 'startRefund', params: source },
      {
        type: 'requestRefund',
        // Stryker disable next-line OptionalChaining,StringLiteral: equivalent: startRefund, the action before it, has just set the refundRequest (with a reason)
        params: ({ context }: { context: OrderContext }) => ({ amount: context.refundRequest?.amount ?? 0, reason: context.refundRequest?.reason ?? 'other' }),
      },
    ],
  } as const;
}

/** R9: a domestic cancellation or wrong address starts an interception; R10 refuses the rest (guard). */
function interceptionRequested(target: '#order.preShipment.intercepting' | '#order.inTransit.intercepting') {
  return {
    guard: 'isDomestic',
    target,
    actions: ['startInterception', { type: 'requestInterception', params: ({ event }: { event: OrderEvent }) => ({ reason: (event as EventOf<'CANCEL_REQUESTED'>).reason }) }],
  } as const;
}

/** R9: an order being intercepted. Success is refunded in full; failure returns to where the order was. */
function interceptingState(resumeAt: 'processing.hist' | 'shipping.hist', waitsOn: 'supplier' | 'carrier') {
  return {
    meta: meta({
      description: `A domestic cancellation or wrong address: the ${waitsOn === 'supplier' ? 'order' : 'parcel'} is being intercepted (R9).`,
      waitsOn,
      problem: problems.interception,
      noDeadlineReason: `The ${waitsOn} reports the outcome of the interception; the seed sets no time limit for it.`,
    }),
    on: {
      INTERCEPT_SUCCEEDED: {
        target: '#order.refund',
        actions: [
          { type: 'endInterception', params: { outcome: 'intercepted' } },
          { type: 'startRefund', params: { from: 'interception' } },
          {
            type: 'requestRefund',
            // Stryker disable next-line OptionalChaining,StringLiteral: equivalent: startRefund, the action before it, has just set the refundRequest (with a reason)
            params: ({ context }: { context: OrderContext }) => ({ amount: context.refundRequest?.amount ?? 0, reason: context.refundRequest?.reason ?? 'other' }),
          },
        ],
      },
      INTERCEPT_FAILED: { target: resumeAt, actions: [{ type: 'endInterception', params: { outcome: 'failed' } }, 'recordNote'] },
    },
  } as const;
}

function activeSupplierId(context: OrderContext): string {
  // Stryker disable next-line OptionalChaining: equivalent: an order always has exactly one active supplier
  return context.suppliers.find((s) => s.status === 'active')?.id ?? (
    // Stryker disable next-line StringLiteral: equivalent, as above: the fallback is never used
    ''
  );
}

const customsReminder = {
  type: 'sendCustomsReminder',
  params: ({ context }: { context: OrderContext }) => ({
    to: context.sellerEmail,
    // Stryker disable next-line OptionalChaining: equivalent: a parcel is held in customs only after it shipped
    trackingNumber: context.shipments.at(-1)?.trackingNumber ?? null,
    reminder: context.remindersSent,
  }),
} as const;

/** A missed resolution deadline escalates; the order keeps waiting for the reship or refund. */
function resolutionMissed() {
  return {
    guard: 'resolutionArmed',
    actions: [
      'escalate',
      { type: 'escalateResolution', params: ({ context }: { context: OrderContext }) => ({ to: context.sellerEmail, resolutionDueAt: context.deadlines.resolutionDueAt ?? null }) },
    ],
  } as const;
}

/** Used only when XState builds a throwaway initial snapshot without input (pure `transition()`). */
// Its values are never seen: XState builds that snapshot (on every pure transition) and discards it,
// so a changed value is an equivalent mutant. Even an input createContext cannot read shows nothing:
// XState goes on when the context factory of that snapshot throws (checked on 2026-12-01 with a
// factory that throws without input: the pure transition still returns the next snapshot).
// Stryker disable next-line ObjectLiteral: equivalent, as just said
const placeholderInput: OrderInput = {
  // Stryker disable next-line StringLiteral: equivalent: the placeholder snapshot is discarded
  id: 'placeholder',
  // Stryker disable next-line StringLiteral: equivalent, as above
  scope: 'domestic',
  // Stryker disable next-line StringLiteral: equivalent, as above
  sellerEmail: 'placeholder@example.invalid',
  // Stryker disable next-line ObjectLiteral,StringLiteral: equivalent, as above
  supplier: { id: 'placeholder' },
  // Stryker disable next-line ArrayDeclaration,ObjectLiteral,StringLiteral: equivalent, as above (an empty list or item is read as well)
  items: [{ sku: 'placeholder', quantity: 1, unitPrice: 0 }],
  // Stryker disable next-line StringLiteral: equivalent, as above
  currency: 'XXX',
  // Stryker disable next-line StringLiteral: equivalent, as above (an unreadable date makes NaN due times, which nothing reads)
  shipBy: '1970-01-01T00:00:00Z',
  createdAt: 0,
};

export type OrderMachine = ReturnType<typeof createOrderMachine>;
export type OrderSnapshot = ReturnType<OrderMachine['resolveState']>;
export type { ClaimedItem };
