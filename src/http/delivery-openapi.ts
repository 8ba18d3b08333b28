import { z } from 'zod';
import {
  createdWebhookSchema,
  createWebhookSchema,
  deliveryListSchema,
  deliveryQuerySchema,
  deliverySchema,
  orderNotificationsSchema,
  webhookSchema,
} from './delivery-schemas.ts';
import type { Operation } from './openapi.ts';

const problem = (description: string) => ({ description, problem: true });

/** The webhook, delivery and notification operations, for the OpenAPI document; `kinds`: the notification kinds. */
export const deliveryOperations = (kinds: readonly string[]): Operation[] => [
  {
    method: 'post',
    path: '/webhooks',
    summary: 'Subscribe a URL to notifications (signed as Standard Webhooks)',
    description: 'Every notification of the chosen kinds is POSTed to the URL with webhook-id, webhook-timestamp and webhook-signature headers. The secret is answered only here.',
    body: createWebhookSchema(kinds),
    responses: { 201: { description: 'Subscribed', schema: createdWebhookSchema }, 400: problem('Malformed JSON'), 415: problem('Body is not application/json'), 422: problem('Invalid input') },
  },
  {
    method: 'get',
    path: '/webhooks',
    summary: 'The webhook subscriptions (without secrets)',
    responses: { 200: { description: 'The subscriptions', schema: z.object({ webhooks: z.array(webhookSchema) }) } },
  },
  {
    method: 'get',
    path: '/webhooks/{id}',
    summary: 'One webhook subscription',
    responses: { 200: { description: 'The subscription', schema: webhookSchema }, 404: problem('No such subscription') },
  },
  {
    method: 'delete',
    path: '/webhooks/{id}',
    summary: 'Unsubscribe; deliveries still pending to it are dead-lettered',
    responses: { 204: { description: 'Deleted' }, 404: problem('No such subscription') },
  },
  {
    method: 'get',
    path: '/webhooks/{id}/deliveries',
    summary: "A subscription's deliveries, newest first, with their attempts",
    query: deliveryQuerySchema,
    responses: { 200: { description: 'The deliveries', schema: deliveryListSchema }, 404: problem('No such subscription'), 422: problem('Invalid query') },
  },
  {
    method: 'get',
    path: '/deliveries',
    summary: 'Deliveries, newest first; status=dead lists the dead letters',
    query: deliveryQuerySchema,
    responses: { 200: { description: 'The deliveries', schema: deliveryListSchema }, 422: problem('Invalid query') },
  },
  {
    method: 'get',
    path: '/deliveries/{id}',
    summary: 'One delivery with its attempts',
    responses: { 200: { description: 'The delivery', schema: deliverySchema }, 404: problem('No such delivery') },
  },
  {
    method: 'post',
    path: '/deliveries/{id}/retry',
    summary: 'Send a dead letter again, with a fresh set of attempts',
    responses: { 200: { description: 'Pending again, due now', schema: deliverySchema }, 404: problem('No such delivery'), 409: problem('The delivery is not dead') },
  },
  {
    method: 'get',
    path: '/orders/{id}/notifications',
    summary: "What was sent or is pending for an order: e-mails and webhooks, with their attempts",
    responses: { 200: { description: 'The notifications', schema: orderNotificationsSchema }, 404: problem('No such order') },
  },
];
