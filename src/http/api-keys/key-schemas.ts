import { z } from 'zod';
import { tenantNameSchema } from '../../tenancy/order-keys.ts';
import { scopes } from '../../tenancy/scopes.ts';

/** Schemas of `/admin/keys`; the OpenAPI document is generated from them. */

export const scopeSchema = z.enum(scopes).meta({ description: 'admin includes every other scope, and manages keys' });

export const createKeySchema = z
  .object({
    tenant: tenantNameSchema.optional().meta({ description: "Default: the caller's tenant. Only an admin of the default tenant names another" }),
    scopes: z.array(scopeSchema).min(1),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .meta({ id: 'NewApiKey' });

export const keySchema = z
  .object({
    id: z.string(),
    tenant: z.string(),
    name: z.string().nullable(),
    scopes: z.array(scopeSchema),
    createdAt: z.iso.datetime(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiKey' });

export const createdKeySchema = keySchema
  .extend({ key: z.string().meta({ description: 'The secret: shown this once, stored only as its SHA-256' }) })
  .meta({ id: 'CreatedApiKey' });

export const keyListQuerySchema = z.object({ tenant: tenantNameSchema.optional() }).strict();
