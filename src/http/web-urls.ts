import { invalidInput, type FieldError } from '../errors.ts';

/** Keys of an event payload that hold a link a person may open (evidence media, for instance). */
const isUrlKey = (key: string) => key === 'url' || key.endsWith('Url');

/** The field errors of every URL in `value` that is not http(s), with their dotted paths. */
function nonWebUrls(value: unknown, path: string, errors: FieldError[]): void {
  if (Array.isArray(value)) value.forEach((item, i) => nonWebUrls(item, `${path}.${i}`, errors));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string' && isUrlKey(key)) {
        if (!/^https?:\/\//i.test(item.trimStart())) errors.push({ path: `${path}.${key}`, message: 'only http and https URLs are accepted' });
      } else if (typeof item === 'object') nonWebUrls(item, `${path}.${key}`, errors);
    }
  }
}

/**
 * The host's rule for links in event payloads, whatever the machine: a `url` (or `…Url`) field holds
 * an http(s) URL, never `javascript:`, `data:` or `file:`, since sellers and support desks open them
 * from their own pages. Checked before the machine sees the event (422 invalid-input naming each field),
 * so no machine version's accepted input changes. The payload is walked only when it has one.
 */
export function requireWebUrls(payload: Record<string, unknown> | undefined): void {
  if (payload === undefined) return;
  const errors: FieldError[] = [];
  nonWebUrls(payload, 'payload', errors);
  if (errors.length > 0) throw invalidInput('a link in the payload is not an http(s) URL', { errors });
}
