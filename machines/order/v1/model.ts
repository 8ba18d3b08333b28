import type { AnyMachineSnapshot, EventObject, StateValue } from 'xstate';
import { refundable, type DeadlinePolicy, type OrderContext, type OrderEvent, type OrderInput } from './context.ts';
import { armedDeadlines, statePath } from './deadlines.ts';
import { expectedOrderSchema, observedOrder, preservedAmounts } from './model-expect.ts';
import type { CreateOrderInput } from './schemas.ts';
import { sampleOrder } from './sample-order.ts';

/**
 * The order machine as a finite model for `xstate/graph`: the orders a path starts from, the
 * representative events each state is offered, and the abstraction of a snapshot that keeps the
 * graph finite (state value plus the few context facts that change behaviour).
 */

/** One kind of order a path starts from: the creation body and the deployment policy it runs under. */
export interface ModelVariant {
  name: string;
  description: string;
  order: CreateOrderInput;
  /** Deployment policy (environment settings such as EXPEDITE_AFTER_DAYS); empty means the defaults. */
  policy: Partial<DeadlinePolicy>;
  /** Where the graph stops exploring for this variant (a variant that exists for one transition). */
  stopWhen?: (snapshot: AnyMachineSnapshot) => boolean;
}

const baseOrder = (id: string, scope: 'domestic' | 'international'): CreateOrderInput => sampleOrder({ id, scope });

export const modelVariants: ModelVariant[] = [
  { name: 'domestic', description: 'A domestic order under the default deadline policy.', order: baseOrder('model-domestic', 'domestic'), policy: {} },
  { name: 'international', description: 'An international order under the default deadline policy.', order: baseOrder('model-international', 'international'), policy: {} },
  {
    // The only way a supplier switch falls due while the order still awaits shipment (R4 before R3).
    name: 'switch-first',
    description: 'A domestic order in a deployment whose supplier switch falls due before the expedite request (SWITCH_SUPPLIER_AFTER_DAYS=2, EXPEDITE_AFTER_DAYS=4).',
    order: baseOrder('model-switch-first', 'domestic'),
    policy: { expediteAfterDays: 4, switchSupplierAfterDays: 2 },
    stopWhen: (snapshot) => !snapshot.matches('preShipment'),
  },
];

/** A client event as sent over the API: its type and payload. */
export interface ClientStep { type: string; payload: Record<string, unknown> }

/** Events are stamped one minute after the latest time the order has seen; timers fire at their due time. */
function nowOf(context: OrderContext): number {
  const stamps = [
    context.createdAt,
    ...context.refunds.map((r) => r.at),
    ...context.shipments.map((s) => s.at),
    ...context.suppliers.map((s) => s.since),
    context.claim?.reportedAt ?? 0,
    ...(context.claim?.evidence.map((e) => e.at) ?? []),
    context.cancellation?.requestedAt ?? 0,
    context.escalatedAt ?? 0,
    context.lastNote?.at ?? 0,
    context.refundRequest?.requestedAt ?? 0,
    context.deliveredAt ?? 0,
  ];
  return Math.max(...stamps) + 60_000;
}

/**
 * The representative client events for an order: every payload class the issue names (each
 * issue kind, photo and video evidence, partial and full refunds, both cancellation reasons).
 * Whether the current state takes them is decided by the machine, not here.
 */
export function clientSteps(context: OrderContext): ClientStep[] {
  const left = refundable(context);
  const pending = context.refundRequest?.amount ?? 0;
  // Stryker disable next-line OptionalChaining,StringLiteral: equivalent: an order has at least one item (the create schema's `items` has min(1)), so the fallbacks are never taken
  const sku = context.items[0]?.sku ?? 'unknown';
  const steps: ClientStep[] = [
    // Stryker disable next-line ArithmeticOperator: equivalent: a tracking number only names the parcel; numbered from -1 the order's parcels keep distinct ones
    { type: 'SHIPPED', payload: { carrier: 'SF Express', trackingNumber: `SF${context.shipments.length + 1}001` } },
    { type: 'STOCK_UNAVAILABLE', payload: { note: 'supplier is out of stock' } },
    { type: 'ITEM_OVERSIZED', payload: {} },
    { type: 'SUPPLIER_CONTACTED', payload: { note: 'asked the supplier to expedite' } },
    { type: 'SUPPLIER_UNRESPONSIVE', payload: {} },
    // Stryker disable next-line ArithmeticOperator: equivalent: the new supplier's id only has to differ from the order's suppliers' (`tmall-store-1`), as `alt-store-0` does
    { type: 'SWITCH_SUPPLIER', payload: { supplier: { id: `alt-store-${context.suppliers.length + 1}`, name: 'Alternative store' } } },
    { type: 'REQUEST_REFUND', payload: { reason: 'full refund' } },
    ...(left >= 2 ? [{ type: 'REQUEST_REFUND', payload: { reason: 'partial refund', amount: Math.floor(left / 2) } }] : []),
    { type: 'CANCEL_REQUESTED', payload: { reason: 'customer_cancelled' } },
    { type: 'CANCEL_REQUESTED', payload: { reason: 'wrong_address' } },
    { type: 'INTERCEPT_SUCCEEDED', payload: {} },
    { type: 'INTERCEPT_FAILED', payload: { note: 'already handed to the carrier' } },
    { type: 'CUSTOMS_HELD', payload: { note: 'held for inspection' } },
    { type: 'CUSTOMS_CLEARED', payload: {} },
    { type: 'DELIVERED', payload: {} },
    { type: 'ISSUE_REPORTED', payload: { kind: 'wrong_item', items: [{ sku, quantity: 1 }] } },
    { type: 'ISSUE_REPORTED', payload: { kind: 'missing_item', items: [{ sku, quantity: 1 }] } },
    { type: 'ISSUE_REPORTED', payload: { kind: 'damaged', description: 'the parcel arrived crushed' } },
    { type: 'EVIDENCE_SUBMITTED', payload: { media: [{ kind: 'photo', url: 'https://evidence.example/photo-1.jpg' }] } },
    { type: 'EVIDENCE_SUBMITTED', payload: { media: [{ kind: 'video', url: 'https://evidence.example/unboxing.mp4' }] } },
    { type: 'VERIFICATION_APPROVED', payload: { reason: 'the photos show the wrong item' } },
    { type: 'VERIFICATION_REJECTED', payload: { reason: 'the evidence is inconclusive' } },
    { type: 'REQUEST_RESHIP', payload: {} },
    // Stryker disable next-line ArithmeticOperator: equivalent: a tracking number only names the parcel; numbered from -1 the order's parcels keep distinct ones
    { type: 'RESHIPPED', payload: { carrier: 'SF Express', trackingNumber: `SF${context.shipments.length + 1}002` } },
    ...(pending > 0 ? [{ type: 'REFUND_ISSUED', payload: { amount: pending, reference: 'refund-full' } }] : []),
    ...(pending >= 2 ? [{ type: 'REFUND_ISSUED', payload: { amount: Math.floor(pending / 2), reference: 'refund-part' } }] : []),
  ];
  return steps;
}

/** A machine event for a client step, stamped as the engine would. */
export function toMachineEvent(step: ClientStep, receivedAt: number): OrderEvent {
  return { ...step.payload, type: step.type, receivedAt } as OrderEvent;
}

/**
 * The events the model offers a snapshot: the client events it takes, and the timer of its
 * earliest armed deadline (the host fires deadlines in due order, so only that one can come next).
 */
export function modelEvents(snapshot: AnyMachineSnapshot): OrderEvent[] {
  if (snapshot.status !== 'active') return [];
  const context = snapshot.context as OrderContext;
  const now = nowOf(context);
  const events = clientSteps(context)
    .map((s) => toMachineEvent(s, now))
    .filter((e) => snapshot.can(e));
  const [next, second] = armedDeadlines(snapshot);
  if (next && second?.dueAt !== next.dueAt) {
    const timer = { type: next.event, dueAt: next.dueAt, receivedAt: Math.max(next.dueAt, now) } as OrderEvent;
    if (snapshot.can(timer)) events.push(timer);
  }
  return events;
}

/**
 * The payload class of an event: what the graph keys its edges by. Payloads are rebuilt from the
 * order at hand, so one class (say, a partial refund) is one edge whatever the amounts.
 */
export function eventLabel(event: OrderEvent): string {
  switch (event.type) {
    case 'REQUEST_REFUND':
      return `${event.type}:${refundRequestClass(event)}`;
    case 'REFUND_ISSUED':
      return `${event.type}:${paymentClass(event)}`;
    case 'ISSUE_REPORTED':
      return `${event.type}:${event.kind}`;
    case 'EVIDENCE_SUBMITTED':
      return `${event.type}:${event.media.map((m) => m.kind).join('+')}`;
    case 'CANCEL_REQUESTED':
      return `${event.type}:${event.reason}`;
    default:
      return event.type;
  }
}

/** The class of a refund request: the whole refundable amount, or a part of it. */
function refundRequestClass(event: Extract<OrderEvent, { type: 'REQUEST_REFUND' }>): string {
  // Stryker disable next-line EqualityOperator: equivalent: swaps the labels of the full and the partial refund request; a label only names an edge, the two stay apart
  const full = event.amount === undefined;
  // Stryker disable next-line StringLiteral: equivalent: a label only names an edge; emptied, either still differs from the other
  return full ? 'full' : 'partial';
}

/** The class of a payment: part of the pending refund, or all of it. */
function paymentClass(event: Extract<OrderEvent, { type: 'REFUND_ISSUED' }>): string {
  // Stryker disable next-line EqualityOperator: equivalent: swaps the labels of the full and the partial payment; a label only names an edge, the two stay apart
  const part = event.reference === 'refund-part';
  // Stryker disable next-line StringLiteral: equivalent: a label only names an edge; emptied, either still differs from the other
  return part ? 'partial' : 'full';
}

function historyTarget(snapshot: AnyMachineSnapshot): string | undefined {
  const value = statePath(snapshot.value as StateValue);
  // Stryker disable next-line MethodExpression: equivalent: `intercepting` is a leaf state in version 1, so a state path that starts with it also ends with it
  const parent = value.startsWith('preShipment.intercepting') ? 'order.preShipment.processing.hist' : value.startsWith('inTransit.intercepting') ? 'order.inTransit.shipping.hist' : undefined;
  if (!parent) return undefined;
  const nodes = (snapshot.historyValue as Record<string, { id: string }[]>)[parent];
  // Stryker disable next-line OptionalChaining,StringLiteral: equivalent: an interception is entered from the state whose history it returns to, so that history is always recorded, and a shallow history holds one node (nothing to join)
  return nodes?.map((n) => n.id).join('+') ?? 'none';
}

/** The claim as the key keeps it: its verification and whether it names items. */
function claimClass(claim: NonNullable<OrderContext['claim']>): string {
  // Stryker disable next-line StringLiteral: equivalent: the name of a claim not yet sent for verification only has to differ from the verifications'
  const verification = claim.verification ?? 'reported';
  // Stryker disable next-line StringLiteral: equivalent: the names of the two scopes only have to differ
  const scope = claim.items.length > 0 ? 'items' : 'whole';
  return `${verification}/${scope}`;
}

/**
 * The behaviour-relevant abstraction of a snapshot: two snapshots with the same key take the same
 * events to the same keys. Left out: times, notes, references, tracking numbers, the cancellation
 * outcome (a failed interception may be retried).
 */
export function modelKey(snapshot: AnyMachineSnapshot): string {
  const c = snapshot.context as OrderContext;
  const state = statePath(snapshot.value as StateValue);
  if (snapshot.status !== 'active') return JSON.stringify({ state, scope: c.scope });
  const left = refundable(c);
  return JSON.stringify({
    state,
    scope: c.scope,
    // Stryker disable next-line EqualityOperator,StringLiteral: equivalent: an order with nothing left to refund is closed (final states key by state and scope above), so an open order is 'all' or 'part'; these only rename or swap those two
    refundable: left === c.paid ? 'all' : left > 0 ? 'part' : 'none',
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent: version 1 keeps a refund request exactly while the order is in `refund`, which `state` already names
    pendingRefund: c.refundRequest !== null,
    claim: c.claim && claimClass(c.claim),
    // Stryker disable next-line EqualityOperator: equivalent: negating one component of the key keeps the same partition of snapshots
    resolutionDue: c.deadlines.resolutionDueAt !== undefined,
    // Stryker disable next-line EqualityOperator: equivalent: negating one component of the key keeps the same partition of snapshots
    escalated: c.escalatedAt !== null,
    returnsTo: historyTarget(snapshot),
  });
}

/** The order machine as a model (`MachineModel`): one machine serves every variant, whose policy enters through the input. */
export const orderModel = {
  variants: modelVariants,
  input: (variant: ModelVariant, createdAt: number): OrderInput => ({ ...variant.order, createdAt, policyDefaults: variant.policy }),
  events: (snapshot: AnyMachineSnapshot): EventObject[] => modelEvents(snapshot),
  key: modelKey,
  label: (event: EventObject) => eventLabel(event as OrderEvent),
  expect: observedOrder,
  expectSchema: expectedOrderSchema,
  preserved: preservedAmounts,
};
