import { z } from 'zod';
import { clientEventTypes, deadlineEvents } from '../../machines/order/index.ts';
import { notificationSummarySchema } from './delivery-schemas.ts';

/** Response and query schemas of the API; the OpenAPI document is generated from them. */

const isoOrNull = z.iso.datetime().nullable();
const claimedItem = z.object({ sku: z.string(), quantity: z.number().int() });

export const orderViewSchema = z
  .object({
    id: z.string(),
    state: z.string().meta({ description: 'Dotted path of the active state, e.g. inTransit.shipping.customsHold' }),
    status: z.enum(['open', 'closed']),
    description: z.string().nullable(),
    waitsOn: z.string().nullable(),
    scope: z.enum(['domestic', 'international']),
    sellerEmail: z.string(),
    currency: z.string(),
    items: z.array(z.object({ sku: z.string(), quantity: z.number().int(), unitPrice: z.number().int() })),
    shipBy: isoOrNull,
    money: z.object({
      paid: z.number().int(),
      refunded: z.number().int(),
      refundable: z.number().int(),
      pendingRefund: z.number().int(),
      refunds: z.array(z.object({ amount: z.number().int(), reference: z.string().optional(), at: isoOrNull })),
    }),
    suppliers: z.array(z.object({ id: z.string(), name: z.string().optional(), status: z.enum(['active', 'replaced']), since: isoOrNull, replacedAt: isoOrNull, originalOrderRefund: z.literal('owed').optional() })),
    shipments: z.array(z.object({ carrier: z.string(), trackingNumber: z.string(), at: isoOrNull, kind: z.enum(['original', 'reship']), items: z.array(claimedItem).optional() })),
    problem: z
      .object({ code: z.string(), rule: z.string(), title: z.string(), recommendedAction: z.string(), recommendedEvents: z.array(z.string()) })
      .nullable(),
    claim: z.object({ kind: z.string(), items: z.array(claimedItem), verification: z.string().nullable(), resolution: z.string().nullable() }).loose().nullable(),
    resolution: z.object({ dueAt: isoOrNull, escalated: z.boolean(), escalatedAt: isoOrNull, calendarNote: z.string().nullable() }).nullable(),
    cancellation: z.object({ reason: z.string(), requestedAt: isoOrNull, outcome: z.string() }).nullable(),
    deadlines: z.array(z.object({ name: z.enum(Object.keys(deadlineEvents) as [string, ...string[]]), dueAt: isoOrNull, event: z.string() })),
    outcome: z.string().nullable(),
    lastNote: z.object({ text: z.string(), at: isoOrNull, event: z.string() }).nullable(),
    acceptedEvents: z.array(z.enum(clientEventTypes as [string, ...string[]])),
    version: z.number().int(),
    machine: z.object({ id: z.string(), version: z.number().int() }),
    createdAt: isoOrNull,
    updatedAt: isoOrNull,
    notifications: notificationSummarySchema.optional().meta({ description: 'GET /orders/{id} only: e-mails and webhooks pending, delivered, dead' }),
  })
  .meta({ id: 'Order' });

export const historyEntrySchema = z
  .object({
    seq: z.number().int(),
    type: z.string(),
    payload: z.unknown(),
    fromState: z.string().nullable(),
    toState: z.string(),
    at: z.iso.datetime(),
    idempotencyKey: z.string().nullable(),
    source: z.enum(['client', 'timer']),
    dueAt: isoOrNull.meta({ description: 'For timer events: when the deadline fell due (at is when it fired)' }),
  })
  .meta({ id: 'HistoryEntry' });

export const orderSummarySchema = z
  .object({ id: z.string(), state: z.string(), version: z.number().int(), nextDeadlineAt: isoOrNull, updatedAt: z.iso.datetime() })
  .meta({ id: 'OrderSummary' });

export const orderListSchema = z.object({ orders: z.array(orderSummarySchema), nextCursor: z.string().nullable() });

export const listQuerySchema = z
  .object({
    state: z.string().regex(/^[A-Za-z]+(\.[A-Za-z]+)*$/, 'a state path such as inTransit or inTransit.shipping.customsHold').optional(),
    deadlineBefore: z.iso.datetime({ offset: true }).optional(),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();

export const eventRequestSchema = z
  .object({
    type: z.string().min(1).meta({ description: `One of ${clientEventTypes.join(', ')}` }),
    payload: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .meta({ id: 'EventRequest' });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    acceptedEvents: z.array(z.string()).optional(),
    reason: z.string().optional(),
  })
  .loose()
  .meta({ id: 'Problem' });
