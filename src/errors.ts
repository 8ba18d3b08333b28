/** An RFC 9457 problem: what the client did, what is wrong, and what to do about it. */
export interface Problem {
  /** A stable identifier of the kind of problem; a URI relative to the service. */
  type: string;
  title: string;
  status: number;
  detail: string;
  [extension: string]: unknown;
}

/**
 * The one error type that knows its response. Everything the API refuses is one of these;
 * anything else is a bug, logged and answered with a generic 500.
 */
export class ProblemError extends Error {
  override name = 'ProblemError';
  /** Seconds after which a retry may succeed (contention, an unavailable database): sent as `Retry-After`. */
  readonly retryAfter: number | undefined;
  constructor(readonly problem: Problem, { retryAfter, ...options }: ProblemOptions = {}) {
    super(`${problem.title}: ${problem.detail}`, options);
    this.retryAfter = retryAfter;
  }
}

export interface ProblemOptions { cause?: unknown; retryAfter?: number }

/** Every kind of problem the API answers, by the slug of its type (`/problems/<slug>`): each has a page. */
export const problemTypes = new Map<string, { status: number; title: string }>([
  ['http', { status: 400, title: 'Request refused' }],
  ['internal', { status: 500, title: 'Internal error' }],
]);

/**
 * Makes an error without capturing a stack trace. A problem is an answer to the client, never a bug:
 * nothing shows its stack (the problem handler answers it as it is), and capturing one (async frames
 * included) cost more than the rest of the refusal: about 40 µs of each 409 or 422 under load.
 */
function withoutStack<T>(make: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function problem(status: number, slug: string, title: string) {
  problemTypes.set(slug, { status, title });
  return (detail: string, extensions: Record<string, unknown> = {}, options?: ProblemOptions) =>
    withoutStack(() => new ProblemError({ type: `/problems/${slug}`, title, status, detail, ...extensions }, options));
}

export const malformedRequest = problem(400, 'malformed-request', 'Malformed request');
export const unauthorized = problem(401, 'unauthorized', 'Unauthorized');
export const forbidden = problem(403, 'forbidden', 'Forbidden');
export const notFound = problem(404, 'not-found', 'Not found');
export const methodNotAllowed = problem(405, 'method-not-allowed', 'Method not allowed');
export const notAccepted = problem(409, 'event-not-accepted', 'Event not accepted in this state');
export const conflict = problem(409, 'conflict', 'Conflict');
export const versionMismatch = problem(412, 'version-mismatch', 'Version mismatch');
export const payloadTooLarge = problem(413, 'payload-too-large', 'Payload too large');
export const unsupportedMediaType = problem(415, 'unsupported-media-type', 'Unsupported media type');
export const invalidInput = problem(422, 'invalid-input', 'Invalid input');
/** A webhook URL that breaks a target rule (`rule`): not https, or an address that is not public. */
export const webhookTargetRefused = problem(422, 'webhook-target-refused', 'Webhook target refused');
/** The `Host` header names a site this service does not answer for (DNS rebinding). */
export const misdirectedRequest = problem(421, 'misdirected-request', 'Misdirected request');
/** Over a per-key limit: the request rate, or open live streams. */
export const rateLimited = problem(429, 'rate-limited', 'Too many requests');
export const unavailable = problem(503, 'unavailable', 'Service unavailable');
/** The stored order names a machine version or a state this code does not have (a rollback, a lost state). */
export const unrestorableOrder = problem(503, 'unrestorable-order', 'Order cannot be restored by this release');

/** A field error in the shape clients get: a dotted path and a message. */
export interface FieldError { path: string; message: string }
