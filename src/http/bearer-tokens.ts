import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { unauthorized } from '../errors.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Requires `Authorization: Bearer <token>` with one of `tokens`. Tokens are compared by digest in
 * constant time, so the answer's timing says nothing about how much of a token matched.
 */
export function bearerTokens(tokens: readonly string[]): MiddlewareHandler {
  const known = tokens.map(digest);
  return async (c, next) => {
    const header = c.req.header('authorization');
    const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!m) {
      c.header('WWW-Authenticate', 'Bearer realm="aftersales"');
      throw unauthorized('send the API token as "Authorization: Bearer <token>"');
    }
    const presented = digest(m[1]!);
    if (!known.some((k) => timingSafeEqual(k, presented))) {
      c.header('WWW-Authenticate', 'Bearer realm="aftersales", error="invalid_token"');
      throw unauthorized('the API token is not valid');
    }
    await next();
  };
}
