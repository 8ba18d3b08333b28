import type { Context } from 'hono';
import type { z } from 'zod';
import { invalidInput, malformedRequest, unsupportedMediaType } from '../errors.ts';
import { zodIssues } from '../engine/zod-issues.ts';
import { mayHoldUnstorable, unstorableFields } from './storable-text.ts';

/**
 * Reads a JSON body: 415 unless it is JSON, 400 unless it parses, 422 if a string holds text no store
 * can keep (NUL, an unpaired surrogate) or if it does not fit `schema`.
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\s*(;|$)/i.test(type)) {
    throw unsupportedMediaType(`send the body as application/json (got ${type ? JSON.stringify(type) : 'no Content-Type'})`);
  }
  const text = await c.req.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw malformedRequest(`the body is not valid JSON: ${(error as Error).message}`, {}, { cause: error });
  }
  if (mayHoldUnstorable(text)) {
    const errors = unstorableFields(body);
    if (errors.length > 0) throw invalidInput('the request body holds text that cannot be stored', { errors });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw invalidInput('the request body is not valid', { errors: zodIssues(parsed.error) });
  return parsed.data;
}
