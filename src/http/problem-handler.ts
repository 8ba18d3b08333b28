import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ProblemError, unavailable, type Problem } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { StoreUnavailableError } from '../store/store.ts';
import { DEFAULT_TENANT } from '../tenancy/order-keys.ts';
import type { Principal } from '../tenancy/scopes.ts';

/** Seconds a client waits before retrying a request the database could not serve. */
const UNAVAILABLE_RETRY_AFTER = 2;

/** Sends a problem as `application/problem+json` (RFC 9457). */
export function problemResponse(c: Context, problem: Problem, headers: Record<string, string> = {}) {
  return c.body(JSON.stringify({ ...problem, instance: c.req.path, requestId: c.get('requestId') }), problem.status as 400, {
    'Content-Type': 'application/problem+json',
    ...headers,
  });
}

/**
 * The engine names orders by their store key (`shop-a/A-1`); a tenant knows its orders by id (`A-1`).
 * Its problems say what it knows.
 */
function asTenantSees(problem: Problem, principal: Principal | undefined): Problem {
  if (!principal || principal.tenant === DEFAULT_TENANT) return problem;
  const prefix = `${principal.tenant}/`;
  const unscope = (text: string) => text.replaceAll(prefix, '');
  return { ...problem, detail: unscope(problem.detail), ...(typeof problem.orderId === 'string' ? { orderId: unscope(problem.orderId) } : {}) };
}

/**
 * The one place errors become responses. Problems answer as they are; anything else is a bug:
 * logged with the request id, answered with a generic 500 that leaks nothing.
 */
export function problemHandler(logger: Logger) {
  return (error: Error, c: Context) => {
    if (error instanceof StoreUnavailableError) {
      logger.warn('database unavailable', { requestId: c.get('requestId'), method: c.req.method, path: c.req.path, error: error.message });
      const detail = c.req.method === 'GET' || c.req.method === 'HEAD'
        ? 'the database did not answer in time; retry after the delay in Retry-After'
        : 'the database did not answer in time; the change may or may not have been made: retry with the same Idempotency-Key after the delay in Retry-After';
      return problemResponse(c, unavailable(detail).problem, { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER) });
    }
    if (error instanceof ProblemError) {
      return problemResponse(c, asTenantSees(error.problem, c.get('principal') as Principal | undefined), error.retryAfter === undefined ? {} : { 'Retry-After': String(error.retryAfter) });
    }
    if (error instanceof HTTPException && error.status < 500) {
      return problemResponse(c, { type: '/problems/http', title: 'Request refused', status: error.status, detail: error.message || 'the request was refused' });
    }
    logger.error('unhandled error', { requestId: c.get('requestId'), method: c.req.method, path: c.req.path, error: error.stack ?? String(error) });
    return problemResponse(c, {
      type: '/problems/internal',
      title: 'Internal error',
      status: 500,
      detail: 'the service failed to handle this request; nothing was changed unless the order view says so. Quote the request id when reporting it',
    });
  };
}
