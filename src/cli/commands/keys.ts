import { parseArgs } from 'node:util';
import { z } from 'zod';
import { keyView, mintKey } from '../../tenancy/key-secrets.ts';
import { tenantNameSchema } from '../../tenancy/order-keys.ts';
import { scopes, type Scope } from '../../tenancy/scopes.ts';
import { exitCodes, type Command } from '../command.ts';
import { systemClock } from '../../clock.ts';
import { readConfig } from '../../config.ts';
import { openStore } from '../../store/open-store.ts';

const help =
  'usage: aftersales keys create --tenant <tenant> --scopes <scope,...> [--name <name>] [--json]\n' +
  '       aftersales keys list [--tenant <tenant>] [--json]\n' +
  '       aftersales keys revoke <id>\n\n' +
  'API keys of the database of DATABASE_URL or DATABASE_FILE, as `npm start` uses it. A key acts for one\n' +
  'tenant within its scopes; the key is printed once, at creation, and stored only as its SHA-256. A revoked\n' +
  'key stops working within a second on every instance.\n' +
  `Scopes: ${scopes.join(', ')} (admin includes all).\n` +
  'The default tenant ("default") holds the orders of a service without tenants; its admin keys manage\n' +
  "every tenant's keys through /admin/keys. See docs/security.md.\n";

const scopeList = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.enum(scopes)).min(1));

function usageError(message: string) {
  process.stderr.write(`aftersales keys: ${message}\n\n${help}`);
  return exitCodes.usage;
}

/** `npx aftersales keys create|list|revoke`: API keys on the service's database. */
export const command: Command = {
  summary: 'create, list and revoke API keys (tenant and scopes of each)',
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { tenant: { type: 'string' }, scopes: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
    const [action, ...rest] = positionals;
    if (values.help || action === undefined) {
      process.stdout.write(help);
      return values.help ? exitCodes.ok : exitCodes.usage;
    }
    if (action === 'create') {
      const tenant = tenantNameSchema.safeParse(values.tenant);
      if (!tenant.success) return usageError(`--tenant: ${values.tenant === undefined ? 'required' : tenant.error.issues[0]!.message}`);
      const wanted = scopeList.safeParse(values.scopes ?? '');
      if (!wanted.success) return usageError(`--scopes: a comma-separated list of ${scopes.join(', ')}`);
      return withStore(async ({ store, clock }) => {
        const { key, record } = mintKey({ tenant: tenant.data, scopes: wanted.data as Scope[], name: values.name ?? null, now: clock.now() });
        await store.createKey(record);
        const shown = { id: record.id, key, tenant: record.tenant, scopes: record.scopes, ...(record.name ? { name: record.name } : {}) };
        process.stdout.write(values.json ? `${JSON.stringify(shown)}\n` : `${key}\n  id ${record.id}, tenant ${record.tenant}, scopes ${record.scopes.join(',')}\n  (shown once: it is stored only as its hash)\n`);
        return exitCodes.ok;
      });
    }
    if (action === 'list') {
      return withStore(async ({ store }) => {
        const listed = (await store.listKeys(values.tenant)).map(keyView);
        const line = (k: (typeof listed)[number]) =>
          `${k.id}  ${k.tenant}  ${k.scopes.join(',')}  ${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}${k.name ? `  ${k.name}` : ''}`;
        process.stdout.write(values.json ? `${JSON.stringify(listed, null, 2)}\n` : listed.map((k) => `${line(k)}\n`).join('') || 'no API keys\n');
        return exitCodes.ok;
      });
    }
    if (action === 'revoke') {
      if (rest.length !== 1) return usageError('revoke takes one key id');
      return withStore(async ({ store, clock }) => {
        if (await store.revokeKey(rest[0]!, clock.now())) {
          process.stdout.write(`revoked ${rest[0]}\n`);
          return exitCodes.ok;
        }
        process.stderr.write(`aftersales keys: no key ${rest[0]} that is not revoked\n`);
        return exitCodes.problemFound;
      });
    }
    return usageError(`unknown action ${JSON.stringify(action)}`);
  },
};

/** The service's store (DATABASE_URL or DATABASE_FILE), migrated, closed after `work`: keys need no machine. */
async function withStore(work: (opened: { store: Awaited<ReturnType<typeof openStore>>['store']; clock: typeof systemClock }) => Promise<number>) {
  const { store } = await openStore(readConfig());
  try {
    return await work({ store, clock: systemClock });
  } finally {
    await store.close();
  }
}
