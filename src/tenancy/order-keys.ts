import { z } from 'zod';

/**
 * Tenants share the stores' tables; an order is stored under a key that holds its tenant. The
 * default tenant's orders keep their id as key (so databases from before tenants need no rewrite);
 * another tenant's are stored as `<tenant>/<id>`. Order ids never hold `/` (the key refuses them),
 * so no id of one tenant can name another tenant's order. The stores derive a `tenant` column from
 * the key with the same rule (see the schema migrations), so nothing on an event's path changes.
 */
export const DEFAULT_TENANT = 'default';

/** A tenant's name: lower-case letters, digits and dashes, as in a host name label. */
export const tenantNameSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'lower-case letters, digits and dashes (at most 63), e.g. shop-a');

/** The store key of `tenant`'s order `id`; undefined when `id` cannot be an order id (it holds `/`). */
export function orderKey(tenant: string, id: string): string | undefined {
  if (id.includes('/')) return undefined;
  return tenant === DEFAULT_TENANT ? id : `${tenant}/${id}`;
}

/** The tenant of a stored order key. */
export function tenantOfKey(key: string): string {
  const slash = key.indexOf('/');
  return slash < 0 ? DEFAULT_TENANT : key.slice(0, slash);
}

/** The order id its tenant knows, of a stored order key. */
export function publicOrderId(key: string): string {
  return key.slice(key.indexOf('/') + 1);
}

/** The SQL (SQLite and PostgreSQL alike) of `tenantOfKey` on a key column. */
export const tenantOfKeySql = (column: string, find: 'instr' | 'strpos') =>
  `CASE WHEN ${find}(${column}, '/') > 0 THEN substr(${column}, 1, ${find}(${column}, '/') - 1) ELSE '${DEFAULT_TENANT}' END`;
