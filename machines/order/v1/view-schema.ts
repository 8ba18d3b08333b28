import { z } from 'zod';
import { deadlineEvents } from './context.ts';

const isoOrNull = z.iso.datetime().nullable();
const claimedItem = z.object({ sku: z.string(), quantity: z.number().int() });

/** The schema of the order machine's part of the order view (`orderView`), for the OpenAPI document. */
export const orderViewSchema = z.object({
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
  suppliers: z.array(
    z.object({
      id: z.string(),
      name: z.string().optional(),
      status: z.enum(['active', 'replaced']),
      since: isoOrNull,
      replacedAt: isoOrNull,
      originalOrderRefund: z.literal('owed').optional(),
    }),
  ),
  shipments: z.array(
    z.object({ carrier: z.string(), trackingNumber: z.string(), at: isoOrNull, kind: z.enum(['original', 'reship']), items: z.array(claimedItem).optional() }),
  ),
  problem: z
    .object({ code: z.string(), rule: z.string(), title: z.string(), recommendedAction: z.string(), recommendedEvents: z.array(z.string()) })
    .nullable(),
  claim: z.object({ kind: z.string(), items: z.array(claimedItem), verification: z.string().nullable(), resolution: z.string().nullable() }).loose().nullable(),
  resolution: z.object({ dueAt: isoOrNull, escalated: z.boolean(), escalatedAt: isoOrNull, calendarNote: z.string().nullable() }).nullable(),
  cancellation: z.object({ reason: z.string(), requestedAt: isoOrNull, outcome: z.string() }).nullable(),
  deadlines: z.array(z.object({ name: z.enum(Object.keys(deadlineEvents) as [string, ...string[]]), dueAt: isoOrNull, event: z.string() })),
  outcome: z.string().nullable(),
  lastNote: z.object({ text: z.string(), at: isoOrNull, event: z.string() }).nullable(),
});
