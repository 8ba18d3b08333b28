import type { Delivery, DeliveryAttempt, DeliveryQuery, WebhookSubscription } from './delivery-records.ts';
import type { HistoryEntry, ListQuery, OrderRecord, OutboxEntry, TimerEntry } from './records.ts';

/** A page of an order's history: the entries after `afterSeq` (default: from the first), at most `limit`. */
export interface HistoryPage { afterSeq?: number; limit?: number }

/** The read queries of the order routes. */
export interface OrderQueries {
  /** The applied events of the order, in order: all of them, or `limit` after `afterSeq`. */
  history(orderId: string, page?: HistoryPage): Promise<HistoryEntry[]>;
  /** The order's outbox rows, in order. */
  outbox(orderId: string): Promise<OutboxEntry[]>;
  listOrders(query: ListQuery): Promise<OrderRecord[]>;
  /** Timers due at or before `now`, earliest first (without claiming them). */
  dueTimers(now: number, limit: number): Promise<TimerEntry[]>;
}

/** The delivery routes: dead letters and their retry. */
export interface DeliveryQueries {
  getDelivery(id: string): Promise<Delivery | undefined>;
  /** Deliveries, newest first. */
  listDeliveries(query: DeliveryQuery): Promise<Delivery[]>;
  /** The attempts of these deliveries, in order. */
  deliveryAttempts(deliveryIds: string[]): Promise<DeliveryAttempt[]>;
  /** A dead letter back to pending, due at `now`, with a fresh attempt budget; undefined unless it was dead. */
  retryDelivery(id: string, now: number): Promise<Delivery | undefined>;
}

/** Webhook subscriptions: managed by the webhook routes, read by the delivery worker. */
export interface SubscriptionStore {
  createSubscription(subscription: WebhookSubscription): Promise<void>;
  getSubscription(id: string): Promise<WebhookSubscription | undefined>;
  /** The subscriptions of one tenant (or of all), oldest first. */
  listSubscriptions(tenant?: string): Promise<WebhookSubscription[]>;
  /** Deletes it; its pending deliveries become dead at their next attempt. False when there was none. */
  deleteSubscription(id: string): Promise<boolean>;
}
