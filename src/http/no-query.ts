import type { MiddlewareHandler } from 'hono';
import { invalidInput } from '../errors.ts';

/**
 * Refuses query parameters on a route that takes none (422 naming them), so a misspelt option is
 * never silently ignored. Routes that take some validate them with a strict zod schema instead.
 */
export const noQuery: MiddlewareHandler = async (c, next) => {
  const names = [...new Set(new URL(c.req.url).searchParams.keys())];
  if (names.length > 0) {
    throw invalidInput(`${c.req.method} ${c.req.path} takes no query parameters`, {
      errors: names.map((name) => ({ path: `query.${name}`, message: 'unknown query parameter' })),
    });
  }
  await next();
};
