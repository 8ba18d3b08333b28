import { getNextTransitions, type AnyMachineSnapshot, type EventObject } from 'xstate';
import { addItems, openClaim, owedSupplierRefunds, quantityOf, refundable, type ClaimedItem, type OrderContext, type OrderEvent } from './context.ts';
import { clientEventTypes, type ClientEventType } from './schemas.ts';

/** A problem with one field of an event's payload, found against the order it is sent to. */
export interface FieldIssue { path: string; message: string }

/**
 * Checks an event against the order it is sent to: what a schema alone cannot see, such as a
 * claimed SKU the order does not contain, a refund larger than what is left, or a delivery
 * before the parcel shipped (R17). Pure.
 */
export function checkAgainstOrder(context: OrderContext, event: OrderEvent): FieldIssue[] {
  switch (event.type) {
    case 'ISSUE_REPORTED':
      return checkItems(context, event.items ?? [], notRefunded(context), 'ordered');
    case 'REQUEST_RESHIP': {
      // R17: a reship carries the claimed items (or the lost parcel's), nothing else.
      const claim = openClaim(context);
      // Nothing to compare with before a claim or a parcel: the state refuses the reship itself (409).
      if (!claim && context.shipments.length === 0) return [];
      // Stryker disable next-line OptionalChaining,ArrayDeclaration: equivalent: without a claim this is reached only after a shipment (the line above), and every shipment records its items
      const allowed = claim && claim.items.length > 0 ? claim.items : claim ? context.items : (context.shipments.at(-1)?.items ?? []);
      return checkItems(context, event.items ?? [], allowed, claim ? 'claimed' : 'in the parcel');
    }
    case 'REQUEST_REFUND':
      return [
        ...amountWithin(event.amount, refundable(context), `what is still refundable: ${refundable(context)} (${context.currency} minor units) of ${context.paid} paid`),
        ...checkItems(context, event.items ?? [], notRefunded(context), 'ordered'),
      ];
    case 'REFUND_ISSUED': {
      const request = context.refundRequest;
      // R17: more than the refund in progress cannot have been paid back for it.
      if (request) return amountWithin(event.amount, request.amount, `the refund in progress: ${request.amount} (${context.currency} minor units)`);
      return amountWithin(event.amount, refundable(context), `what is still refundable: ${refundable(context)} (${context.currency} minor units) of ${context.paid} paid`);
    }
    case 'DELIVERED': {
      if (!event.at) return [];
      const at = Date.parse(event.at);
      if (at > event.receivedAt) return [{ path: 'at', message: 'lies in the future' }];
      const shipped = context.shipments.at(-1)?.at;
      if (shipped !== undefined && at < shipped) return [{ path: 'at', message: `lies before the parcel shipped (${new Date(shipped).toISOString()})` }];
      return [];
    }
    case 'SWITCH_SUPPLIER':
      if (context.suppliers.some((s) => s.status === 'active' && s.id === event.supplier.id)) {
        return [{ path: 'supplier.id', message: 'is already the active supplier' }];
      }
      return [];
    case 'SUPPLIER_REFUNDED':
      if (!owedSupplierRefunds(context).some((s) => s.id === event.supplierId)) {
        const owed = owedSupplierRefunds(context).map((s) => s.id);
        return [{ path: 'supplierId', message: `owes no refund on this order${owed.length ? ` (owed by: ${owed.join(', ')})` : ''}` }];
      }
      return [];
    default:
      return [];
  }
}

function amountWithin(amount: number | undefined, limit: number, what: string): FieldIssue[] {
  return amount !== undefined && amount > limit ? [{ path: 'amount', message: `exceeds ${what}` }] : [];
}

/** The order's items less those refunded (R11): what can still be claimed or refunded. */
// Stryker disable next-line ArrayDeclaration: equivalent: addItems drops an entry without a SKU and quantity (its total is NaN, not > 0)
const notRefunded = (context: OrderContext) => addItems(addItems([], context.items), context.refundedItems, -1);

/** Items checked against those `allowed` (`what` names them: ordered, claimed, in the parcel). */
function checkItems(context: OrderContext, items: readonly ClaimedItem[], allowed: readonly ClaimedItem[], what: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const claimed = new Map<string, number>();
  items.forEach((item, i) => {
    const limit = quantityOf(allowed, item.sku);
    const total = (claimed.get(item.sku) ?? 0) + item.quantity;
    const refunded = quantityOf(context.refundedItems, item.sku) > 0 ? ' and not refunded' : '';
    claimed.set(item.sku, total);
    if (quantityOf(context.items, item.sku) === 0) issues.push({ path: `items.${i}.sku`, message: `${item.sku} is not in this order` });
    else if (limit <= 0) issues.push({ path: `items.${i}.sku`, message: `no ${item.sku} is ${what}${refunded}` });
    else if (total > limit) issues.push({ path: `items.${i}.quantity`, message: `${total} of ${item.sku} exceeds the ${limit} ${what}${refunded}` });
  });
  return issues;
}

const topOf = (snapshot: AnyMachineSnapshot) => (typeof snapshot.value === 'string' ? snapshot.value : Object.keys(snapshot.value)[0]!);
const cancellationReasons: readonly unknown[] = ['customer_cancelled', 'wrong_address'];

/** R10 and R14: the international refusals, and the events they must not offer (any of them would get around the rule). */
const R10 = 'international orders cannot be intercepted, so a cancellation or a wrong address cannot be refunded (R10)';
const aroundR10: readonly string[] = ['CANCEL_REQUESTED', 'REQUEST_REFUND'];

/**
 * Why the current state refuses an event, where the domain gives a reason beyond "not now"
 * (R10 above all), and the events to offer instead. A reason names only events the state takes.
 */
export function refusalOf(snapshot: AnyMachineSnapshot, event: EventObject, receivedAt: number): { reason?: string; acceptedEvents: string[] } {
  const accepted = acceptedEvents(snapshot, receivedAt);
  const reason = explainRefusal(snapshot, event, accepted);
  const r10 = reason?.endsWith('(R10)') ?? false;
  return { ...(reason ? { reason } : {}), acceptedEvents: r10 ? accepted.filter((e) => !aroundR10.includes(e)) : accepted };
}

export function explainRefusal(snapshot: AnyMachineSnapshot, event: EventObject, accepted: readonly string[]): string | undefined {
  const context = snapshot.context as OrderContext;
  const top = topOf(snapshot);
  const takes = (type: string) => accepted.includes(type);
  if (snapshot.status !== 'active') return `the order is ${top}: its lifecycle has ended and it takes no more events`;
  const beforeDelivery = top === 'preShipment' || top === 'inTransit';
  const reason = (event as { reason?: unknown }).reason;
  switch (event.type) {
    case 'CANCEL_REQUESTED':
      if (context.scope === 'international' && beforeDelivery) return R10;
      if (snapshot.matches({ preShipment: 'intercepting' }) || snapshot.matches({ inTransit: 'intercepting' })) return 'an interception is already under way';
      if (beforeDelivery) return 'the parcel can no longer be intercepted where it is now';
      return `the order is ${top}: it can no longer be intercepted${takes('ISSUE_REPORTED') ? '; report an issue (ISSUE_REPORTED) instead' : ''}`;
    case 'REQUEST_REFUND':
      if (cancellationReasons.includes(reason)) {
        if (context.scope === 'international') return R10;
        return `a cancellation or wrong address is intercepted first (R9)${takes('CANCEL_REQUESTED') ? ': send CANCEL_REQUESTED' : ''}; a successful interception is refunded in full`;
      }
      if (refundable(context) === 0) return 'nothing is left to refund';
      return undefined;
    case 'CUSTOMS_HELD':
      if (context.scope === 'domestic') return 'a domestic parcel is never held in customs (R13)';
      return undefined;
    case 'SUPPLIER_REFUNDED':
      if (owedSupplierRefunds(context).length === 0) return 'no replaced supplier owes a refund on this order (R15)';
      return undefined;
    case 'ISSUE_REPORTED':
      if (top === 'delivered' && context.deadlines.protectionEndsAt === undefined) return 'the buyer-protection window has ended: no new claim can be reported';
      return undefined;
    // Stryker disable next-line ConditionalExpression: equivalent: without its `return undefined` the default case falls out of the switch, which returns undefined too
    default:
      return undefined;
  }
}

/** The client events the order takes now, guards evaluated with a typical payload. */
export function acceptedEvents(snapshot: AnyMachineSnapshot, receivedAt: number): ClientEventType[] {
  if (snapshot.status !== 'active') return [];
  const context = snapshot.context as OrderContext;
  // Only the events some active state has a transition for can pass; evaluate guards for those.
  const candidates = new Set(getNextTransitions(snapshot).map((t) => t.eventType));
  return clientEventTypes.filter((type) => candidates.has(type) && snapshot.can(sampleEvent(context, type, receivedAt)));
}

function sampleEvent(context: OrderContext, type: ClientEventType, receivedAt: number) {
  switch (type) {
    case 'REFUND_ISSUED':
      // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent: REFUND_ISSUED is a candidate only in the refund state, whose request is at least 1, and it takes any amount (partOfRefund below the request, settlesRefund from it); true, false and `amount && 1` compare as 1, 0 and 1
      return { type, amount: context.refundRequest?.amount || 1, receivedAt };
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent: without this case the sample has no reason, and the cancellation guard (isDomestic) reads none
    case 'CANCEL_REQUESTED':
      // Stryker disable next-line StringLiteral: equivalent: the cancellation guard (isDomestic) does not read the reason
      return { type, reason: 'customer_cancelled', receivedAt };
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent: the root SUPPLIER_REFUNDED transition (guard owesSupplierRefund) takes any supplier id whenever a refund is owed, so the sample's id never decides
    case 'SUPPLIER_REFUNDED':
      // Stryker disable next-line LogicalOperator,StringLiteral: equivalent, as above
      return { type, supplierId: owedSupplierRefunds(context)[0]?.id ?? '', amount: 1, receivedAt };
    default:
      return { type, receivedAt };
  }
}
