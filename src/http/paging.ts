import type { Context } from 'hono';
import type { z } from 'zod';
import { invalidInput } from '../errors.ts';

/** An opaque cursor: where the next page starts, as base64url JSON. */
export const encodeCursor = (position: object) => Buffer.from(JSON.stringify(position)).toString('base64url');

/** The position a cursor holds; a 422 problem unless it is one this API gave out. */
export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T {
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through to the problem below
  }
  throw invalidInput('the cursor is not one this API gave out', { errors: [{ path: 'query.cursor', message: 'use nextCursor from the previous page' }] });
}

/** `Link: <same query, this cursor>; rel="next"` (RFC 8288) when there is a next page. */
export function linkNext(c: Context, nextCursor: string | null) {
  if (nextCursor === null) return;
  const url = new URL(c.req.url);
  url.searchParams.set('cursor', nextCursor);
  c.header('Link', `<${url.pathname}${url.search}>; rel="next"`);
}
