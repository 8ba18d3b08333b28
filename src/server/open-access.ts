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

/**
 * What the entry point warns of at start when the Host check is off (listening beyond loopback with no
 * `ALLOWED_HOST_NAMES`): every `Host` is answered, so a page whose name was rebound to this address
 * (DNS rebinding) could use the API and the inspector from a browser.
 */
export const hostCheckOffWarning = (host: string) =>
  `Host check off: HOST=${host} is reachable from other machines and ALLOWED_HOST_NAMES is not set, so every Host header is answered ` +
  '(a page whose name was rebound to this address could use the API and the inspector). Set ALLOWED_HOST_NAMES to the names clients use, e.g. orders.shop.example (see docs/security.md)';
