import { z } from 'zod';
import type { ZodOpenApiPathsObject, ZodOpenApiResponseObject, ZodOpenApiResponsesObject } from 'zod-openapi';
import { problemSchema } from './schemas.ts';

/** What each problem status means on this API, for the OpenAPI document. */
const problemText: Record<number, string> = {
  400: 'Malformed request: the body is not JSON, or a header is ill-formed',
  401: 'No API key, or an unknown or revoked one (not in open mode: no key at all, on loopback)',
  403: 'The API key lacks the scope this needs: missingScope names it',
  404: 'Not found',
  409: 'Conflict: not accepted in this state (lists the accepted events), or a conflicting request',
  412: 'If-Match does not match the current version (the ETag)',
  413: 'Body too large',
  415: 'Body is not application/json',
  421: 'Misdirected: the Host header names none of the names this service answers to (ALLOWED_HOST_NAMES; DNS rebinding)',
  422: 'Invalid input, or an unknown query parameter (lists the field errors)',
  429: 'Too many requests: retry after the Retry-After header',
  503: 'Unavailable: the database did not answer in time (retry after Retry-After), or the order cannot be restored by this release',
};

/** One object per status, named (`components.responses.Problem404`): zod-openapi registers it by identity. */
const named = new Map(
  Object.entries(problemText).map(([status, description]): [number, ZodOpenApiResponseObject] => [
    Number(status),
    { description, content: { 'application/problem+json': { schema: problemSchema } }, id: `Problem${status}` },
  ]),
);

/** The named response of a status, unless an operation words it its own way. */
const problemResponse = (status: number, description?: string): ZodOpenApiResponseObject =>
  (description === undefined ? named.get(status) : undefined) ?? { description: description ?? 'Problem', content: { 'application/problem+json': { schema: problemSchema } } };

/**
 * Problem responses (RFC 9457) by status, with this API's meaning of each; `overrides` words a
 * status for one operation, e.g. `{ 404: 'No such webhook subscription' }`.
 */
export function problems(statuses: readonly number[], overrides: Record<number, string> = {}): ZodOpenApiResponsesObject {
  return Object.fromEntries(statuses.map((s) => [String(s), problemResponse(s, overrides[s])]));
}

/**
 * Every operation of the document may answer 421: the Host check runs before every route (once
 * `ALLOWED_HOST_NAMES` is set, or by default on loopback), open routes included.
 */
export function withMisdirected(paths: ZodOpenApiPathsObject): ZodOpenApiPathsObject {
  for (const item of Object.values(paths)) {
    for (const op of Object.values(item as Record<string, { responses?: ZodOpenApiResponsesObject }>)) {
      if (op.responses && !('421' in op.responses)) op.responses['421'] = problemResponse(421);
    }
  }
  return paths;
}

/** The statuses every operation behind the API keys may answer besides its own (503: the database did not answer in time). */
export const guarded = [401, 403, 429, 503] as const;

/** A JSON answer with its schema and an example. */
export function jsonResponse(description: string, schema: z.ZodType, example?: unknown, headers?: z.ZodObject): ZodOpenApiResponseObject {
  return {
    description,
    ...(headers ? { headers } : {}),
    content: { 'application/json': { schema, ...(example === undefined ? {} : { example }) } },
  };
}

/** The ETag of an order: its version, as a strong entity tag. */
export const etagHeader = z.object({
  ETag: z.string().meta({ description: 'Strong entity tag of this body, "<version>-<digest>"; send it in If-Match (events) or If-None-Match (reads)', example: '"2-9HhCzY1uG0mX3k8B"' }),
});

/** The next page of a list, as a link (RFC 8288). */
export const linkHeader = z.object({
  Link: z.string().optional().meta({ description: 'The next page: <path?…&cursor=…>; rel="next" (absent on the last page)', example: '</orders?limit=50&cursor=eyJpZCI6Ik8tMSJ9>; rel="next"' }),
});

/** Marks the replay of an earlier answer to the same Idempotency-Key. */
export const replayedHeader = z.object({
  ETag: etagHeader.shape.ETag.optional().meta({ description: 'The entity tag of the order as answered (absent on a dry run, which answers no order)' }),
  'Idempotent-Replayed': z.literal('true').optional().meta({ description: 'Present when this is the recorded answer to an earlier request with the same Idempotency-Key: nothing was applied now' }),
});
