import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { trace } from '@opentelemetry/api';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../telemetry/metrics.ts';

/**
 * The route pattern that served (or would have served) the request, e.g. `/orders/:id/events`:
 * the last matched handler, so a request refused by a middleware (401) still names its route.
 * Requests no route matches are `(unmatched)`, which keeps metric labels bounded.
 */
export function routeOf(c: Context): string {
  const routes = matchedRoutes(c);
  for (let i = routes.length - 1; i >= 0; i--) if (routes[i]!.method !== 'ALL') return routes[i]!.path;
  return '(unmatched)';
}

const annotations = new WeakMap<Context, Record<string, unknown>>();

/**
 * Adds facts to this request's access line and, when tracing is on, to its span (as
 * `aftersales.<key>`). The place for who made the request: the tenant middleware (issue 13) calls
 * `annotateRequest(c, { tenant })` once it knows the API key's tenant.
 */
export function annotateRequest(c: Context, fields: Record<string, string | number | boolean>) {
  annotations.set(c, { ...annotations.get(c), ...fields });
  const span = trace.getActiveSpan();
  if (span) for (const [key, value] of Object.entries(fields)) span.setAttribute(`aftersales.${key}`, value);
}

export interface AccessLogOptions {
  logger: Logger;
  /** When given, each request is also observed in `http_request_duration_seconds`. */
  metrics?: Metrics | undefined;
  /** Routes polled by machines (probes, scrapes): their lines are at debug, not info. */
  quietRoutes?: readonly string[];
}

/**
 * One access line per request (`msg: "request"`: request id, method, route, path, status,
 * duration, and whatever `annotateRequest` added), and the request-duration metric, from one
 * measurement. The duration runs to the response head (a stream's body may go on).
 */
export function accessLog({ logger, metrics, quietRoutes = ['/healthz', '/readyz', '/metrics'] }: AccessLogOptions): MiddlewareHandler {
  const quiet = new Set(quietRoutes);
  return async (c, next) => {
    const started = performance.now();
    await next();
    const ms = performance.now() - started;
    const route = routeOf(c);
    const status = c.res.status;
    metrics?.httpRequestDuration.observe({ method: c.req.method, route, status: String(status) }, ms / 1000);
    const fields = { requestId: c.get('requestId'), method: c.req.method, route, path: c.req.path, status, durationMs: Math.round(ms * 10) / 10, ...annotations.get(c) };
    if (quiet.has(route)) logger.debug('request', fields);
    else logger.info('request', fields);
  };
}
