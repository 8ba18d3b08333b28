import type { ApiKeyRecord } from '../../tenancy/key-secrets.ts';
import type { KeyStore } from '../key-store.ts';
import type { PgQueryable } from './postgres-client.ts';
import { json } from './postgres-rows.ts';

interface KeyRow { id: string; tenant: string; name: string | null; scopes: ApiKeyRecord['scopes']; secret_hash: string; created_at: string; revoked_at: string | null }

const toKey = (r: KeyRow): ApiKeyRecord => ({
  id: r.id,
  tenant: r.tenant,
  name: r.name,
  scopes: r.scopes,
  secretHash: r.secret_hash,
  createdAt: Number(r.created_at),
  revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
});

/** API keys on PostgreSQL: every instance reads the same table, so a revocation reaches them all. */
export function createPostgresKeyStore(pool: PgQueryable): KeyStore {
  return {
    async createKey(k) {
      await pool.query('INSERT INTO api_keys (id, tenant, name, scopes, secret_hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        k.id, k.tenant, k.name, json(k.scopes), k.secretHash, k.createdAt, k.revokedAt,
      ]);
    },
    async keyBySecretHash(secretHash) {
      const { rows } = await pool.query('SELECT * FROM api_keys WHERE secret_hash = $1', [secretHash]);
      const row = rows[0] as KeyRow | undefined;
      return row && toKey(row);
    },
    async listKeys(tenant) {
      const { rows } = tenant === undefined
        ? await pool.query('SELECT * FROM api_keys ORDER BY created_at, id')
        : await pool.query('SELECT * FROM api_keys WHERE tenant = $1 ORDER BY created_at, id', [tenant]);
      return (rows as KeyRow[]).map(toKey);
    },
    async revokeKey(id, now, tenant) {
      const { rowCount } = tenant === undefined
        ? await pool.query('UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [now, id])
        : await pool.query('UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL AND tenant = $3', [now, id, tenant]);
      return rowCount === 1;
    },
    async hasActiveKeys() {
      const { rows } = await pool.query('SELECT 1 FROM api_keys WHERE revoked_at IS NULL LIMIT 1');
      return rows.length > 0;
    },
  };
}
