import type { Context, MiddlewareHandler } from 'hono';
import { forbidden } from '../../errors.ts';
import { DEFAULT_TENANT } from '../../tenancy/order-keys.ts';
import { hasScope, type Principal, type Scope } from '../../tenancy/scopes.ts';

/** The principal `authenticate` set; a route reached without it is a wiring bug, never the default tenant. */
export function principalOf(c: Context): Principal {
  const principal = c.get('principal') as Principal | undefined;
  if (!principal) throw new Error(`no principal on ${c.req.method} ${c.req.path}: authenticate() is not mounted on it`);
  return principal;
}

/** The tenant the request acts for. */
export const tenantOf = (c: Context) => principalOf(c).tenant;

const reads = new Set(['GET', 'HEAD']);

/**
 * Answers 403 (naming the missing scope) unless the key has `scope`; given `{ read, write }`, reads
 * (GET, HEAD) need the first and every other method the second.
 */
export function requireScope(scope: Scope | { read: Scope; write: Scope }): MiddlewareHandler {
  return async (c, next) => {
    const needed = typeof scope === 'string' ? scope : reads.has(c.req.method) ? scope.read : scope.write;
    if (!hasScope(principalOf(c), needed)) {
      throw forbidden(`this API key does not have the scope ${needed}, which ${c.req.method} ${c.req.path} needs`, { missingScope: needed });
    }
    await next();
  };
}

/** Operator routes (metrics, the census of every tenant's orders): an admin key of the default tenant. */
export const requireOperator: MiddlewareHandler = async (c, next) => {
  const principal = principalOf(c);
  if (!hasScope(principal, 'admin') || principal.tenant !== DEFAULT_TENANT) {
    throw forbidden(`${c.req.path} covers every tenant: it needs the scope admin on a key of the default tenant`, { missingScope: 'admin' });
  }
  await next();
};
