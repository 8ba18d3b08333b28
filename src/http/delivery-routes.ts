import { randomBytes, randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import { zodIssues } from '../engine/zod-issues.ts';
import { conflict, invalidInput, notFound, webhookTargetRefused } from '../errors.ts';
import type { HostedMachine } from '../engine/hosted-machine.ts';
import { effectKindOf, emailedActions, notificationKinds } from '../notifications/notification-kinds.ts';
import type { Delivery, DeliveryAttempt, DeliveryQuery, WebhookSubscription } from '../store/delivery-records.ts';
import type { EngineStore } from '../store/engine-store.ts';
import type { DeliveryQueries, OrderQueries, SubscriptionStore } from '../store/queries.ts';
import { WebhookTargetRefused, webhookTargets, type WebhookTargets } from '../webhooks/webhook-targets.ts';
import { publicOrderId, tenantOfKey } from '../tenancy/order-keys.ts';
import { orderKeyOf } from './api-keys/order-key.ts';
import { tenantOf } from './api-keys/require-scope.ts';
import { createWebhookSchema, deliveryQuerySchema } from './delivery-schemas.ts';
import { readJson } from './json-body.ts';
import { noQuery } from './no-query.ts';
import { decodeCursor, encodeCursor, linkNext } from './paging.ts';

/** Where the next page of deliveries starts: the last one listed. */
const deliveryCursorSchema = z.object({ createdAt: z.number().int().min(0), id: z.string().max(200) }).strict();

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function parseQuery<S extends z.ZodType>(schema: S, query: Record<string, string>): z.infer<S> {
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw invalidInput('the query is not valid', { errors: zodIssues(parsed.error, 'query') });
  return parsed.data;
}

/** `Map.groupBy` arrived in Node 21. */
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

const webhookView = (s: WebhookSubscription) => ({ id: s.id, url: s.url, events: s.events, description: s.description, createdAt: new Date(s.createdAt).toISOString() });

/** Deliveries as clients see them, each with its attempts. */
async function deliveryViews(store: Pick<DeliveryQueries, 'deliveryAttempts'>, deliveries: Delivery[]) {
  const attempts = await store.deliveryAttempts(deliveries.map((d) => d.id));
  const byDelivery = groupBy(attempts, (a: DeliveryAttempt) => a.deliveryId);
  return deliveries.map((d) => ({
    id: d.id,
    notificationId: d.notificationId,
    orderId: publicOrderId(d.orderId),
    seq: d.seq,
    kind: d.kind,
    channel: d.channel,
    target: d.target,
    status: d.status,
    nextAttemptAt: d.status === 'pending' ? iso(d.nextAttemptAt) : null,
    deliveredAt: iso(d.deliveredAt),
    lastError: d.lastError,
    createdAt: new Date(d.createdAt).toISOString(),
    attempts: (byDelivery.get(d.id) ?? []).map((a) => ({ number: a.number, at: new Date(a.at).toISOString(), ok: a.ok, statusCode: a.statusCode, error: a.error, durationMs: a.durationMs })),
  }));
}

/** What the delivery routes read and write. */
export type DeliveryRoutesStore = DeliveryQueries & SubscriptionStore & Pick<OrderQueries, 'outbox'> & Pick<EngineStore, 'getOrder'>;

/** What is pending, delivered and dead for an order, for its view. Two indexed reads. */
export function notificationSummary({ store, machine, emailEnabled }: { store: Pick<DeliveryRoutesStore, 'outbox' | 'listDeliveries'>; machine: HostedMachine; emailEnabled: boolean }) {
  const emailed = emailedActions(machine);
  /** `orderId`: the order's store key. */
  return async (orderId: string) => {
    const [effects, deliveries] = await Promise.all([store.outbox(orderId), store.listDeliveries({ orderId, limit: 1000 })]);
    const undispatched = effects.filter((e) => e.status === 'pending');
    const count = (status: Delivery['status']) => deliveries.filter((d) => d.status === status).length;
    const undeliveredEmails =
      deliveries.filter((d) => d.channel === 'email' && d.status !== 'delivered').length + undispatched.filter((e) => emailed.has(e.action)).length;
    const note = !emailEnabled && undeliveredEmails > 0
      ? `${undeliveredEmails} e-mail${undeliveredEmails === 1 ? ' is' : 's are'} kept in the outbox undelivered: no SMTP server is configured (SMTP_URL)`
      : count('dead') > 0
        ? `${count('dead')} deliver${count('dead') === 1 ? 'y' : 'ies'} failed for good; see /orders/${encodeURIComponent(publicOrderId(orderId))}/notifications and retry with POST /deliveries/{id}/retry`
        : null;
    return { pending: count('pending') + undispatched.length, delivered: count('delivered'), dead: count('dead'), undeliveredEmails, note };
  };
}

export interface DeliveryRoutesOptions {
  store: DeliveryRoutesStore;
  clock: Clock;
  /** The hosted machine: its notification kinds, and which effects are e-mailed. */
  machine: HostedMachine;
  emailEnabled: boolean;
  /** Checks a subscription's URL against the webhook target rules; default: the default rules. */
  targets?: WebhookTargets;
}

/** Webhook subscriptions, deliveries (dead letters, retry) and each order's notifications. */
export function deliveryRoutes({ store, clock, machine, emailEnabled, targets = webhookTargets() }: DeliveryRoutesOptions) {
  const app = new Hono();
  const summary = notificationSummary({ store, machine, emailEnabled });
  const webhookSchema = createWebhookSchema(notificationKinds(machine));

  app.post('/webhooks', noQuery, async (c) => {
    const body = await readJson(c, webhookSchema);
    await targets.registrable(body.url).catch((error: unknown) => {
      if (!(error instanceof WebhookTargetRefused)) throw error;
      throw webhookTargetRefused(`the webhook url is refused: ${error.reason}`, { rule: error.rule, errors: [{ path: 'url', message: error.reason }] });
    });
    const subscription: WebhookSubscription = {
      id: randomUUID(),
      tenant: tenantOf(c),
      url: body.url,
      events: [...new Set(body.events)],
      secret: body.secret ?? `whsec_${randomBytes(32).toString('base64')}`,
      description: body.description ?? null,
      createdAt: clock.now(),
    };
    await store.createSubscription(subscription);
    c.header('Location', `/webhooks/${subscription.id}`);
    return c.json({ ...webhookView(subscription), secret: subscription.secret }, 201);
  });

  app.get('/webhooks', noQuery, async (c) => c.json({ webhooks: (await store.listSubscriptions(tenantOf(c))).map(webhookView) }));

  /** The request tenant's subscription; another tenant's is not found, as one that does not exist. */
  const subscriptionOf = async (c: Context, id: string) => {
    const s = await store.getSubscription(id);
    if (!s || s.tenant !== tenantOf(c)) throw notFound(`no webhook subscription with id ${JSON.stringify(id)}`);
    return s;
  };

  app.get('/webhooks/:id', noQuery, async (c) => c.json(webhookView(await subscriptionOf(c, c.req.param('id')))));

  app.delete('/webhooks/:id', noQuery, async (c) => {
    const s = await subscriptionOf(c, c.req.param('id'));
    if (!(await store.deleteSubscription(s.id))) throw notFound(`no webhook subscription with id ${JSON.stringify(s.id)}`);
    return c.body(null, 204);
  });

  app.get('/webhooks/:id/deliveries', async (c) => {
    const s = await subscriptionOf(c, c.req.param('id'));
    return c.json(await deliveryPage(c, { channel: 'webhook', target: s.id }));
  });

  app.get('/deliveries', async (c) => c.json(await deliveryPage(c, {})));

  /** A page of deliveries, newest first, with the cursor (and Link) of the next. */
  async function deliveryPage(c: Context, scope: Pick<DeliveryQuery, 'channel' | 'target'>) {
    const q = parseQuery(deliveryQuerySchema, c.req.query());
    const found = await store.listDeliveries({
      ...scope,
      tenant: tenantOf(c),
      limit: q.limit + 1,
      ...(q.status ? { status: q.status } : {}),
      ...(q.orderId ? { orderId: orderKeyOf(c, q.orderId) } : {}),
      ...(q.cursor ? { before: decodeCursor(q.cursor, deliveryCursorSchema) } : {}),
    });
    const page = found.slice(0, q.limit);
    const last = page.at(-1);
    const nextCursor = found.length > q.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null;
    linkNext(c, nextCursor);
    return { deliveries: await deliveryViews(store, page), nextCursor };
  }

  /** The request tenant's delivery; another tenant's is not found, as one that does not exist. */
  const deliveryOf = async (c: Context, id: string) => {
    const d = await store.getDelivery(id);
    if (!d || tenantOfKey(d.orderId) !== tenantOf(c)) throw notFound(`no delivery with id ${JSON.stringify(id)}`);
    return d;
  };

  app.get('/deliveries/:id', noQuery, async (c) => c.json((await deliveryViews(store, [await deliveryOf(c, c.req.param('id'))]))[0]));

  app.post('/deliveries/:id/retry', noQuery, async (c) => {
    const d = await deliveryOf(c, c.req.param('id'));
    const retried = await store.retryDelivery(d.id, clock.now());
    if (!retried) throw conflict(`delivery ${d.id} is ${d.status}; only a dead letter can be retried`, { status: 409, deliveryStatus: d.status });
    return c.json((await deliveryViews(store, [retried]))[0]);
  });

  app.get('/orders/:id/notifications', noQuery, async (c) => {
    const orderId = c.req.param('id');
    const key = orderKeyOf(c, orderId);
    const order = await store.getOrder(key);
    if (!order) throw notFound(`no order with id ${JSON.stringify(orderId)}`, { orderId });
    const [effects, deliveries] = await Promise.all([store.outbox(key), store.listDeliveries({ orderId: key, limit: 1000 })]);
    const views = await deliveryViews(store, deliveries.reverse());
    const byNotification = groupBy(views, (d) => d.notificationId);
    const notifications = [
      ...effects.map((e) => ({ id: e.id, kind: effectKindOf(machine, e.action, order.snapshot.machine.version).kind, seq: e.seq, createdAt: new Date(e.createdAt).toISOString(), dispatched: e.status !== 'pending', deliveries: byNotification.get(e.id) ?? [] })),
      // State changes exist only as deliveries: one with no subscriber is not a notification.
      ...[...byNotification.values()]
        .filter((ds) => !effects.some((e) => e.id === ds[0]!.notificationId))
        .map((ds) => ({ id: ds[0]!.notificationId, kind: ds[0]!.kind, seq: ds[0]!.seq, createdAt: ds[0]!.createdAt, dispatched: true, deliveries: ds })),
    ].sort((a, b) => a.seq - b.seq || a.createdAt.localeCompare(b.createdAt));
    return c.json({ orderId, email: emailEnabled ? 'enabled' : 'disabled', summary: await summary(key), notifications });
  });

  return app;
}
