import type { z } from 'zod';
import type { FieldError } from '../errors.ts';

const join = (parts: (string | number | undefined)[]) => parts.filter((p) => p !== undefined && p !== '').join('.') || '(body)';

/** Zod's issues as field errors with dotted paths under `prefix`; an unknown key is named as its own field. */
export function zodIssues(error: z.ZodError, prefix?: string): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = [prefix, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: join([...path, key]), message: 'unknown field' }));
    return [{ path: join(path), message: issue.message }];
  });
}
