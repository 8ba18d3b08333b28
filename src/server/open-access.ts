import { isIP } from 'node:net';

/** Whether `host` is a loopback address (or `localhost`): only this machine can reach it. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  return /^::ffff:127\./.test(h);
}

/**
 * Whether requests without a key may be served while there is no key at all (open mode): on a
 * loopback address, or when the operator allows it explicitly (`ALLOW_OPEN_ACCESS=1`).
 * Throws, for the entry point to refuse to start, when another address would be open.
 */
export function openAccessFor({ host, allowed, hasKeys }: { host: string; allowed: boolean; hasKeys: boolean }): boolean {
  if (isLoopback(host) || allowed) return true;
  if (!hasKeys) {
    throw new Error(
      `HOST=${host} is reachable from other machines and there is no API key: anyone could read and change every order. ` +
        'Create a key first (`npx aftersales keys create --tenant default --scopes admin`, or set API_TOKENS), ' +
        'or set ALLOW_OPEN_ACCESS=1 to serve it open anyway (see docs/security.md)',
    );
  }
  return false;
}
