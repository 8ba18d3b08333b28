import { getNextTransitions, type AnyMachineSnapshot } from 'xstate';
import { refundable, type ClaimedItem, type OrderContext, type OrderEvent } from './context.ts';
import { clientEventTypes, type ClientEventType } from './schemas.ts';

/** A problem with one field of an event's payload, found against the order it is sent to. */
export interface FieldIssue { path: string; message: string }

/**
 * Checks an event against the order it is sent to: what a schema alone cannot see, such as a
 * claimed SKU the order does not contain or a refund larger than what is left. Pure.
 */
export function checkAgainstOrder(context: OrderContext, event: OrderEvent): FieldIssue[] {
  switch (event.type) {
    case 'ISSUE_REPORTED':
    case 'REQUEST_RESHIP':
      return checkItems(context, event.items ?? []);
    case 'REQUEST_REFUND':
    case 'REFUND_ISSUED': {
      const left = refundable(context);
      // Stryker disable next-line ConditionalExpression: equivalent: an absent amount is not greater than what is left (undefined > n is false), so the first test only says so
      if (event.amount !== undefined && event.amount > left) {
        return [{ path: 'amount', message: `exceeds what is still refundable: ${left} (${context.currency} minor units) of ${context.paid} paid` }];
      }
      return [];
    }
    case 'DELIVERED':
      if (event.at && Date.parse(event.at) > event.receivedAt) return [{ path: 'at', message: 'lies in the future' }];
      return [];
    case 'SWITCH_SUPPLIER':
      if (context.suppliers.some((s) => s.status === 'active' && s.id === event.supplier.id)) {
        return [{ path: 'supplier.id', message: 'is already the active supplier' }];
      }
      return [];
    default:
      return [];
  }
}

function checkItems(context: OrderContext, items: readonly ClaimedItem[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const claimed = new Map<string, number>();
  items.forEach((item, i) => {
    const ordered = context.items.filter((o) => o.sku === item.sku).reduce((n, o) => n + o.quantity, 0);
    const total = (claimed.get(item.sku) ?? 0) + item.quantity;
    claimed.set(item.sku, total);
    if (ordered === 0) issues.push({ path: `items.${i}.sku`, message: `${item.sku} is not in this order` });
    else if (total > ordered) issues.push({ path: `items.${i}.quantity`, message: `${total} of ${item.sku} exceeds the ${ordered} ordered` });
  });
  return issues;
}

/**
 * Why the current state refuses an event, where the domain gives a reason beyond "not now"
 * (R10 above all). Undefined when the plain answer, the list of accepted events, says enough.
 */
export function explainRefusal(snapshot: AnyMachineSnapshot, type: string): string | undefined {
  const context = snapshot.context as OrderContext;
  const top = typeof snapshot.value === 'string' ? snapshot.value : Object.keys(snapshot.value)[0];
  if (snapshot.status !== 'active') return `the order is ${top}: its lifecycle has ended and it takes no more events`;
  if (type === 'CANCEL_REQUESTED') {
    if (context.scope === 'international' && (top === 'preShipment' || top === 'inTransit')) {
      return 'international orders cannot be intercepted, so a cancellation or a wrong address cannot be refunded (R10)';
    }
    if (top === 'preShipment' || top === 'inTransit') return 'an interception is already under way';
    return `the order is ${top}: it can no longer be intercepted; report an issue (ISSUE_REPORTED) instead`;
  }
  if (type === 'REQUEST_REFUND' && refundable(context) === 0) return 'nothing is left to refund';
  return undefined;
}

/** The client events the order takes now, guards evaluated with a typical payload. */
export function acceptedEvents(snapshot: AnyMachineSnapshot, receivedAt: number): ClientEventType[] {
  // Stryker disable next-line ConditionalExpression: equivalent: a final order (refunded, completed) has no transitions, so no event is a candidate and the list is empty either way
  if (snapshot.status !== 'active') return [];
  const context = snapshot.context as OrderContext;
  // Only the events some active state has a transition for can pass; evaluate guards for those.
  const candidates = new Set(getNextTransitions(snapshot).map((t) => t.eventType));
  return clientEventTypes.filter((type) => candidates.has(type) && snapshot.can(sampleEvent(context, type, receivedAt)));
}

function sampleEvent(context: OrderContext, type: ClientEventType, receivedAt: number) {
  switch (type) {
    case 'REFUND_ISSUED':
      // Stryker disable next-line ConditionalExpression,LogicalOperator,OptionalChaining: equivalent: REFUND_ISSUED is a candidate only in the refund state, whose refundRequest always has an amount of at least 1, and any amount from 0 to it passes a guard
      return { type, amount: context.refundRequest?.amount || 1, receivedAt };
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent: the cancellation guard (isDomestic) does not read the reason, so the sample's reason cannot change what is accepted
    case 'CANCEL_REQUESTED':
      // Stryker disable next-line StringLiteral: equivalent, as above
      return { type, reason: 'customer_cancelled', receivedAt };
    default:
      return { type, receivedAt };
  }
}
