import type { ApiKeyRecord } from '../tenancy/key-secrets.ts';

/** API keys: created and revoked by `aftersales keys` and `/admin/keys`, read by the API's authentication. */
export interface KeyStore {
  createKey(key: ApiKeyRecord): Promise<void>;
  /** The key with this secret hash, revoked or not. */
  keyBySecretHash(secretHash: string): Promise<ApiKeyRecord | undefined>;
  /** Keys of one tenant, or of all; oldest first. */
  listKeys(tenant?: string): Promise<ApiKeyRecord[]>;
  /** Revokes the key (of `tenant` when given) at `now`; false when there is no such key not yet revoked. */
  revokeKey(id: string, now: number, tenant?: string): Promise<boolean>;
  /** Whether any key is not revoked: without one (and without `API_TOKENS`) the service is in open mode. */
  hasActiveKeys(): Promise<boolean>;
}
