import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Engine } from '../engine/engine.ts';
import type { OrderView } from '../engine/instance-view.ts';
import { currentVersion } from '../engine/hosted-machine.ts';
import { zodIssues } from '../engine/zod-issues.ts';
import { invalidInput, notFound } from '../errors.ts';
import type { EngineStore } from '../store/engine-store.ts';
import type { OrderQueries } from '../store/queries.ts';
import { newOrderKey, orderKeyOf } from './api-keys/order-key.ts';
import { tenantOf } from './api-keys/require-scope.ts';
import { eventQuerySchema } from './dry-run-schema.ts';
import { entityTag, ifMatchVersions, noneMatchHit } from './entity-tags.ts';
import { idempotencyKey } from './idempotency-key.ts';
import { readJson } from './json-body.ts';
import { noQuery } from './no-query.ts';
import { decodeCursor, encodeCursor, linkNext } from './paging.ts';
import { unstorableReason } from './storable-text.ts';
import { requireWebUrls } from './web-urls.ts';
import { orderKey, publicOrderId } from '../tenancy/order-keys.ts';
import { eventRequestSchema, historyQuerySchema, listQuerySchema } from './schemas.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** What a cursor may hold: an order id as its tenant knows it, and a deadline in epoch ms (a whole number). */
const cursorSchema = z
  .object({
    id: z.string().max(500).refine((id) => unstorableReason(id) === undefined),
    deadline: z.number().int().min(0).optional(),
  })
  .strict();

const noQueryParsed = eventQuerySchema.safeParse({});

/** Where the next page of a history starts: after the last entry listed. */
const historyCursorSchema = z.object({ seq: z.number().int().min(0) }).strict();

/** An order as JSON, with the entity tag of exactly this body. */
function sendJson(c: Context, order: OrderView, status: 200 | 201 = 200) {
  const body = JSON.stringify(order);
  c.header('ETag', entityTag(order.version, body));
  return c.body(body, status, { 'Content-Type': 'application/json' });
}

export interface OrdersRoutesOptions {
  engine: Engine;
  /** The read queries (lists, history), and the order's existence for its history. */
  store: Pick<OrderQueries, 'listOrders' | 'history'> & Pick<EngineStore, 'getOrder'>;
  /** The notification summary shown in `GET /orders/:id`. */
  notifications?: (orderId: string) => Promise<unknown>;
}

/** The order routes: create, read, send events, history, lists. */
export function ordersRoutes({ engine, store, notifications }: OrdersRoutesOptions) {
  const app = new Hono();
  // New orders are created on the newest version, with its creation schema.
  const createSchema = currentVersion(engine.machine).createSchema;
  const listFlags = Object.keys(engine.machine.listFlags ?? {});
  const listQuery = listQuerySchema(engine.machine.listFlags);

  app.post('/', noQuery, async (c) => {
    const input = await readJson(c, createSchema);
    const { order, created } = await engine.createOrder(input, newOrderKey(c, input.id));
    c.header('Location', `/orders/${encodeURIComponent(order.id)}`);
    return sendJson(c, order, created ? 201 : 200);
  });

  app.get('/', async (c) => {
    const parsed = listQuery.safeParse(c.req.query());
    if (!parsed.success) throw invalidInput('the query is not valid', { errors: zodIssues(parsed.error, 'query') });
    const q = parsed.data as typeof parsed.data & Record<string, string | undefined>;
    const flags = Object.fromEntries(listFlags.filter((f) => q[f] !== undefined).map((f) => [f, q[f] === 'true']));
    const tenant = tenantOf(c);
    const after = q.cursor ? decodeCursor(q.cursor, cursorSchema) : undefined;
    const orders = await store.listOrders({
      tenant,
      limit: q.limit + 1,
      ...(q.state ? { statePrefix: q.state } : {}),
      ...(Object.keys(flags).length ? { listFlags: flags } : {}),
      ...(q.deadlineBefore ? { deadlineBefore: Date.parse(q.deadlineBefore) } : {}),
      // A cursor names an id of the tenant's own: it pages only through the tenant's orders.
      ...(after ? { after: { ...after, id: orderKey(tenant, after.id) ?? '' } } : {}),
    });
    const page = orders.slice(0, q.limit);
    const last = page.at(-1);
    const nextCursor =
      orders.length > q.limit && last
        ? encodeCursor({ id: publicOrderId(last.id), ...(q.deadlineBefore && last.nextDeadlineAt !== null ? { deadline: last.nextDeadlineAt } : {}) })
        : null;
    linkNext(c, nextCursor);
    return c.json({
      orders: page.map((o) => ({
        id: publicOrderId(o.id),
        state: o.state,
        version: o.version,
        nextDeadlineAt: iso(o.nextDeadlineAt),
        updatedAt: iso(o.updatedAt),
        // As the list filter reads them: an order whose flags are not computed yet has none set.
        flags: Object.fromEntries(listFlags.map((f) => [f, o.listFlags?.includes(f) ?? false])),
      })),
      nextCursor,
    });
  });

  app.get('/:id', noQuery, async (c) => {
    const key = orderKeyOf(c, c.req.param('id'));
    const order = await engine.getOrder(key);
    // Only the read view counts notifications: event answers stay one store read and one commit.
    const body = JSON.stringify(notifications ? { ...order, notifications: await notifications(key) } : order);
    const tag = entityTag(order.version, body);
    c.header('ETag', tag);
    c.header('Cache-Control', 'no-cache');
    if (noneMatchHit(c.req.header('if-none-match'), tag)) return c.body(null, 304);
    return c.body(body, 200, { 'Content-Type': 'application/json' });
  });

  app.post('/:id/events', async (c) => {
    // Most events carry no query at all: parse one only when the URL has it.
    const query = c.req.url.includes('?') ? eventQuerySchema.safeParse(c.req.query()) : noQueryParsed;
    if (!query.success) throw invalidInput('the query is not valid', { errors: zodIssues(query.error, 'query') });
    const ifMatch = ifMatchVersions(c.req.header('if-match'));
    const idempotent = idempotencyKey(c.req.header('idempotency-key'));
    const body = await readJson(c, eventRequestSchema);
    // Links a person may open are http(s), whatever the machine accepts (checked before it sees them).
    requireWebUrls(body.payload);
    const key = orderKeyOf(c, c.req.param('id'));
    const options = {
      ...(idempotent !== undefined ? { idempotencyKey: idempotent, onReplay: () => c.header('Idempotent-Replayed', 'true') } : {}),
      ...(ifMatch !== undefined && ifMatch !== '*' ? { ifMatch } : {}),
    };
    // A dry run answers what the event would do, not the order: no entity tag (from.version says where it stands).
    if (query.data.dryRun === 'true') return c.json(await engine.trySend(key, body.type, body.payload ?? {}, options));
    return sendJson(c, await engine.send(key, body.type, body.payload ?? {}, options));
  });

  app.get('/:id/history', async (c) => {
    const id = c.req.param('id');
    const key = orderKeyOf(c, id);
    const parsed = historyQuerySchema.safeParse(c.req.query());
    if (!parsed.success) throw invalidInput('the query is not valid', { errors: zodIssues(parsed.error, 'query') });
    const q = parsed.data;
    // Read even when the order cannot be restored: its history is what explains it.
    if (!(await store.getOrder(key))) throw notFound(`no order with id ${JSON.stringify(id)}`, { orderId: id });
    const afterSeq = q.cursor ? decodeCursor(q.cursor, historyCursorSchema).seq : 0;
    const found = await store.history(key, { afterSeq, limit: q.limit + 1 });
    const history = found.slice(0, q.limit);
    const nextCursor = found.length > q.limit ? encodeCursor({ seq: history.at(-1)!.seq }) : null;
    linkNext(c, nextCursor);
    return c.json({
      orderId: id,
      nextCursor,
      history: history.map((h) => ({
        seq: h.seq,
        type: h.type,
        payload: h.payload,
        fromState: h.fromState,
        toState: h.toState,
        at: iso(h.at),
        idempotencyKey: h.idempotencyKey,
        source: h.source,
        dueAt: iso(h.dueAt),
        machineVersion: h.machineVersion,
      })),
    });
  });

  return app;
}
