import type { MiddlewareHandler } from 'hono';
import { misdirectedRequest } from '../../errors.ts';

/** The names a service bound to loopback answers to by default. */
export const loopbackHostNames = ['localhost', '*.localhost', '127.0.0.1', '[::1]'];

/** Whether a listening address (HOST) is loopback: only this machine can reach it. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** `Host` without its port, lower case. */
const hostName = (host: string) => {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.lastIndexOf(':');
  return (colon === -1 ? h : h.slice(0, colon)).replace(/\.$/, '');
};

/**
 * Answers only requests whose `Host` names this service (`ALLOWED_HOST_NAMES`), so a page of another
 * site whose name was rebound to this address (DNS rebinding) is refused: 421
 * `/problems/misdirected-request`. `*.name` allows the subdomains of `name`. One set lookup per request.
 */
export function hostCheck(names: readonly string[]): MiddlewareHandler {
  const exact = new Set(names.filter((n) => !n.startsWith('*.')).map(hostName));
  const suffixes = names.filter((n) => n.startsWith('*.')).map((n) => n.slice(1).toLowerCase());
  return async (c, next) => {
    const name = hostName(c.req.header('host') ?? new URL(c.req.url).host);
    if (!exact.has(name) && !suffixes.some((s) => name.endsWith(s))) {
      throw misdirectedRequest(`this service does not answer to the host ${JSON.stringify(name)}; it answers to ${[...exact, ...suffixes.map((s) => `*${s}`)].join(', ')} (ALLOWED_HOST_NAMES)`);
    }
    return next();
  };
}
