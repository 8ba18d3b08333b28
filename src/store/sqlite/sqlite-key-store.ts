import type { ApiKeyRecord } from '../../tenancy/key-secrets.ts';
import type { KeyStore } from '../key-store.ts';
import type { SqliteDatabase } from './sqlite-database.ts';

interface KeyRow { id: string; tenant: string; name: string | null; scopes: string; secret_hash: string; created_at: number; revoked_at: number | null }

const toKey = (r: KeyRow): ApiKeyRecord => ({
  id: r.id, tenant: r.tenant, name: r.name, scopes: JSON.parse(r.scopes), secretHash: r.secret_hash, createdAt: r.created_at, revokedAt: r.revoked_at,
});

/** API keys on SQLite. Call after `migrate()`: statements are prepared on first use. */
export function createSqliteKeyStore(db: SqliteDatabase): KeyStore {
  let statements: ReturnType<typeof prepare> | undefined;
  const sql = () => (statements ??= prepare(db));
  return {
    async createKey(k) {
      sql().insert.run(k.id, k.tenant, k.name, JSON.stringify(k.scopes), k.secretHash, k.createdAt, k.revokedAt);
    },
    async keyBySecretHash(secretHash) {
      const row = sql().bySecretHash.get(secretHash) as KeyRow | undefined;
      return row && toKey(row);
    },
    async listKeys(tenant) {
      return ((tenant === undefined ? sql().all.all() : sql().ofTenant.all(tenant)) as KeyRow[]).map(toKey);
    },
    async revokeKey(id, now, tenant) {
      return (tenant === undefined ? sql().revoke.run(now, id) : sql().revokeOfTenant.run(now, id, tenant)).changes === 1;
    },
    async hasActiveKeys() {
      return sql().anyActive.get() !== undefined;
    },
  };
}

function prepare(db: SqliteDatabase) {
  return {
    insert: db.prepare('INSERT INTO api_keys (id, tenant, name, scopes, secret_hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    bySecretHash: db.prepare('SELECT * FROM api_keys WHERE secret_hash = ?'),
    all: db.prepare('SELECT * FROM api_keys ORDER BY created_at, id'),
    ofTenant: db.prepare('SELECT * FROM api_keys WHERE tenant = ? ORDER BY created_at, id'),
    revoke: db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    revokeOfTenant: db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL AND tenant = ?'),
    anyActive: db.prepare('SELECT 1 FROM api_keys WHERE revoked_at IS NULL LIMIT 1'),
  };
}
