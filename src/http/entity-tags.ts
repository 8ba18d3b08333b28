import { hash } from 'node:crypto';
import { malformedRequest } from '../errors.ts';

/**
 * Entity tags of an order's representations (RFC 9110, section 8.8.3): `"<version>-<digest>"`, strong.
 * The digest covers the body sent, so two different bodies of one version (the read view with its
 * notification counts, an event's answer) never share a tag; the version lets `If-Match` name the
 * order version a client last saw.
 */
export function entityTag(version: number, body: string): string {
  // The one-shot `hash` (Node 20.12+): about half the cost of a `createHash` object per answer.
  return `"${version}-${hash('sha256', body, 'base64url').slice(0, 16)}"`;
}

interface ParsedTag { weak: boolean; opaque: string }

/** `W/"a", "b"` → its tags; `*` → '*'. Throws a 400 problem when the header is not a list of entity tags. */
function parseTags(header: string, name: string): '*' | ParsedTag[] {
  if (header.trim() === '*') return '*';
  const tags: ParsedTag[] = [];
  const rest = header.replace(/\s*(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"\s*(?:,|$)/g, (_, weak: string | undefined, opaque: string) => {
    tags.push({ weak: weak !== undefined, opaque });
    return '';
  });
  if (rest.trim() !== '' || tags.length === 0) throw malformedRequest(`${name} must be * or a list of entity tags such as "3-Qk9x…" (as given in the ETag)`);
  return tags;
}

/**
 * `If-Match` on an order: the versions it allows, or '*' for any. Strong comparison: a weak tag
 * never matches. A tag names its version by its first part (`"3-…"`); a bare `3` or `"3"` (the
 * version alone, as earlier releases gave it) is taken too.
 */
export function ifMatchVersions(header: string | undefined): '*' | number[] | undefined {
  if (header === undefined) return undefined;
  if (/^\s*\d+\s*$/.test(header)) return [Number(header)];
  const tags = parseTags(header, 'If-Match');
  if (tags === '*') return '*';
  return tags.filter((t) => !t.weak && /^\d+(-|$)/.test(t.opaque)).map((t) => Number(/^\d+/.exec(t.opaque)![0]));
}

/** Whether `If-None-Match` matches the current tag (weak comparison, RFC 9110 section 13.1.2): then a GET answers 304. */
export function noneMatchHit(header: string | undefined, current: string): boolean {
  if (header === undefined) return false;
  const tags = parseTags(header, 'If-None-Match');
  return tags === '*' || tags.some((t) => `"${t.opaque}"` === current);
}
