import { z } from 'zod';

/** Request and response schemas of the webhook, delivery and notification endpoints. */

const isoOrNull = z.iso.datetime().nullable();

/** A Standard Webhooks secret: `whsec_` and the base64 of 24 to 64 random bytes. */
const secretSchema = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, 'whsec_ followed by base64')
  .refine((s) => {
    const bytes = Buffer.from(s.slice('whsec_'.length), 'base64').length;
    return bytes >= 24 && bytes <= 64;
  }, 'the base64 part must decode to 24 to 64 bytes');

/** A subscription request; `kinds` are the notification kinds of the hosted machine. */
export function createWebhookSchema(kinds: readonly string[]) {
  return z
    .object({
      url: z.url({ protocol: /^https?$/ }).max(2000).meta({ description: 'Where to POST: https, to a public address (plain http and private, loopback, link-local addresses only when the operator allows them); 422 webhook-target-refused names the rule broken' }),
      events: z
        .array(z.enum(['*', ...kinds]))
        .min(1)
        .default(['*'])
        .meta({ description: `Notification kinds to receive, or ["*"] for all: ${kinds.join(', ')}` }),
      secret: secretSchema.optional().meta({ description: 'Signing secret; generated (and answered once) when not given' }),
      description: z.string().max(200).optional(),
    })
    .strict()
    .meta({ id: 'CreateWebhook' });
}

export const webhookSchema = z
  .object({ id: z.string(), url: z.string(), events: z.array(z.string()), description: z.string().nullable(), createdAt: z.iso.datetime() })
  .meta({ id: 'Webhook' });

export const createdWebhookSchema = webhookSchema
  .extend({ secret: z.string().meta({ description: 'Shown only in this answer: keep it to verify signatures' }) })
  .meta({ id: 'CreatedWebhook' });

export const attemptSchema = z
  .object({
    number: z.number().int(),
    at: z.iso.datetime(),
    ok: z.boolean(),
    statusCode: z.number().int().nullable().meta({ description: 'HTTP status of the receiver, or SMTP reply code' }),
    error: z.string().nullable(),
    durationMs: z.number().int(),
  })
  .meta({ id: 'DeliveryAttempt' });

export const deliverySchema = z
  .object({
    id: z.string(),
    notificationId: z.string().meta({ description: 'Stable across retries: the webhook-id header, the e-mail Message-ID' }),
    orderId: z.string(),
    seq: z.number().int().meta({ description: 'The order version whose event caused it' }),
    kind: z.string(),
    channel: z.enum(['email', 'webhook']),
    target: z.string().meta({ description: 'The e-mail address, or the webhook subscription id' }),
    status: z.enum(['pending', 'delivered', 'dead']),
    nextAttemptAt: isoOrNull.meta({ description: 'When pending: when it is tried next' }),
    deliveredAt: isoOrNull,
    lastError: z.string().nullable(),
    createdAt: z.iso.datetime(),
    attempts: z.array(attemptSchema),
  })
  .meta({ id: 'Delivery' });

export const deliveryListSchema = z
  .object({ deliveries: z.array(deliverySchema), nextCursor: z.string().nullable().meta({ description: 'Send as cursor for the next page (also in the Link header); null on the last' }) })
  .meta({ id: 'DeliveryList' });

export const deliveryQuerySchema = z
  .object({
    status: z.enum(['pending', 'delivered', 'dead']).optional(),
    orderId: z.string().min(1).optional(),
    cursor: z.string().max(500).optional().meta({ description: 'nextCursor of the previous page' }),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export const notificationSummarySchema = z
  .object({
    pending: z.number().int().meta({ description: 'Deliveries (and notifications not yet fanned out) still to be sent' }),
    delivered: z.number().int(),
    dead: z.number().int(),
    undeliveredEmails: z.number().int(),
    note: z.string().nullable(),
  })
  .meta({ id: 'NotificationSummary' });

export const orderNotificationsSchema = z.object({
  orderId: z.string(),
  email: z.enum(['enabled', 'disabled']),
  summary: notificationSummarySchema,
  notifications: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      seq: z.number().int(),
      createdAt: z.iso.datetime(),
      dispatched: z.boolean().meta({ description: 'false until the worker has fanned it out into deliveries' }),
      deliveries: z.array(deliverySchema),
    }),
  ),
}).meta({ id: 'OrderNotifications' });
