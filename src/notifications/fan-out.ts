import { createHash, randomUUID } from 'node:crypto';
import type { EffectKind, EmailTemplate } from '../engine/hosted-machine.ts';
import type { NewDelivery, WebhookSubscription } from '../store/delivery-records.ts';
import type { HistoryEntry, OutboxEntry } from '../store/records.ts';
import { publicOrderId, tenantOfKey } from '../tenancy/order-keys.ts';
import { layOutEmail } from './email-layout.ts';
import { STATE_CHANGED } from './notification-kinds.ts';

/** A notification before fan-out: one machine effect, or one change of state. */
export interface Notification {
  id: string;
  /** The order's store key (its tenant and id, see tenancy/order-keys.ts). */
  orderId: string;
  seq: number;
  kind: string;
  at: number;
  data: Record<string, unknown>;
  params: Record<string, unknown>;
  /** Set when it is e-mailed: to whom, and the machine's template. */
  email: { to: string; template: EmailTemplate } | null;
}

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

/** An effect's notification; `context` is the order's context at fan-out (undefined if it is gone). */
export function fromEffect(row: OutboxEntry, effect: EffectKind, context: unknown): Notification {
  const params = (row.payload ?? {}) as Record<string, unknown>;
  const to = effect.email?.to(params, context) ?? null;
  return {
    id: row.id,
    orderId: row.orderId,
    seq: row.seq,
    kind: effect.kind,
    at: row.createdAt,
    params,
    email: effect.email && to !== null ? { to, template: effect.email } : null,
    data: { orderId: publicOrderId(row.orderId), version: row.seq, action: row.action, ...publicParams(params) },
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
    email: null,
    data: {
      orderId: publicOrderId(h.orderId),
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

/**
 * The deliveries of a notification: an e-mail if its kind is e-mailed, and one per matching
 * subscription of the order's tenant (never another tenant's, whatever it subscribed to).
 */
export function deliveriesOf(n: Notification, subscriptions: WebhookSubscription[], context: unknown): NewDelivery[] {
  const tenant = tenantOfKey(n.orderId);
  const base = { notificationId: n.id, orderId: n.orderId, seq: n.seq, kind: n.kind, createdAt: n.at };
  const out: NewDelivery[] = [];
  if (n.email) {
    const { to, template } = n.email;
    const message = layOutEmail(to, template.render({ kind: n.kind, orderId: publicOrderId(n.orderId), to, params: n.params, context, at: n.at }));
    out.push({ ...base, id: randomUUID(), channel: 'email', target: to, message });
  }
  const body: WebhookBody = { type: n.kind, timestamp: iso(n.at), data: n.data };
  for (const s of subscriptions) {
    if (s.tenant === tenant && subscribed(s, n.kind)) out.push({ ...base, id: randomUUID(), channel: 'webhook', target: s.id, message: body });
  }
  return out;
}
