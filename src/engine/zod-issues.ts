import type { z } from 'zod';
import type { FieldError } from '../errors.ts';

/** Zod's issues as field errors with dotted paths under `prefix`. */
export function zodIssues(error: z.ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((p) => p !== undefined && p !== '').join('.') || '(body)',
    message: issue.message,
  }));
}
