import { cors } from 'hono/cors';

/**
 * CORS for browser clients of the configured origins (`*`: any): the preflight answers what a
 * client sends (the token, idempotency and conditional headers), and the answers expose what a
 * client reads (entity tags, locations, paging links, replays, request ids, rate limits).
 */
export function corsFor(origins: readonly string[]) {
  return cors({
    origin: origins.includes('*') ? '*' : [...origins],
    allowMethods: ['GET', 'HEAD', 'POST', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'If-None-Match'],
    exposeHeaders: ['ETag', 'Location', 'Link', 'Idempotent-Replayed', 'X-Request-Id', 'Retry-After', 'Allow'],
    maxAge: 600,
  });
}
