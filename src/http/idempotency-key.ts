import { malformedRequest } from '../errors.ts';

/** The longest key kept; longer ones are refused rather than cut (two keys must never collide). */
export const MAX_IDEMPOTENCY_KEY = 255;

const refuse = (why: string) =>
  malformedRequest(`Idempotency-Key ${why}: send a unique string of 1 to ${MAX_IDEMPOTENCY_KEY} visible ASCII characters, such as a UUID`, {
    errors: [{ path: 'header.Idempotency-Key', message: why }],
  });

/**
 * The `Idempotency-Key` header (draft-ietf-httpapi-idempotency-key-header): a structured-field
 * string (`"8e03978e-…"`), or the same characters unquoted as most clients send them. An empty,
 * over-long or ill-formed key is a 400 problem.
 */
export function idempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const quoted = /^\s*"(.*)"\s*$/.exec(header);
  const key = quoted ? quoted[1]!.replace(/\\(["\\])/g, '$1') : header.trim();
  if (key.length === 0) throw refuse('is empty');
  if (key.length > MAX_IDEMPOTENCY_KEY) throw refuse(`is ${key.length} characters long`);
  if (!/^[\x20-\x7e]+$/.test(key) || (!quoted && /[\s"\\]/.test(key))) throw refuse('holds characters other than visible ASCII');
  return key;
}
