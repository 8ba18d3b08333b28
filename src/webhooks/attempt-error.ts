import { WebhookTargetRefused } from './webhook-targets.ts';

/** Characters of a receiver's answer kept in `lastError`. */
export const EXCERPT_CHARS = 100;

/**
 * A short excerpt of a receiver's answer for the subscriber: markup and control characters
 * dropped, white space collapsed, at most `EXCERPT_CHARS`, marked when cut.
 */
export function answerExcerpt(text: string, max = EXCERPT_CHARS): string {
  const plain = text
    .replace(/<[^>]*>?/g, ' ')
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...plain];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : plain;
}

/** What the subscriber reads of an answer that was not 2xx: the status and a short excerpt. */
export function statusError(status: number, answer: string): string {
  if (status >= 300 && status < 400) return `HTTP ${status}: redirects are not followed; register the final URL`;
  const excerpt = answerExcerpt(answer);
  return `HTTP ${status}${excerpt ? `: ${excerpt}` : ''}`;
}

/** Network failures by code, in words that say nothing of the network behind the receiver. */
const networkErrors: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be resolved now',
};

/** What the subscriber reads of an attempt that got no answer (or was refused before sending). */
export function failureError(error: unknown, timeoutMs: number): string {
  const e = error as Error & { code?: string; cause?: { code?: string } };
  if (e instanceof WebhookTargetRefused) return `not sent: the target is refused (rule ${e.rule}); webhooks go only to public https addresses`;
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const code = e.code ?? e.cause?.code;
  if (code && networkErrors[code]) return `no answer: ${networkErrors[code]}`;
  if (code && /CERT|TLS|SSL/.test(code)) return `no answer: TLS failed (${code})`;
  return `no answer: the request failed${code ? ` (${code})` : ''}`;
}
