// Delivery of side effects. Outbox rows (effects) and history rows that changed state are
// *notifications*. The delivery worker fans each one out, once, into *deliveries* (one per channel
// and target: the seller's e-mail, each matching webhook subscription), then delivers those with a
// lease, retries and dead-lettering. Times are epoch ms.

export type DeliveryChannel = 'email' | 'webhook';
export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

/** A delivery to create at fan-out. */
export interface NewDelivery {
  id: string;
  /** The notification's stable id: receivers deduplicate on it (`webhook-id`, e-mail `Message-ID`). */
  notificationId: string;
  orderId: string;
  /** The order version whose commit caused the notification. */
  seq: number;
  /** The notification kind, e.g. `customs.reminder`, `state.changed`. */
  kind: string;
  channel: DeliveryChannel;
  /** The e-mail address, or the webhook subscription id. */
  target: string;
  /** What is sent, rendered once at fan-out so every attempt sends the same content. */
  message: unknown;
  createdAt: number;
}

export interface Delivery extends NewDelivery {
  status: DeliveryStatus;
  /** Attempts since creation or since the last manual retry. */
  attempts: number;
  nextAttemptAt: number;
  deliveredAt: number | null;
  lastError: string | null;
}

/** One delivery attempt, as recorded. */
export interface DeliveryAttempt {
  deliveryId: string;
  /** 1, 2, … over the delivery's whole life (manual retries continue the count). */
  number: number;
  at: number;
  ok: boolean;
  /** The HTTP status (webhooks) or SMTP response code (e-mail), when there was an answer. */
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** What a finished attempt decides: done, try again at `nextAttemptAt`, or give up (dead letter). */
export type AttemptOutcome = { then: 'delivered' } | { then: 'retry'; nextAttemptAt: number } | { then: 'dead' };

/** One notification's fan-out: its source row and the deliveries it makes (possibly none). */
export interface FanOut { source: { outboxId: string } | { orderId: string; seq: number }; deliveries: NewDelivery[] }

/** A webhook subscription. `events` holds notification kinds, or `*` for all. */
export interface WebhookSubscription {
  id: string;
  /** Notifications of this tenant's orders only. */
  tenant: string;
  url: string;
  events: string[];
  secret: string;
  description: string | null;
  createdAt: number;
}

export interface DeliveryQuery {
  /** Only deliveries of this tenant's orders. */
  tenant?: string;
  orderId?: string;
  status?: DeliveryStatus;
  channel?: DeliveryChannel;
  target?: string;
  /** Keyset paging: only deliveries listed after this one (newest first: older, or as old with a smaller id). */
  before?: { createdAt: number; id: string };
  limit: number;
}
