import { Hono } from 'hono';
import { z } from 'zod';
import type { Engine } from '../engine/engine.ts';
import { zodIssues } from '../engine/zod-issues.ts';
import { invalidInput } from '../errors.ts';
import { orderKeyOf } from './api-keys/order-key.ts';
import { decodeCursor, encodeCursor, linkNext } from './paging.ts';
import { viewListQuerySchema } from './schemas.ts';

/** Where the next page of a list starts: the number of entries listed before it. */
const listCursorSchema = z.object({ from: z.number().int().min(0) }).strict();

export interface ViewListsRoutesOptions {
  engine: Pick<Engine, 'machine' | 'getViewList'>;
}

/**
 * `GET /orders/{id}/<name>` for each list the order view shows bounded (`HostedMachine.viewLists`):
 * the whole list, a page at a time, in the list's order, with its total and the order's version.
 */
export function viewListsRoutes({ engine }: ViewListsRoutesOptions) {
  const app = new Hono();
  for (const name of Object.keys(engine.machine.viewLists ?? {})) {
    app.get(`/:id/${name}`, async (c) => {
      const id = c.req.param('id');
      const key = orderKeyOf(c, id);
      const parsed = viewListQuerySchema.safeParse(c.req.query());
      if (!parsed.success) throw invalidInput('the query is not valid', { errors: zodIssues(parsed.error, 'query') });
      const { limit, cursor } = parsed.data;
      const from = cursor ? decodeCursor(cursor, listCursorSchema).from : 0;
      const { entries, version } = await engine.getViewList(key, name);
      const page = entries.slice(from, from + limit);
      const nextCursor = from + limit < entries.length ? encodeCursor({ from: from + limit }) : null;
      linkNext(c, nextCursor);
      return c.json({ orderId: id, version, total: entries.length, nextCursor, entries: page });
    });
  }
  return app;
}
