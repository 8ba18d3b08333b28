import { z } from 'zod';
import { deadlineEvents } from './context.ts';

const isoOrNull = z.iso.datetime().nullable();
const claimedItem = z.object({ sku: z.string(), quantity: z.number().int() });
const problem = z.object({ code: z.string(), rule: z.string(), title: z.string(), recommendedAction: z.string(), recommendedEvents: z.array(z.string()) });
const claim = z
  .object({
    kind: z.string(),
    items: z.array(claimedItem),
    description: z.string().optional(),
    reportedAt: isoOrNull,
    evidence: z.array(z.object({ kind: z.enum(['photo', 'video']), url: z.string(), at: isoOrNull })),
    verification: z.string().nullable(),
    verificationReason: z.string().optional(),
    resolution: z.string().nullable(),
    closed: z.object({ at: isoOrNull, outcome: z.enum(['evidence_missing', 'rejected', 'reshipped', 'refunded']) }).nullable(),
  });

/** The schema of the order machine's part of the order view (`orderView`), for the OpenAPI document. */
export const orderViewSchema = z.object({
  description: z.string().nullable(),
  waitsOn: z.string().nullable(),
  scope: z.enum(['domestic', 'international']),
  sellerEmail: z.string(),
  currency: z.string(),
  items: z.array(
    z.object({
      sku: z.string(),
      quantity: z.number().int(),
      unitPrice: z.number().int(),
      refunded: z.number().int().meta({ description: 'Units refunded (R11): no longer owed to the buyer' }),
      shipped: z.number().int().meta({ description: 'Units shipped in parcels that were not lost' }),
      lost: z.number().int().meta({ description: 'Units in parcels the carrier lost (R13)' }),
      toShip: z.number().int().meta({ description: 'Units still owed a shipment: before shipping, or a reship once chosen' }),
    }),
  ),
  shipBy: isoOrNull,
  money: z.object({
    paid: z.number().int(),
    refunded: z.number().int(),
    refundable: z.number().int(),
    pendingRefund: z.number().int(),
    refunds: z.array(z.object({ amount: z.number().int(), reference: z.string().optional(), at: isoOrNull, items: z.array(claimedItem).optional() })),
    refundRequest: z
      .object({ amount: z.number().int(), reason: z.string(), note: z.string().optional(), requestedAt: isoOrNull, items: z.array(claimedItem).optional(), returnTo: z.enum(['preShipment', 'delivered', 'inTransit']) })
      .nullable(),
  }),
  suppliers: z.array(
    z.object({
      id: z.string(),
      name: z.string().optional(),
      status: z.enum(['active', 'replaced']),
      since: isoOrNull,
      replacedAt: isoOrNull,
      originalOrderRefund: z.enum(['owed', 'settled']).optional(),
      refundRemindedAt: isoOrNull,
    }),
  ),
  supplierRefunds: z.object({
    owed: z.array(z.object({ supplierId: z.string(), name: z.string().optional(), since: isoOrNull, remindedAt: isoOrNull })),
    settled: z.array(z.object({ supplierId: z.string(), amount: z.number().int(), reference: z.string().optional(), at: isoOrNull })),
  }),
  shipments: z.array(
    z.object({
      carrier: z.string(),
      trackingNumber: z.string(),
      at: isoOrNull,
      kind: z.enum(['original', 'reship']),
      items: z.array(claimedItem).optional(),
      lostAt: isoOrNull,
    }),
  ),
  problem: problem.nullable(),
  notice: z.object({ code: z.string(), at: isoOrNull, text: z.string() }).nullable(),
  claim: claim.nullable(),
  claims: z.array(claim),
  resolution: z.object({ dueAt: isoOrNull, escalated: z.boolean(), escalatedAt: isoOrNull, calendarNote: z.string().nullable() }).nullable(),
  customs: z.object({ holds: z.number().int(), remindersSent: z.number().int(), escalatedAt: isoOrNull }).nullable(),
  cancellation: z.object({ reason: z.string(), requestedAt: isoOrNull, outcome: z.string() }).nullable(),
  deadlines: z.array(z.object({ name: z.enum(Object.keys(deadlineEvents) as [string, ...string[]]), dueAt: isoOrNull, event: z.string() })),
  outcome: z.string().nullable(),
  lastNote: z.object({ text: z.string(), at: isoOrNull, event: z.string() }).nullable(),
});
