import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { eventSchemaName } from './event-union-schema.ts';
import { STATE_CHANGED } from '../notifications/notification-kinds.ts';

/** The Standard Webhooks headers every notification is sent with. */
const signatureHeaders = z.object({
  'webhook-id': z.string().meta({ description: 'The notification id: the same on every retry, so a receiver can deduplicate', example: '3f2a1b0c-9d8e-8f7a-a6b5-c4d3e2f1a0b9' }),
  'webhook-timestamp': z.string().meta({ description: 'Seconds since the epoch when this attempt was signed', example: '1772413260' }),
  'webhook-signature': z.string().meta({ description: 'v1,<base64 HMAC-SHA256 of "id.timestamp.body"> with the subscription secret', example: 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=' }),
});

const iso = z.iso.datetime();

const stateChangedData = z
  .object({
    orderId: z.string(),
    version: z.number().int().meta({ description: 'The order version this change made' }),
    event: z.string().meta({ description: 'The event that moved the order (ORDER_CREATED at creation)' }),
    source: z.enum(['client', 'timer', 'migration']),
    fromState: z.string().nullable(),
    toState: z.string(),
    at: iso,
    dueAt: iso.optional().meta({ description: 'For timer events: when the deadline fell due' }),
  })
  .meta({ id: 'StateChangedData' });

const effectData = z
  .object({
    orderId: z.string(),
    version: z.number().int().meta({ description: 'The order version whose event asked for it' }),
    action: z.string().meta({ description: "The machine's effect, e.g. sendCustomsReminder" }),
  })
  .catchall(z.unknown())
  .meta({ id: 'EffectData', description: "The effect's own parameters follow orderId, version and action (times as ISO 8601)" });

/**
 * The notifications POSTed to webhook subscribers (OpenAPI `webhooks`), one per kind: `type` is the
 * kind, `data` a state change or an effect's parameters.
 */
export function webhookOperations(kinds: readonly string[]): ZodOpenApiPathsObject {
  return Object.fromEntries(
    kinds.map((kind) => {
      const stateChange = kind === STATE_CHANGED;
      const body = z
        .object({ type: z.literal(kind), timestamp: iso.meta({ description: 'When the notification was made' }), data: stateChange ? stateChangedData : effectData })
        .meta({ id: eventSchemaName(kind).replace(/Event$/, 'Notification') });
      const example = {
        type: kind,
        timestamp: '2026-03-02T01:01:00.000Z',
        data: stateChange
          ? { orderId: 'model-domestic', version: 2, event: 'SHIPPED', source: 'client', fromState: 'preShipment.processing.awaitingShipment', toState: 'inTransit.shipping.onTheWay', at: '2026-03-02T01:01:00.000Z' }
          : { orderId: 'model-domestic', version: 3, action: 'effect' },
      };
      return [
        kind,
        {
          post: {
            operationId: `${kind.replace(/[^A-Za-z0-9]+(.)/g, (_, c: string) => c.toUpperCase())}Notification`,
            tags: ['Notifications'],
            summary: stateChange ? 'An order moved to another state' : `The order machine asked for ${kind}`,
            description: 'Sent to every subscription of this kind (or "*"), signed as Standard Webhooks. Answer 2xx to acknowledge; anything else is retried with backoff, then dead-lettered.',
            security: [],
            requestParams: { header: signatureHeaders },
            requestBody: { required: true, content: { 'application/json': { schema: body, example } } },
            responses: { 204: { description: 'Received (any 2xx acknowledges)' } },
          },
        },
      ];
    }),
  );
}
