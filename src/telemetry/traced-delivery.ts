import { context, propagation, SpanKind, SpanStatusCode, type Span, type Tracer } from '@opentelemetry/api';
import type { MailTransport } from '../workers/delivery-worker.ts';

/** Ends `span` after `work`, marking it failed when `work` throws or `failed` says so. */
async function inSpan<T>(span: Span, work: () => Promise<T>, failed: (result: T) => string | undefined): Promise<T> {
  try {
    const result = await work();
    const problem = failed(result);
    if (problem) span.setStatus({ code: SpanStatusCode.ERROR, message: problem });
    return result;
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
}

/** The URL without credentials or query (which may carry a receiver's token). */
const safeUrl = (url: string) => {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(invalid url)';
  }
};

/**
 * Wraps the delivery worker's `fetch`: each webhook attempt is a client span, and the request
 * carries its W3C `traceparent`, so the receiver's trace continues this one.
 */
export function tracedFetch(tracer: Tracer, fetch: typeof globalThis.fetch): typeof globalThis.fetch {
  return (input, init = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers = new Headers(init.headers);
    const attributes = { 'http.request.method': init.method ?? 'GET', 'url.full': safeUrl(url), 'aftersales.notification_id': headers.get('webhook-id') ?? '' };
    return tracer.startActiveSpan('deliver webhook', { kind: SpanKind.CLIENT, attributes }, (span) => {
      propagation.inject(context.active(), headers, { set: (h, key, value) => h.set(key, value) });
      return inSpan(
        span,
        async () => {
          const res = await fetch(input, { ...init, headers });
          span.setAttribute('http.response.status_code', res.status);
          return res;
        },
        (res) => (res.ok ? undefined : `HTTP ${res.status}`),
      );
    });
  };
}

/** Wraps the SMTP transport: each e-mail attempt is a client span. */
export function tracedMailer(tracer: Tracer, mailer: MailTransport): MailTransport {
  return {
    sendMail: (message) => {
      const attributes = { 'aftersales.notification_id': message.headers['X-Aftersales-Notification-Id'] ?? '', 'aftersales.order_id': message.headers['X-Aftersales-Order-Id'] ?? '' };
      return tracer.startActiveSpan('deliver email', { kind: SpanKind.CLIENT, attributes }, (span) => inSpan(span, () => mailer.sendMail(message), () => undefined));
    },
  };
}
