import type { ClientEventPayloads, CreateOrderInput, RefundReason } from './schemas.ts';

/** The deadlines a state can arm, by name; each fires its timer event when it falls due. */
export const deadlineEvents = {
  expediteAt: 'TIMER.EXPEDITE',
  switchSupplierAt: 'TIMER.SWITCH_SUPPLIER',
  customsReminderAt: 'TIMER.CUSTOMS_REMINDER',
  protectionEndsAt: 'TIMER.PROTECTION_ENDED',
  evidenceDueAt: 'TIMER.EVIDENCE_DUE',
  resolutionDueAt: 'TIMER.RESOLUTION_DUE',
  customsEscalateAt: 'TIMER.CUSTOMS_ESCALATE',
  supplierRefundRemindAt: 'TIMER.SUPPLIER_REFUND_REMINDER',
} as const;
export type DeadlineName = keyof typeof deadlineEvents;
export type TimerEventType = (typeof deadlineEvents)[DeadlineName];
export const timerEventTypes = Object.values(deadlineEvents) as TimerEventType[];

/** Deadline lengths. Deployments set the defaults; an order may override the ones a seller would expect to. */
export interface DeadlinePolicy {
  /** R3: calendar days after `shipBy` before the supplier is asked to expedite. */
  expediteAfterDays: number;
  /** R4: calendar days after `shipBy` before a supplier switch (or refund) is due. */
  switchSupplierAfterDays: number;
  /** Days the buyer has to submit evidence after reporting an issue. */
  evidenceDays: number;
  /** Buyer-protection window after delivery, in days. */
  protectionWindowDays: number;
  /** R6: days between customs clearance reminders while a parcel is held. */
  customsReminderDays: number;
  /** R7: working days to execute a reship or refund after successful verification. */
  resolutionWorkingDays: number;
  /** R13: days a customs hold may last before it escalates to the seller (once per hold). */
  customsEscalateAfterDays: number;
  /** R15: days after a supplier switch before an owed supplier refund still open reminds the seller (once). */
  supplierRefundRemindDays: number;
}

export const defaultPolicy: DeadlinePolicy = {
  expediteAfterDays: 2,
  switchSupplierAfterDays: 4,
  evidenceDays: 7,
  protectionWindowDays: 15,
  customsReminderDays: 3,
  resolutionWorkingDays: 15,
  customsEscalateAfterDays: 15,
  supplierRefundRemindDays: 7,
};

export interface OrderItem { sku: string; quantity: number; unitPrice: number }
export interface ClaimedItem { sku: string; quantity: number }
export interface SupplierRecord {
  id: string;
  name?: string;
  /** `replaced`: the seller switched away (R1, R4); that supplier owes a refund of the original order. */
  status: 'active' | 'replaced';
  since: number;
  replacedAt?: number;
  /** R15: the refund of the original order the replaced supplier owes the seller, until SUPPLIER_REFUNDED settles it. */
  originalOrderRefund?: 'owed' | 'settled';
  /** Set when the seller was reminded of the owed refund (once). */
  refundRemindedAt?: number;
}
/** R15: a replaced supplier's refund of the original order, as SUPPLIER_REFUNDED recorded it. */
export interface SupplierRefund { supplierId: string; amount: number; reference?: string; at: number }
/** A parcel: what it carries; `lostAt` when the carrier confirmed its loss (R13). */
export interface Shipment { carrier: string; trackingNumber: string; at: number; kind: 'original' | 'reship'; items?: ClaimedItem[]; lostAt?: number }
export interface Claim {
  kind: 'wrong_item' | 'missing_item' | 'damaged';
  items: ClaimedItem[];
  description?: string;
  reportedAt: number;
  evidence: { kind: 'photo' | 'video'; url: string; at: number }[];
  verification: 'pending' | 'approved' | 'rejected' | null;
  verificationReason?: string;
  resolution: 'reship' | 'refund' | null;
  /** How the claim ended, and when: nothing is owed to the platform once it is set. */
  closed: { at: number; outcome: ClaimOutcome } | null;
}
export type ClaimOutcome = 'evidence_missing' | 'rejected' | 'reshipped' | 'refunded';
/** Where an order returns when a refund leaves money refundable (R11). */
export type RefundReturn = 'preShipment' | 'delivered' | 'inTransit';
export type Outcome =
  | 'refunded'
  | 'protection_window_ended'
  | 'dispute_rejected'
  | 'evidence_missing';

export interface OrderContext {
  orderId: string;
  scope: 'domestic' | 'international';
  sellerEmail: string;
  currency: string;
  items: OrderItem[];
  /** What the buyer paid, in minor units (the sum of the items). */
  paid: number;
  refunds: { amount: number; reference?: string; at: number; items?: ClaimedItem[] }[];
  /** The refund being executed: what is still to be paid back in this refund, its items, and where the order returns if money stays refundable. */
  refundRequest: { amount: number; reason: RefundReason; note?: string; requestedAt: number; items?: ClaimedItem[]; returnTo: RefundReturn } | null;
  /** Items refunded so far (R11): no longer owed to the buyer. */
  refundedItems: ClaimedItem[];
  /** Items the buyer is still owed a shipment of: the order before it ships, a reship once chosen. */
  toShip: ClaimedItem[];
  suppliers: SupplierRecord[];
  supplierRefunds: SupplierRefund[];
  shipBy: number;
  createdAt: number;
  shipments: Shipment[];
  customsHolds: number;
  remindersSent: number;
  deliveredAt: number | null;
  /** Every claim of the order, oldest first; only the last may be open. */
  claims: Claim[];
  /** Set when the current customs hold escalated (R13); cleared when the parcel moves on. */
  customsEscalatedAt: number | null;
  /** Set when a deadline ended or escalated something and nobody has acted since (R16): the order view keeps showing it. */
  notice: { code: 'claim_closed' | 'protection_ended_owed' | 'migrated_dead_end'; at: number; text: string } | null;
  cancellation: { reason: 'customer_cancelled' | 'wrong_address'; requestedAt: number; outcome: 'pending' | 'intercepted' | 'failed' } | null;
  /** Due times (epoch ms) of the deadlines; the states declare which ones are armed. */
  deadlines: Partial<Record<DeadlineName, number>>;
  /** Set when the resolution deadline passed before the reship or refund was executed. */
  escalatedAt: number | null;
  /** Years the working-day calendar did not cover when the resolution deadline was computed. */
  calendarGaps: number[];
  outcome: Outcome | null;
  lastNote: { text: string; at: number; event: string } | null;
  policy: DeadlinePolicy;
}

/** Every event carries the time the engine received it (epoch ms); clients cannot set it. */
interface Stamped { receivedAt: number }
export type ClientEvent = { [K in keyof ClientEventPayloads]: { type: K } & ClientEventPayloads[K] & Stamped }[keyof ClientEventPayloads];
export type TimerEvent = { type: TimerEventType; dueAt: number } & Stamped;
export type OrderEvent = ClientEvent | TimerEvent;

/** What the machine is created from: the validated order plus the engine's stamps. */
export interface OrderInput extends CreateOrderInput { createdAt: number; policyDefaults?: Partial<DeadlinePolicy> }

export const DAY_MS = 86_400_000;

export function refundedTotal(context: Pick<OrderContext, 'refunds'>): number {
  return context.refunds.reduce((sum, r) => sum + r.amount, 0);
}

/** What may still be refunded: never more than was paid. */
export function refundable(context: Pick<OrderContext, 'refunds' | 'paid'>): number {
  return Math.max(0, context.paid - refundedTotal(context));
}

/** The value of a set of claimed items at the order's unit prices. */
export function valueOf(items: readonly ClaimedItem[], order: readonly OrderItem[]): number {
  return items.reduce((sum, c) => sum + c.quantity * (order.find((i) => i.sku === c.sku)?.unitPrice ?? 0), 0);
}

/** Adds or subtracts quantities per SKU; lines at zero are dropped. */
export function addItems(a: readonly ClaimedItem[], b: readonly ClaimedItem[], sign: 1 | -1 = 1): ClaimedItem[] {
  const totals = new Map<string, number>();
  for (const i of a) totals.set(i.sku, (totals.get(i.sku) ?? 0) + i.quantity);
  for (const i of b) totals.set(i.sku, Math.max(0, (totals.get(i.sku) ?? 0) + sign * i.quantity));
  return [...totals].filter(([, q]) => q > 0).map(([sku, quantity]) => ({ sku, quantity }));
}

/** The quantity of a SKU in a list of items. */
export const quantityOf = (items: readonly ClaimedItem[], sku: string) => items.filter((i) => i.sku === sku).reduce((n, i) => n + i.quantity, 0);

/** The claim still open (reported, not closed), if any: owed to the platform until it ends. */
export function openClaim(context: Pick<OrderContext, 'claims'>): Claim | null {
  const last = context.claims.at(-1);
  return last && last.closed === null ? last : null;
}

/** R15: replaced suppliers whose refund of the original order is still owed. */
export const owedSupplierRefunds = (context: Pick<OrderContext, 'suppliers'>) => context.suppliers.filter((s) => s.originalOrderRefund === 'owed');

/** R15: the next reminder of an owed supplier refund: the earliest switch not yet reminded, plus the policy's days. */
export function supplierRefundRemindAt(context: Pick<OrderContext, 'suppliers' | 'policy'>): number | undefined {
  const due = owedSupplierRefunds(context)
    .filter((s) => s.refundRemindedAt === undefined && s.replacedAt !== undefined)
    .map((s) => s.replacedAt! + context.policy.supplierRefundRemindDays * DAY_MS);
  return due.length ? Math.min(...due) : undefined;
}

/** A deadline table with one entry set, or removed when undefined. */
export function withDeadline(deadlines: OrderContext['deadlines'], name: DeadlineName, dueAt: number | undefined): OrderContext['deadlines'] {
  const { [name]: _old, ...rest } = deadlines;
  return dueAt === undefined ? rest : { ...rest, [name]: dueAt };
}

export function createContext(input: OrderInput): OrderContext {
  const policy: DeadlinePolicy = {
    ...defaultPolicy,
    ...input.policyDefaults,
    ...(input.policy?.protectionWindowDays ? { protectionWindowDays: input.policy.protectionWindowDays } : {}),
    ...(input.policy?.evidenceDays ? { evidenceDays: input.policy.evidenceDays } : {}),
  };
  const shipBy = Date.parse(input.shipBy);
  return {
    orderId: input.id,
    scope: input.scope,
    sellerEmail: input.sellerEmail,
    currency: input.currency,
    items: input.items.map((i) => ({ ...i })),
    paid: input.items.reduce((sum, i) => sum + i.quantity * i.unitPrice, 0),
    refunds: [],
    refundRequest: null,
    refundedItems: [],
    toShip: addItems([], input.items),
    suppliers: [{ ...input.supplier, status: 'active', since: input.createdAt }],
    supplierRefunds: [],
    shipBy,
    createdAt: input.createdAt,
    shipments: [],
    customsHolds: 0,
    remindersSent: 0,
    deliveredAt: null,
    claims: [],
    customsEscalatedAt: null,
    notice: null,
    cancellation: null,
    deadlines: overdueDeadlines(shipBy, policy),
    escalatedAt: null,
    calendarGaps: [],
    outcome: null,
    lastNote: null,
    policy,
  };
}

export function overdueDeadlines(shipBy: number, policy: DeadlinePolicy): Partial<Record<DeadlineName, number>> {
  return {
    expediteAt: shipBy + policy.expediteAfterDays * DAY_MS,
    switchSupplierAt: shipBy + policy.switchSupplierAfterDays * DAY_MS,
  };
}
