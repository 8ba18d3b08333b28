import fc from 'fast-check';

/** One request of the API fuzz: what `app.request()` is called with, printed readably when shrunk. */
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Ids that exist in the fuzzed service (created before the run), so requests reach stored rows too. */
export const knownOrderIds = ['FZ-1', 'FZ-2'];

// The public vocabulary (DOMAIN.md), plus a timer event that clients may not send.
const eventTypes = ['SHIPPED', 'STOCK_UNAVAILABLE', 'ITEM_OVERSIZED', 'SUPPLIER_CONTACTED', 'SUPPLIER_UNRESPONSIVE', 'SWITCH_SUPPLIER', 'REQUEST_REFUND', 'CANCEL_REQUESTED', 'INTERCEPT_SUCCEEDED', 'INTERCEPT_FAILED', 'CUSTOMS_HELD', 'CUSTOMS_CLEARED', 'DELIVERED', 'ISSUE_REPORTED', 'EVIDENCE_SUBMITTED', 'VERIFICATION_APPROVED', 'VERIFICATION_REJECTED', 'REQUEST_RESHIP', 'RESHIPPED', 'REFUND_ISSUED', 'TIMER.EXPEDITE'];
const payloadKeys = ['note', 'carrier', 'trackingNumber', 'reason', 'amount', 'reference', 'kind', 'items', 'media', 'supplier', 'at', 'description'];

/** Any UTF-16 unit, lone surrogates and NUL included: what a careless or hostile client can send. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const hostileText = fc.oneof(
  fc.constantFrom('\0', 'a\0b', '\ud800', 'x\udc00y', '\ud83d\ude00', '%00', '%', '..', '../../etc/passwd', '1e309', 'NaN', "' OR '1'='1", '\\', '"', ' ', '', 'ß'.repeat(300), 'FZ-1'),
  fc.string({ unit: anyUnit, maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 24 }),
);
const hostileNumber = fc.oneof(fc.constantFrom(-1, 0, 0.5, 2 ** 53, 2 ** 63, 1e308, -1e308, Number.MIN_VALUE), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
const leaf = fc.oneof(hostileText, hostileNumber, fc.boolean(), fc.constant(null));
const hostileValue = fc.oneof(
  { depthSize: 'small' },
  leaf,
  fc.array(leaf, { maxLength: 3 }),
  fc.dictionary(fc.oneof(fc.constantFrom('sku', 'quantity', 'unitPrice', 'id', 'kind', 'url'), hostileText), leaf, { maxKeys: 3 }),
);

/** Percent-encodes any string, lone surrogates too (as the bytes of their CESU-8 form, which is not UTF-8). */
function encodeSegment(text: string): string {
  return [...text]
    .map((ch) => {
      try {
        return encodeURIComponent(ch);
      } catch {
        const c = ch.charCodeAt(0);
        return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
      }
    })
    .join('');
}

const idSegment = fc.oneof(
  fc.constantFrom(...knownOrderIds, 'nope', '%00', '%FF', '%ED%A0%80', '%', '%zz', '..', '%2e%2e', '%2F'),
  hostileText.map(encodeSegment),
);

const cursorText = fc.oneof(
  fc.constantFrom('{"id":"FZ-1","deadline":1e309}', '{"id":"FZ-1","deadline":1.5}', '{"id":"FZ-1","deadline":-1}', '{"id":"FZ-1","deadline":9223372036854775808}', '{"id":"\\u0000"}', '{"id":7}', '{"id":', '[]', 'null'),
  fc.record({ id: hostileText, deadline: hostileNumber }).map((o) => JSON.stringify(o)),
);
const queryValue = fc.oneof(
  fc.constantFrom('inTransit', 'preShipment.processing', '2030-01-01T00:00:00Z', '10', '0', '501', 'pending', 'dead', 'FZ-1'),
  cursorText.map((json) => Buffer.from(json).toString('base64url')),
  hostileText,
);
const query = fc
  .dictionary(fc.oneof(fc.constantFrom('state', 'deadlineBefore', 'cursor', 'limit', 'status', 'orderId'), hostileText), queryValue, { maxKeys: 3 })
  .map((q) => {
    const text = Object.entries(q).map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v)}`).join('&');
    return text ? `?${text}` : '';
  });

/** A JSON text that mostly fits a route's body and then breaks it in one place. */
const eventBody = fc
  .record({ type: fc.oneof(fc.constantFrom(...eventTypes), hostileText), payload: fc.dictionary(fc.oneof(fc.constantFrom(...payloadKeys), hostileText), hostileValue, { maxKeys: 3 }) }, { requiredKeys: ['type'] })
  .map((b) => JSON.stringify(b));
const orderBody = fc
  .tuple(fc.constantFrom('id', 'scope', 'sellerEmail', 'supplier', 'items', 'currency', 'shipBy', 'policy', 'extra'), hostileValue, fc.nat())
  .map(([field, value, n]) => JSON.stringify({ id: `FZ-new-${n}`, scope: 'domestic', sellerEmail: 'seller@shop.example', supplier: { id: 'sup-1' }, items: [{ sku: 'A', quantity: 1, unitPrice: 100 }], currency: 'USD', shipBy: '2026-03-04T00:00:00Z', [field]: value }));
const webhookBody = fc
  .record({ url: fc.oneof(fc.constant('https://hooks.example/in'), hostileText), events: fc.oneof(fc.constant(['*']), fc.array(hostileText, { maxLength: 2 })), description: hostileText, secret: hostileText }, { requiredKeys: [] })
  .map((b) => JSON.stringify(b));
const rawBody = fc.oneof(fc.constantFrom('{', '[]', 'null', '"\\u0000"', '{"type":"SHIPPED","payload":{"carrier":"\\ud800","trackingNumber":"1"}}', '{"id":1e309}'), fc.jsonValue().map((v) => JSON.stringify(v)), fc.string({ unit: anyUnit, maxLength: 40 }));

const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 30 });
const headers = fc.record(
  { 'content-type': fc.constantFrom('application/json', 'application/merge-patch+json', 'text/plain'), 'idempotency-key': headerText, 'if-match': fc.oneof(fc.constantFrom('"1"', 'W/"2"', '"99999999999999999999"'), headerText) },
  { requiredKeys: ['content-type'] },
);

const route = fc.oneof(
  fc.tuple(fc.constant('POST'), fc.constant('/orders'), orderBody),
  fc.tuple(fc.constant('POST'), idSegment.map((id) => `/orders/${id}/events`), eventBody),
  fc.tuple(fc.constantFrom('GET', 'DELETE'), idSegment.map((id) => `/orders/${id}`), fc.constant(undefined)),
  fc.tuple(fc.constant('GET'), fc.tuple(idSegment, fc.constantFrom('history', 'notifications')).map(([id, sub]) => `/orders/${id}/${sub}`), fc.constant(undefined)),
  fc.tuple(fc.constant('GET'), fc.tuple(fc.constantFrom('/orders', '/deliveries', '/webhooks'), query).map(([p, q]) => p + q), fc.constant(undefined)),
  fc.tuple(fc.constant('POST'), fc.constant('/webhooks'), webhookBody),
  fc.tuple(fc.constantFrom('GET', 'DELETE'), fc.tuple(fc.constantFrom('/webhooks/', '/deliveries/'), idSegment).map(([p, id]) => p + id), fc.constant(undefined)),
  fc.tuple(fc.constant('POST'), idSegment.map((id) => `/deliveries/${id}/retry`), fc.constant(undefined)),
  fc.tuple(fc.constant('GET'), idSegment.map((id) => `/inspector/${id}`), fc.constant(undefined)),
  fc.tuple(fc.constantFrom('POST', 'PUT', 'PATCH'), fc.constantFrom('/orders', '/orders/FZ-1', '/orders/FZ-1/events', '/webhooks'), rawBody),
);

/** Requests across every route (the live stream excepted: it stays open), hostile in one or more places. */
export const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.tuple(route, headers).map(([[method, path, body], h]) => ({
  method,
  path,
  headers: body === undefined ? Object.fromEntries(Object.entries(h).filter(([k]) => k !== 'content-type')) : h,
  ...(body === undefined ? {} : { body }),
}));
