import { createHash, randomBytes } from 'node:crypto';
import type { Scope } from './scopes.ts';

/** The stored form of a key: SHA-256 of a 192-bit random secret needs no slow hash (nothing to guess). */
export const secretHash = (key: string) => createHash('sha256').update(key).digest('hex');

/** An API key as stored: never its secret, only the secret's SHA-256. Times are epoch ms. */
export interface ApiKeyRecord {
  id: string;
  tenant: string;
  name: string | null;
  scopes: Scope[];
  /** Hex SHA-256 of the whole key (a high-entropy random secret, so no slow hash is needed). */
  secretHash: string;
  createdAt: number;
  revokedAt: number | null;
}

export interface NewKey {
  tenant: string;
  scopes: Scope[];
  name?: string | null;
  now: number;
}

/** A new API key: the secret (shown once, never stored) and the record that is stored. */
export function mintKey({ tenant, scopes, name = null, now }: NewKey): { key: string; record: ApiKeyRecord } {
  const key = `ask_${randomBytes(24).toString('base64url')}`;
  const record: ApiKeyRecord = {
    id: `key_${randomBytes(8).toString('hex')}`,
    tenant,
    name,
    scopes: [...new Set(scopes)],
    secretHash: secretHash(key),
    createdAt: now,
    revokedAt: null,
  };
  return { key, record };
}

/** A key as listed: everything but its hash. */
export const keyView = (k: ApiKeyRecord) => ({
  id: k.id,
  tenant: k.tenant,
  name: k.name,
  scopes: k.scopes,
  createdAt: new Date(k.createdAt).toISOString(),
  revokedAt: k.revokedAt === null ? null : new Date(k.revokedAt).toISOString(),
});
