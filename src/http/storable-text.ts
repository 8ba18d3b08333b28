import type { MiddlewareHandler } from 'hono';
import { invalidInput, notFound, type FieldError } from '../errors.ts';

/**
 * Text that a store cannot keep as sent never reaches it. PostgreSQL refuses U+0000 in every text
 * column, and an unpaired UTF-16 surrogate is not Unicode at all (encoding it to UTF-8 silently
 * turns it into U+FFFD, so SQLite and PostgreSQL would keep something other than what was sent).
 * Both stores answer such input the same way: 404 in a path, 422 in a query or a body.
 */
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be stored, or undefined when it can. */
export function unstorableReason(text: string): string | undefined {
  const found = UNSTORABLE.exec(text);
  if (!found) return undefined;
  return found[0] === '\0' ? 'contains U+0000 (NUL), which cannot be stored' : 'contains an unpaired UTF-16 surrogate, which is not valid Unicode';
}

/** Every key and string of a parsed JSON value that cannot be stored, as field errors (at most `max`). */
export function unstorableFields(value: unknown, prefix = '', max = 20): FieldError[] {
  const errors: FieldError[] = [];
  const visit = (v: unknown, path: string) => {
    if (errors.length >= max) return;
    if (typeof v === 'string') {
      const reason = unstorableReason(v);
      if (reason) errors.push({ path: path || '(body)', message: reason });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => visit(item, path ? `${path}.${i}` : String(i)));
    } else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        const keyReason = unstorableReason(key);
        const here = path ? `${path}.${keyReason ? JSON.stringify(key) : key}` : keyReason ? JSON.stringify(key) : key;
        if (keyReason) errors.push({ path: here, message: `the field name ${keyReason}` });
        visit(item, here);
      }
    }
  };
  visit(value, prefix);
  return errors;
}

/**
 * Whether a JSON text may hold unstorable strings: a NUL or a surrogate written as an escape.
 * Bodies decoded from UTF-8 hold no raw lone surrogate, and JSON refuses raw control characters,
 * so a body without these escapes needs no walk.
 */
export const mayHoldUnstorable = (jsonText: string) => /\\u(?:0000|d[89a-f])/i.test(jsonText);

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // not percent-encoded UTF-8: routes see it as written, which every store can keep
  }
}

/**
 * Refuses a request whose path or query holds a NUL (the only unstorable character a URL can
 * carry: URLs percent-encode UTF-8, and invalid UTF-8 stays as written). A path answers 404, since
 * nothing is stored under such a name; a query answers 422 naming the parameter.
 */
export function storableUrl(): MiddlewareHandler {
  return async (c, next) => {
    const url = c.req.url;
    if (!url.includes('%00')) return next();
    const { pathname, searchParams } = new URL(url);
    if (pathname.split('/').some((segment) => decoded(segment).includes('\0'))) {
      throw notFound(`no resource at this path: it contains U+0000 (NUL), which no id holds`);
    }
    const errors: FieldError[] = [];
    for (const [key, value] of searchParams) {
      const reason = unstorableReason(key) ?? unstorableReason(value);
      if (reason) errors.push({ path: `query.${unstorableReason(key) ? JSON.stringify(key) : key}`, message: reason });
    }
    if (errors.length > 0) throw invalidInput('the query is not valid', { errors });
    return next();
  };
}
