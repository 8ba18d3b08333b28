import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { unauthorized } from '../../errors.ts';
import type { KeyStore } from '../../store/key-store.ts';
import { DEFAULT_TENANT } from '../../tenancy/order-keys.ts';
import type { Principal } from '../../tenancy/scopes.ts';

export interface AuthenticateOptions {
  /** Where API keys are looked up (by the SHA-256 of the presented key). */
  keys: Pick<KeyStore, 'keyBySecretHash' | 'hasActiveKeys'>;
  /** `API_TOKENS`: each is an admin key of the default tenant. */
  apiTokens?: readonly string[];
  /**
   * Whether a request without a key is served, as an admin of the default tenant, while there is no
   * key at all (no `API_TOKENS`, none in the database). The entry point allows it only on loopback.
   */
  openAccess?: boolean;
  /**
   * How long a key's lookup is reused. A revoked key stops working on every instance after at most
   * this long; each key costs one indexed read per period, so an event's path adds no query.
   */
  cacheMs?: number;
  /** A monotonic clock in ms (tests move it). */
  now?: () => number;
  /** Most keys cached at once; the cache starts over beyond (a flood of made-up keys cannot grow it). */
  maxCached?: number;
}

const digest = (value: string) => createHash('sha256').update(value).digest();
const OPEN: Principal = { tenant: DEFAULT_TENANT, scopes: ['admin'], keyId: null };

/**
 * Who the request acts for, from `Authorization: Bearer <key>`: sets `principal` (tenant and scopes),
 * or answers 401. Revoked and unknown keys are refused alike.
 */
export function authenticate({ keys, apiTokens = [], openAccess = true, cacheMs = 500, now = () => performance.now(), maxCached = 10_000 }: AuthenticateOptions): MiddlewareHandler {
  const tokens = apiTokens.map(digest);
  const cache = new Map<string, { principal: Principal | null; until: number }>();
  let open: { value: boolean; until: number } | undefined;

  const isOpen = async () => {
    if (!openAccess || tokens.length > 0) return false;
    if (!open || open.until <= now()) {
      // A database that does not answer keeps the last answer (none yet: open, as open access is
      // allowed here); the routes that need the database fail on their own, `/metrics` still serves.
      const value = await keys.hasActiveKeys().then((any) => !any, () => open?.value ?? true);
      open = { value, until: now() + cacheMs };
    }
    return open.value;
  };

  const lookUp = async (key: string): Promise<Principal | null> => {
    const presented = digest(key);
    if (tokens.some((t) => timingSafeEqual(t, presented))) return { tenant: DEFAULT_TENANT, scopes: ['admin'], keyId: 'API_TOKENS' };
    const hash = presented.toString('hex');
    const hit = cache.get(hash);
    if (hit && hit.until > now()) return hit.principal;
    const found = await keys.keyBySecretHash(hash);
    const principal = found && found.revokedAt === null ? { tenant: found.tenant, scopes: found.scopes, keyId: found.id } : null;
    if (cache.size >= maxCached) cache.clear();
    cache.set(hash, { principal, until: now() + cacheMs });
    return principal;
  };

  return async (c, next) => {
    const header = c.req.header('authorization');
    if (await isOpen()) {
      c.set('principal', OPEN);
      return next();
    }
    const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!m) {
      c.header('WWW-Authenticate', 'Bearer realm="aftersales"');
      throw unauthorized('send an API key as "Authorization: Bearer <key>"');
    }
    const principal = await lookUp(m[1]!);
    if (!principal) {
      c.header('WWW-Authenticate', 'Bearer realm="aftersales", error="invalid_token"');
      throw unauthorized('the API key is not valid');
    }
    c.set('principal', principal);
    await next();
  };
}
