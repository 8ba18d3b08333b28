import { context, propagation, SpanKind, SpanStatusCode, type TextMapGetter, type Tracer } from '@opentelemetry/api';
import type { MiddlewareHandler } from 'hono';
import { routeOf } from './access-log.ts';

const fromHeaders: TextMapGetter<Headers> = {
  get: (headers, key) => headers.get(key) ?? undefined,
  keys: (headers) => [...headers.keys()],
};

/**
 * A server span per request, named `METHOD /route/:pattern`, child of the caller's W3C
 * `traceparent` when the request carries one. Spans started while the request is handled (engine
 * transitions, queries) become its children.
 */
export function requestSpan({ tracer }: { tracer: Tracer }): MiddlewareHandler {
  return (c, next) => {
    const parent = propagation.extract(context.active(), c.req.raw.headers, fromHeaders);
    const attributes = { 'http.request.method': c.req.method, 'url.path': c.req.path };
    return tracer.startActiveSpan(c.req.method, { kind: SpanKind.SERVER, attributes }, parent, async (span) => {
      try {
        await next();
      } finally {
        const route = routeOf(c);
        const status = c.res.status;
        span.updateName(`${c.req.method} ${route}`);
        span.setAttributes({ 'http.route': route, 'http.response.status_code': status, 'aftersales.request_id': String(c.get('requestId')) });
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR, message: c.error?.message ?? `HTTP ${status}` });
        span.end();
      }
    });
  };
}
