import type { Scope } from '../../tenancy/scopes.ts';

/** What a route needs of the request's key: a scope (by method: reads and the rest), or the operator. */
export type RouteNeed = { read: Scope; write: Scope } | 'operator';

/**
 * The routes behind API keys and what each needs, as Hono path patterns: the app guards them with
 * this table and the OpenAPI document declares it (`security: [{ apiKey: [scope] }]`), so the two
 * cannot drift apart.
 */
export const routeScopes = (machineId: string): { paths: string[]; need: RouteNeed }[] => [
  { paths: ['/orders', '/orders/*'], need: { read: 'orders:read', write: 'orders:write' } },
  { paths: ['/webhooks', '/webhooks/*'], need: { read: 'webhooks:manage', write: 'webhooks:manage' } },
  { paths: ['/deliveries', '/deliveries/*'], need: { read: 'deliveries:manage', write: 'deliveries:manage' } },
  { paths: ['/admin/keys', '/admin/keys/*'], need: { read: 'admin', write: 'admin' } },
  // The census counts every tenant's orders, the metrics every tenant's work: the operator's.
  { paths: ['/metrics', `/machines/${machineId}/census`], need: 'operator' },
];

const reads = new Set(['GET', 'HEAD']);

/** The scope a request of `method` on an OpenAPI `path` needs (`admin` of the default tenant for operator routes), or undefined when open. */
export function scopeFor(machineId: string, method: string, path: string): Scope | undefined {
  const hit = routeScopes(machineId).find(({ paths }) => paths.some((p) => (p.endsWith('/*') ? path.startsWith(p.slice(0, -1)) : path === p)));
  if (!hit) return undefined;
  if (hit.need === 'operator') return 'admin';
  return reads.has(method.toUpperCase()) ? hit.need.read : hit.need.write;
}
