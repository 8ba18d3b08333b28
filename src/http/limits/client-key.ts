import type { Context } from 'hono';

/**
 * Whom a request counts against: its credentials (the `Authorization` header as sent), or, without
 * any, the address it came from. Read from the request alone: no lookup, so limits can run before
 * authentication and cost nothing per request but a header read.
 */
export function clientKey(c: Context): string {
  const authorization = c.req.header('authorization');
  if (authorization) return `key:${authorization}`;
  const socket = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket;
  return `addr:${socket?.remoteAddress ?? 'local'}`;
}
