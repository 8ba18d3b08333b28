import { Hono } from 'hono';
import type { Clock } from '../../clock.ts';
import { zodIssues } from '../../engine/zod-issues.ts';
import { forbidden, invalidInput, notFound } from '../../errors.ts';
import type { KeyStore } from '../../store/key-store.ts';
import { keyView, mintKey } from '../../tenancy/key-secrets.ts';
import { DEFAULT_TENANT } from '../../tenancy/order-keys.ts';
import { readJson } from '../json-body.ts';
import { noQuery } from '../no-query.ts';
import { principalOf } from './require-scope.ts';
import { createKeySchema, keyListQuerySchema } from './key-schemas.ts';

/**
 * `/admin/keys` (scope `admin`): an admin of the default tenant (the operator, and `API_TOKENS`)
 * manages the keys of every tenant; an admin of another tenant, only its own tenant's.
 */
export function adminKeysRoutes({ keys, clock }: { keys: Pick<KeyStore, 'createKey' | 'listKeys' | 'revokeKey'>; clock: Clock }) {
  const app = new Hono();
  /** The tenant whose keys the caller may manage: undefined for all (the operator). */
  const managed = (tenant: string) => (tenant === DEFAULT_TENANT ? undefined : tenant);

  app.post('/', noQuery, async (c) => {
    const caller = principalOf(c).tenant;
    const body = await readJson(c, createKeySchema);
    const tenant = body.tenant ?? caller;
    if (managed(caller) !== undefined && tenant !== caller) {
      throw forbidden(`a key of tenant ${caller} creates keys of its own tenant only`, { missingScope: 'admin' });
    }
    const { key, record } = mintKey({ tenant, scopes: body.scopes, name: body.name ?? null, now: clock.now() });
    await keys.createKey(record);
    c.header('Location', `/admin/keys/${record.id}`);
    c.header('Cache-Control', 'no-store');
    return c.json({ ...keyView(record), key }, 201);
  });

  app.get('/', async (c) => {
    const parsed = keyListQuerySchema.safeParse(c.req.query());
    if (!parsed.success) throw invalidInput('the query is not valid', { errors: zodIssues(parsed.error, 'query') });
    const own = managed(principalOf(c).tenant);
    const listed = await keys.listKeys(own ?? parsed.data.tenant);
    return c.json({ keys: listed.filter((k) => parsed.data.tenant === undefined || k.tenant === parsed.data.tenant).map(keyView) });
  });

  app.delete('/:id', noQuery, async (c) => {
    const id = c.req.param('id');
    if (!(await keys.revokeKey(id, clock.now(), managed(principalOf(c).tenant)))) throw notFound(`no API key with id ${JSON.stringify(id)} that is not revoked`);
    return c.body(null, 204);
  });

  return app;
}
