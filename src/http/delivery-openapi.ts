import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import {
  createdWebhookSchema,
  createWebhookSchema,
  deliveryListSchema,
  deliveryQuerySchema,
  deliverySchema,
  orderNotificationsSchema,
  webhookSchema,
} from './delivery-schemas.ts';
import { guarded, jsonResponse, linkHeader, problems } from './openapi-responses.ts';

const id = (description: string, example: string) => z.object({ id: z.string().meta({ description, example }) });
const subscriptionId = id('The subscription id', '0b6c2f0e-5d1a-4c53-9a57-5f3f0d1f6a11');
const deliveryId = id('The delivery id', '7d0f6a3e-2b9c-4f1e-8d55-1c2b3a4d5e6f');

const webhookExample = {
  id: '0b6c2f0e-5d1a-4c53-9a57-5f3f0d1f6a11',
  url: 'https://shop.example/hooks/aftersales',
  events: ['*'],
  description: 'store back-end',
  createdAt: '2026-03-02T01:00:00.000Z',
};
const deliveryExample = {
  id: '7d0f6a3e-2b9c-4f1e-8d55-1c2b3a4d5e6f',
  notificationId: '3f2a1b0c-9d8e-8f7a-a6b5-c4d3e2f1a0b9',
  orderId: 'model-domestic',
  seq: 2,
  kind: 'state.changed',
  channel: 'webhook',
  target: webhookExample.id,
  status: 'delivered',
  nextAttemptAt: null,
  deliveredAt: '2026-03-02T01:01:00.120Z',
  lastError: null,
  createdAt: '2026-03-02T01:01:00.000Z',
  attempts: [{ number: 1, at: '2026-03-02T01:01:00.100Z', ok: true, statusCode: 204, error: null, durationMs: 20 }],
};

/** The webhook, delivery and notification operations; `kinds`: the notification kinds. */
export const deliveryOperations = (kinds: readonly string[]): ZodOpenApiPathsObject => ({
  '/webhooks': {
    post: {
      operationId: 'createWebhook',
      tags: ['Webhooks'],
      summary: 'Subscribe a URL to notifications (signed as Standard Webhooks)',
      description:
        'Every notification of the chosen kinds is POSTed to the URL with webhook-id, webhook-timestamp and webhook-signature headers (see the webhooks of this document). The secret is answered only here.',
      requestBody: {
        required: true,
        content: { 'application/json': { schema: createWebhookSchema(kinds), example: { url: webhookExample.url, events: ['*'], description: 'store back-end' } } },
      },
      responses: {
        201: jsonResponse('Subscribed', createdWebhookSchema, { ...webhookExample, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }),
        ...problems([400, ...guarded, 415, 422]),
      },
    },
    get: {
      operationId: 'listWebhooks',
      tags: ['Webhooks'],
      summary: 'The webhook subscriptions (without secrets)',
      responses: {
        200: jsonResponse('The subscriptions', z.object({ webhooks: z.array(webhookSchema) }).meta({ id: 'WebhookList' }), { webhooks: [webhookExample] }),
        ...problems([...guarded, 422]),
      },
    },
  },
  '/webhooks/{id}': {
    get: {
      operationId: 'getWebhook',
      tags: ['Webhooks'],
      summary: 'One webhook subscription',
      requestParams: { path: subscriptionId },
      responses: { 200: jsonResponse('The subscription', webhookSchema, webhookExample), ...problems([...guarded, 404, 422], { 404: 'No such subscription' }) },
    },
    delete: {
      operationId: 'deleteWebhook',
      tags: ['Webhooks'],
      summary: 'Unsubscribe; deliveries still pending to it are dead-lettered',
      requestParams: { path: subscriptionId },
      responses: { 204: { description: 'Deleted' }, ...problems([...guarded, 404, 422], { 404: 'No such subscription' }) },
    },
  },
  '/webhooks/{id}/deliveries': {
    get: {
      operationId: 'listWebhookDeliveries',
      tags: ['Webhooks'],
      summary: "A subscription's deliveries, newest first, with their attempts",
      requestParams: { path: subscriptionId, query: deliveryQuerySchema },
      responses: {
        200: jsonResponse('The deliveries', deliveryListSchema, { deliveries: [deliveryExample], nextCursor: null }, linkHeader),
        ...problems([...guarded, 404, 422], { 404: 'No such subscription', 422: 'Invalid query' }),
      },
    },
  },
  '/deliveries': {
    get: {
      operationId: 'listDeliveries',
      tags: ['Deliveries'],
      summary: 'Deliveries, newest first; status=dead lists the dead letters',
      requestParams: { query: deliveryQuerySchema },
      responses: { 200: jsonResponse('The deliveries', deliveryListSchema, { deliveries: [deliveryExample], nextCursor: null }, linkHeader), ...problems([...guarded, 422], { 422: 'Invalid query' }) },
    },
  },
  '/deliveries/{id}': {
    get: {
      operationId: 'getDelivery',
      tags: ['Deliveries'],
      summary: 'One delivery with its attempts',
      requestParams: { path: deliveryId },
      responses: { 200: jsonResponse('The delivery', deliverySchema, deliveryExample), ...problems([...guarded, 404, 422], { 404: 'No such delivery' }) },
    },
  },
  '/deliveries/{id}/retry': {
    post: {
      operationId: 'retryDelivery',
      tags: ['Deliveries'],
      summary: 'Send a dead letter again, with a fresh set of attempts',
      requestParams: { path: deliveryId },
      responses: {
        200: jsonResponse('Pending again, due now', deliverySchema, { ...deliveryExample, status: 'pending', nextAttemptAt: '2026-03-02T02:00:00.000Z', deliveredAt: null }),
        ...problems([...guarded, 404, 409, 422], { 404: 'No such delivery', 409: 'The delivery is not dead' }),
      },
    },
  },
  '/orders/{id}/notifications': {
    get: {
      operationId: 'getOrderNotifications',
      tags: ['Orders'],
      summary: 'What was sent or is pending for an order: e-mails and webhooks, with their attempts',
      requestParams: { path: id('The order id', 'model-domestic') },
      responses: {
        200: jsonResponse('The notifications', orderNotificationsSchema, {
          orderId: 'model-domestic',
          email: 'disabled',
          summary: { pending: 0, delivered: 1, dead: 0, undeliveredEmails: 0, note: null },
          notifications: [{ id: deliveryExample.notificationId, kind: 'state.changed', seq: 2, createdAt: deliveryExample.createdAt, dispatched: true, deliveries: [deliveryExample] }],
        }),
        ...problems([...guarded, 404, 422], { 404: 'No such order' }),
      },
    },
  },
});
