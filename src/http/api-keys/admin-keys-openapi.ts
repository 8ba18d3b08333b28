import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { guarded, jsonResponse, problems } from '../openapi-responses.ts';
import { createdKeySchema, createKeySchema, keyListQuerySchema, keySchema } from './key-schemas.ts';

const keyExample = {
  id: 'key_5f0c2a9e1b7d3c48',
  tenant: 'shop-a',
  name: 'store back-end',
  scopes: ['orders:read', 'orders:write'],
  createdAt: '2026-03-02T01:00:00.000Z',
  revokedAt: null,
};

/** `/admin/keys`: API keys, for an `admin` key (of the default tenant: every tenant's keys). */
export const adminKeysOperations = (): ZodOpenApiPathsObject => ({
  '/admin/keys': {
    post: {
      operationId: 'createApiKey',
      tags: ['Administration'],
      summary: 'Create an API key; its secret is in this answer only',
      requestBody: { content: { 'application/json': { schema: createKeySchema, example: { tenant: 'shop-a', scopes: ['orders:read', 'orders:write'], name: 'store back-end' } } } },
      responses: {
        201: jsonResponse('Created: send `key` as "Authorization: Bearer <key>"', createdKeySchema, { ...keyExample, key: 'ask_3q2-7wEvtfV8hI2lXDeCcWg1mYqFzJ0b' }),
        ...problems([...guarded, 400, 413, 415, 422], { 403: 'Not an admin key, or a key of another tenant than the default naming another tenant' }),
      },
    },
    get: {
      operationId: 'listApiKeys',
      tags: ['Administration'],
      summary: 'The API keys (never their secrets), revoked ones included',
      requestParams: { query: keyListQuerySchema },
      responses: {
        200: jsonResponse('The keys, oldest first', z.object({ keys: z.array(keySchema) }).meta({ id: 'ApiKeyList' }), { keys: [keyExample] }),
        ...problems([...guarded, 422]),
      },
    },
  },
  '/admin/keys/{id}': {
    delete: {
      operationId: 'revokeApiKey',
      tags: ['Administration'],
      summary: 'Revoke an API key: every instance refuses it within a second',
      requestParams: { path: z.object({ id: z.string().meta({ description: 'The key id', example: keyExample.id }) }) },
      responses: { 204: { description: 'Revoked' }, ...problems([...guarded, 404, 422], { 404: 'No such key not yet revoked (of your tenant)' }) },
    },
  },
});
