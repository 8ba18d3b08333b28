import type { ClientEventPayloads, CreateOrderInput } from './schemas.ts';

/** The deadlines a state can arm, by name; each fires its timer event when it falls due. */
export const deadlineEvents = {
  expediteAt: 'TIMER.EXPEDITE',
  switchSupplierAt: 'TIMER.SWITCH_SUPPLIER',
  customsReminderAt: 'TIMER.CUSTOMS_REMINDER',
  protectionEndsAt: 'TIMER.PROTECTION_ENDED',
  evidenceDueAt: 'TIMER.EVIDENCE_DUE',
  resolutionDueAt: 'TIMER.RESOLUTION_DUE',
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
}

export const defaultPolicy: DeadlinePolicy = {
  expediteAfterDays: 2,
  switchSupplierAfterDays: 4,
  evidenceDays: 7,
  protectionWindowDays: 15,
  customsReminderDays: 3,
  resolutionWorkingDays: 15,
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
  originalOrderRefund?: 'owed';
}
export interface Shipment { carrier: string; trackingNumber: string; at: number; kind: 'original' | 'reship'; items?: ClaimedItem[] }
export interface Claim {
  kind: 'wrong_item' | 'missing_item' | 'damaged';
  items: ClaimedItem[];
  description?: string;
  reportedAt: number;
  evidence: { kind: 'photo' | 'video'; url: string; at: number }[];
  verification: 'pending' | 'approved' | 'rejected' | null;
  verificationReason?: string;
  resolution: 'reship' | 'refund' | null;
}
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
  refunds: { amount: number; reference?: string; at: number }[];
  /** The refund being executed: what is still to be paid back in this refund. */
  refundRequest: { amount: number; reason?: string; requestedAt: number; items?: ClaimedItem[] } | null;
  suppliers: SupplierRecord[];
  shipBy: number;
  createdAt: number;
  shipments: Shipment[];
  customsHolds: number;
  remindersSent: number;
  deliveredAt: number | null;
  claim: Claim | null;
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
    suppliers: [{ ...input.supplier, status: 'active', since: input.createdAt }],
    shipBy,
    createdAt: input.createdAt,
    shipments: [],
    customsHolds: 0,
    remindersSent: 0,
    deliveredAt: null,
    claim: null,
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
