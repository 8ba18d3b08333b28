import { Hono } from 'hono';
import { z } from 'zod';
import type { Engine } from '../engine/engine.ts';
import { zodIssues } from '../engine/zod-issues.ts';
import { invalidInput, notFound } from '../errors.ts';
import { orderKeyOf } from './api-keys/order-key.ts';
import { decodeCursor, encodeCursor, linkNext } from './paging.ts';
import { viewListQuerySchema } from './schemas.ts';

/** Where the next page of a list starts: the number of entries listed before it. */
const listCursorSchema = z.object({ from: z.number().int().min(0) }).strict();

/** The `{param}`s of a list's name, one per `*` of its path (the position of an entry, e.g. `{claim}`). */
export const listParams = (name: string) => [...name.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** The position of an entry in a path: a whole number from 0. */
const position = z.coerce.number().int().min(0).max(1_000_000);

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
    const params = listParams(name);
    app.get(`/:id/${name.replace(/\{(\w+)\}/g, ':$1')}`, async (c) => {
      const id = c.req.param('id');
      const key = orderKeyOf(c, id);
      const indices = params.map((p) => {
        const parsed = position.safeParse(c.req.param(p));
        if (!parsed.success) throw invalidInput(`${p} is the position of an entry: a whole number from 0`, { errors: [{ path: `path.${p}`, message: 'a whole number from 0' }] });
        return parsed.data;
      });
      const parsed = viewListQuerySchema.safeParse(c.req.query());
      if (!parsed.success) throw invalidInput('the query is not valid', { errors: zodIssues(parsed.error, 'query') });
      const { limit, cursor } = parsed.data;
      const from = cursor ? decodeCursor(cursor, listCursorSchema).from : 0;
      const found = await engine.getViewList(key, name, indices);
      if ('missing' in found) throw notFound(`order ${JSON.stringify(id)} has no such entry: ${params.map((p, i) => `${p} ${indices[i]}`).join(', ')}`, { orderId: id });
      const { entries, version } = found;
      const page = entries.slice(from, from + limit);
      const nextCursor = from + limit < entries.length ? encodeCursor({ from: from + limit }) : null;
      linkNext(c, nextCursor);
      return c.json({ orderId: id, version, total: entries.length, nextCursor, entries: page });
    });
  }
  return app;
}
