import { Hono } from 'hono';
import { z } from 'zod';
import type { Engine } from '../engine/engine.ts';
import { currentVersion } from '../engine/hosted-machine.ts';
import { zodIssues } from '../engine/zod-issues.ts';
import { invalidInput, malformedRequest, notFound } from '../errors.ts';
import type { EngineStore } from '../store/engine-store.ts';
import type { OrderQueries } from '../store/queries.ts';
import { eventQuerySchema } from './dry-run-schema.ts';
import { readJson } from './json-body.ts';
import { unstorableReason } from './storable-text.ts';
import { eventRequestSchema, listQuerySchema } from './schemas.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function encodeCursor(position: { id: string; deadline?: number }) {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}
/** What a cursor may hold: an order id as stored, and a deadline in epoch ms (a whole number). */
const cursorSchema = z
  .object({
    id: z.string().max(500).refine((id) => unstorableReason(id) === undefined),
    deadline: z.number().int().min(0).optional(),
  })
  .strict();

function decodeCursor(cursor: string): { id: string; deadline?: number } {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through to the problem below
  }
  throw invalidInput('the cursor is not one this API gave out', { errors: [{ path: 'query.cursor', message: 'use nextCursor from the previous page' }] });
}

/** `If-Match: "3"`, `W/"3"` or `3` → 3. */
function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  if (!m) throw malformedRequest('If-Match must carry the order version as given in its ETag, e.g. "3"');
  return Number(m[1]);
}

function idempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/.test(header)) {
    throw invalidInput('Idempotency-Key must be 1 to 255 visible ASCII characters', { errors: [{ path: 'Idempotency-Key', message: 'invalid' }] });
  }
  return header;
}

const etag = (version: number) => `"${version}"`;

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

  app.post('/', async (c) => {
    const input = await readJson(c, createSchema);
    const { order, created } = await engine.createOrder(input);
    c.header('ETag', etag(order.version));
    c.header('Location', `/orders/${encodeURIComponent(order.id)}`);
    return c.json(order, created ? 201 : 200);
  });

  app.get('/', async (c) => {
    const parsed = listQuerySchema.safeParse(c.req.query());
    if (!parsed.success) throw invalidInput('the query is not valid', { errors: zodIssues(parsed.error, 'query') });
    const q = parsed.data;
    const orders = await store.listOrders({
      limit: q.limit + 1,
      ...(q.state ? { statePrefix: q.state } : {}),
      ...(q.deadlineBefore ? { deadlineBefore: Date.parse(q.deadlineBefore) } : {}),
      ...(q.cursor ? { after: decodeCursor(q.cursor) } : {}),
    });
    const page = orders.slice(0, q.limit);
    const last = page.at(-1);
    return c.json({
      orders: page.map((o) => ({ id: o.id, state: o.state, version: o.version, nextDeadlineAt: iso(o.nextDeadlineAt), updatedAt: iso(o.updatedAt) })),
      nextCursor:
        orders.length > q.limit && last
          ? encodeCursor({ id: last.id, ...(q.deadlineBefore && last.nextDeadlineAt !== null ? { deadline: last.nextDeadlineAt } : {}) })
          : null,
    });
  });

  app.get('/:id', async (c) => {
    const order = await engine.getOrder(c.req.param('id'));
    c.header('ETag', etag(order.version));
    // Only the read view counts notifications: event answers stay one store read and one commit.
    return c.json(notifications ? { ...order, notifications: await notifications(order.id) } : order);
  });

  app.post('/:id/events', async (c) => {
    const query = eventQuerySchema.safeParse(c.req.query());
    if (!query.success) throw invalidInput('the query is not valid', { errors: zodIssues(query.error, 'query') });
    const ifMatch = parseIfMatch(c.req.header('if-match'));
    const key = idempotencyKey(c.req.header('idempotency-key'));
    const body = await readJson(c, eventRequestSchema);
    const options = { ...(key !== undefined ? { idempotencyKey: key } : {}), ...(ifMatch !== undefined ? { ifMatch } : {}) };
    if (query.data.dryRun === 'true') {
      const tried = await engine.trySend(c.req.param('id'), body.type, body.payload ?? {}, options);
      // The ETag is the order's as it is: nothing changed.
      c.header('ETag', etag(tried.from.version));
      return c.json(tried);
    }
    const order = await engine.send(c.req.param('id'), body.type, body.payload ?? {}, options);
    c.header('ETag', etag(order.version));
    return c.json(order);
  });

  app.get('/:id/history', async (c) => {
    const id = c.req.param('id');
    // Read even when the order cannot be restored: its history is what explains it.
    if (!(await store.getOrder(id))) throw notFound(`no order with id ${JSON.stringify(id)}`, { orderId: id });
    const history = await store.history(id);
    return c.json({
      orderId: id,
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
