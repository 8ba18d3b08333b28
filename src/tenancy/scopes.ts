/** What an API key may do. `admin` includes every other scope, and manages keys. */
export const scopes = ['orders:read', 'orders:write', 'webhooks:manage', 'deliveries:manage', 'admin'] as const;
export type Scope = (typeof scopes)[number];

/** Who a request acts for: the tenant of its API key, and the key's scopes. */
export interface Principal {
  tenant: string;
  scopes: readonly Scope[];
  /** The key's id; `API_TOKENS` for a token of the environment, null in open mode (no keys at all). */
  keyId: string | null;
}

export const hasScope = (principal: Principal, scope: Scope) => principal.scopes.includes(scope) || principal.scopes.includes('admin');

declare module 'hono' {
  interface ContextVariableMap {
    principal: Principal;
  }
}
