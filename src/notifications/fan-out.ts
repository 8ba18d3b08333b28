import { createHash, randomUUID } from 'node:crypto';
import type { OrderContext } from '../../machines/order/index.ts';
import type { HistoryEntry, NewDelivery, OutboxEntry, WebhookSubscription } from '../store/store.ts';
import { hasEmailTemplate, renderEmail } from './email-templates.ts';
import { emailKinds, kindOfAction, STATE_CHANGED } from './kinds.ts';

/** A notification before fan-out: one machine effect, or one change of state. */
export interface Notification { id: string; orderId: string; seq: number; kind: string; at: number; data: Record<string, unknown>; emailTo: string | null; params: Record<string, unknown> }

/** The body of every webhook, as the Standard Webhooks specification suggests: `type`, `timestamp`, `data`. */
export interface WebhookBody { type: string; timestamp: string; data: Record<string, unknown> }

const iso = (ms: number) => new Date(ms).toISOString();

/** Effect parameters for clients: times (`…At` in epoch ms) as ISO 8601. */
function publicParams(params: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, /At$/.test(k) && typeof v === 'number' ? iso(v) : v]));
}

/**
 * A stable id for the state change of an order's event `seq`: the same on every fan-out, so a
 * receiver can deduplicate it like an outbox row id. Formatted as a UUID (version 8, name-based).
 */
export function stateChangeId(orderId: string, seq: number): string {
  const h = createHash('sha256').update(`state.changed\0${orderId}\0${seq}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function fromEffect(row: OutboxEntry, order: OrderContext | undefined): Notification {
  const params = (row.payload ?? {}) as Record<string, unknown>;
  const kind = kindOfAction(row.action);
  const to = typeof params.to === 'string' ? params.to : (order?.sellerEmail ?? null);
  return {
    id: row.id,
    orderId: row.orderId,
    seq: row.seq,
    kind,
    at: row.createdAt,
    params,
    emailTo: emailKinds.has(kind) && hasEmailTemplate(kind) ? to : null,
    data: { orderId: row.orderId, version: row.seq, action: row.action, ...publicParams(params) },
  };
}

/** The state change an event made, or undefined when it left the order in its state. */
export function fromHistory(h: HistoryEntry): Notification | undefined {
  if (h.fromState === h.toState) return undefined;
  return {
    id: stateChangeId(h.orderId, h.seq),
    orderId: h.orderId,
    seq: h.seq,
    kind: STATE_CHANGED,
    at: h.at,
    params: {},
    emailTo: null,
    data: {
      orderId: h.orderId,
      version: h.seq,
      event: h.type,
      source: h.source,
      fromState: h.fromState,
      toState: h.toState,
      at: iso(h.at),
      ...(h.dueAt !== null ? { dueAt: iso(h.dueAt) } : {}),
    },
  };
}

export const subscribed = (s: WebhookSubscription, kind: string) => s.events.includes('*') || s.events.includes(kind);

/** The deliveries of a notification: an e-mail if its kind is e-mailed, and one per matching subscription. */
export function deliveriesOf(n: Notification, subscriptions: WebhookSubscription[], order: OrderContext | undefined): NewDelivery[] {
  const base = { notificationId: n.id, orderId: n.orderId, seq: n.seq, kind: n.kind, createdAt: n.at };
  const out: NewDelivery[] = [];
  if (n.emailTo) {
    const message = renderEmail({ kind: n.kind, orderId: n.orderId, to: n.emailTo, params: n.params, order, at: n.at });
    out.push({ ...base, id: randomUUID(), channel: 'email', target: n.emailTo, message });
  }
  const body: WebhookBody = { type: n.kind, timestamp: iso(n.at), data: n.data };
  for (const s of subscriptions) {
    if (subscribed(s, n.kind)) out.push({ ...base, id: randomUUID(), channel: 'webhook', target: s.id, message: body });
  }
  return out;
}
