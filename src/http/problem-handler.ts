import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ProblemError, type Problem } from '../errors.ts';
import type { Logger } from '../logger.ts';

/** Sends a problem as `application/problem+json` (RFC 9457). */
export function problemResponse(c: Context, problem: Problem, headers: Record<string, string> = {}) {
  return c.body(JSON.stringify({ ...problem, instance: c.req.path, requestId: c.get('requestId') }), problem.status as 400, {
    'Content-Type': 'application/problem+json',
    ...headers,
  });
}

/**
 * The one place errors become responses. Problems answer as they are; anything else is a bug:
 * logged with the request id, answered with a generic 500 that leaks nothing.
 */
export function problemHandler(logger: Logger) {
  return (error: Error, c: Context) => {
    if (error instanceof ProblemError) return problemResponse(c, error.problem);
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
