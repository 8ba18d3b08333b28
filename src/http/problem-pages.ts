import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import { notFound, problemTypes } from '../errors.ts';
import { noQuery } from './no-query.ts';

/** What each problem means and what a client does about it; a type without a line here shows its title. */
const explanations: Record<string, string> = {
  'malformed-request': 'The request could not be read: the body is not JSON, or a header (If-Match, Idempotency-Key) is ill-formed. Fix the request; sending it again unchanged gets the same answer.',
  unauthorized: 'The deployment requires an API token (API_TOKENS) and the request carried none, or an unknown one. Send `Authorization: Bearer <token>`.',
  forbidden: 'The API token is valid but may not do this. Use a token with the needed scope.',
  'not-found': 'No such order, subscription, delivery or route. Check the id (ids are case-sensitive) and the path against /docs.',
  'method-not-allowed': 'The path exists but does not take this method. The `Allow` header lists the methods it takes.',
  'event-not-accepted': "The order's current state does not take this event. `acceptedEvents` lists what it takes now, and `reason` says why this one is refused when a rule forbids it. Read the order, then send one of those.",
  conflict: 'The request conflicts with what the service holds: an order id created with another body, a delivery that is not dead, or an order changed by many requests at once (retry).',
  'version-mismatch': 'If-Match named a version the order is no longer at: someone changed it since you read it. Read the order again (its ETag), decide again, and send with the new tag.',
  'payload-too-large': 'The body is larger than the service accepts. Send less (for example fewer evidence items per event).',
  'unsupported-media-type': 'The body must be sent as `application/json`.',
  'invalid-input': 'The body, a query parameter or a header does not fit the schema (see /openapi.json), or an Idempotency-Key was reused for another request. `errors` lists each field with what is wrong.',
  'webhook-target-refused': 'The webhook URL would send to a place webhooks may not go. `rule` names it: `https-only` (plain http is refused unless the operator set WEBHOOK_ALLOW_HTTP=1), or `loopback`, `private`, `link-local`, `unique-local`, `multicast`, `unspecified`, `reserved` (the host is, or resolves to, such an address, in any spelling: decimal, hex, IPv4-mapped IPv6). Register a public https URL; an operator can exempt a host with WEBHOOK_ALLOWED_HOSTS.',
  'misdirected-request': 'The request named a host (`Host` header) this service does not answer for. A page of another site whose name was pointed at this address (DNS rebinding) gets this. Call the service by one of the names its operator configured (ALLOWED_HOST_NAMES; by default, on loopback, `localhost` and `127.0.0.1`).',
  'rate-limited': 'Too many requests with these credentials: more per second than the service allows each key (RATE_LIMIT_PER_SECOND, bursts of RATE_LIMIT_BURST), or more live streams open at once than STREAMS_PER_KEY. Wait the seconds of `Retry-After`, or close a stream, then retry.',
  unavailable: 'The service cannot answer now (not ready, or overloaded). Retry later, after Retry-After when given.',
  'unrestorable-order': 'The order was stored by a machine version or in a state this release does not have (a rollback, a lost state). `npx aftersales doctor` lists such orders; deploy a release that has the version.',
  http: 'The request was refused before it reached the API (for example a malformed URL).',
  internal: 'The service failed to handle the request; it is logged with the request id. Nothing was changed unless the order says so. Quote `requestId` when reporting it.',
};

/** Escapes text for HTML and shows `quoted` parts as code. */
const withCode = (text: string) =>
  text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!).replace(/`([^`]+)`/g, '<code>$1</code>');

const page = (title: string, body: ReturnType<typeof html>) => html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title><meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:46rem;padding:1rem 2rem;color:#1d2433}code{background:#f3f5f8;padding:0 .2em}</style>
</head><body>${body}<p><a href="/problems">All problem types</a> · <a href="/docs">API reference</a></p></body></html>`;

/**
 * `/problems/<slug>`: a page for each problem type, so the `type` URI of every problem answer
 * (relative to the service) resolves to what it means and what to do (RFC 9457, section 3.1.1).
 */
export function problemPages() {
  const app = new Hono();
  app.get('/', noQuery, (c) => {
    const items = [...problemTypes].map(([slug, p]) => html`<li><a href="/problems/${slug}">${p.title}</a> (${p.status}): <code>/problems/${slug}</code></li>`);
    return c.html(page('Problem types', html`<h1>Problem types</h1><p>Every refusal is <code>application/problem+json</code> (RFC 9457) with one of these types.</p><ul>${items}</ul>`));
  });
  app.get('/:slug', noQuery, (c) => {
    const slug = c.req.param('slug');
    const type = problemTypes.get(slug);
    if (!type) throw notFound(`no problem type ${JSON.stringify(slug)}; see /problems`);
    const text = explanations[slug] ?? type.title;
    return c.html(page(type.title, html`<h1>${type.title}</h1><p>Type <code>/problems/${slug}</code>, status ${type.status}.</p><p>${raw(withCode(text))}</p>`));
  });
  return app;
}
