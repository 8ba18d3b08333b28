import { z } from 'zod';

/**
 * Payload schemas of the order machine. The API validates requests with these same schemas,
 * and the OpenAPI document is generated from them.
 */

/** Integer minor units (cents, fen): money is never a float. */
export const minorUnits = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const positiveMinorUnits = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const note = z.string().trim().min(1).max(2000).optional();
const isoTime = z.iso.datetime({ offset: true });

export const supplierSchema = z.object({
  id: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(200).optional(),
});

export const orderItemSchema = z.object({
  sku: z.string().trim().min(1).max(200),
  quantity: z.number().int().positive().max(100_000),
  unitPrice: minorUnits,
});

export const claimedItemSchema = z.object({
  sku: z.string().trim().min(1).max(200),
  quantity: z.number().int().positive().max(100_000),
});

/** Per-order overrides of the deployment's deadline policy. */
export const orderPolicySchema = z
  .object({
    protectionWindowDays: z.number().int().min(1).max(365).optional(),
    evidenceDays: z.number().int().min(1).max(90).optional(),
  })
  .strict();

export const createOrderSchema = z
  .object({
    id: z.string().trim().min(1).max(120).regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only'),
    scope: z.enum(['domestic', 'international']),
    sellerEmail: z.email(),
    supplier: supplierSchema,
    items: z.array(orderItemSchema).min(1).max(500),
    currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CNY or EUR'),
    shipBy: isoTime,
    policy: orderPolicySchema.optional(),
  })
  .strict();
export type CreateOrderInput = z.infer<typeof createOrderSchema>;

const carriage = { carrier: z.string().trim().min(1).max(200), trackingNumber: z.string().trim().min(1).max(200) };
const noteOnly = z.object({ note }).strict();

/** Every event a client may send, with its payload schema (the `type` is not part of the payload). */
export const clientEventSchemas = {
  SHIPPED: z.object(carriage).strict(),
  STOCK_UNAVAILABLE: noteOnly,
  ITEM_OVERSIZED: noteOnly,
  SUPPLIER_CONTACTED: noteOnly,
  SUPPLIER_UNRESPONSIVE: noteOnly,
  SWITCH_SUPPLIER: z.object({ supplier: supplierSchema, shipBy: isoTime.optional() }).strict(),
  REQUEST_REFUND: z.object({ reason: z.string().trim().min(1).max(2000).optional(), amount: positiveMinorUnits.optional() }).strict(),
  CANCEL_REQUESTED: z.object({ reason: z.enum(['customer_cancelled', 'wrong_address']) }).strict(),
  INTERCEPT_SUCCEEDED: noteOnly,
  INTERCEPT_FAILED: noteOnly,
  CUSTOMS_HELD: noteOnly,
  CUSTOMS_CLEARED: noteOnly,
  DELIVERED: z.object({ at: isoTime.optional() }).strict(),
  ISSUE_REPORTED: z
    .object({
      kind: z.enum(['wrong_item', 'missing_item', 'damaged']),
      items: z.array(claimedItemSchema).min(1).max(500).optional(),
      description: z.string().trim().min(1).max(5000).optional(),
    })
    .strict(),
  EVIDENCE_SUBMITTED: z
    .object({ media: z.array(z.object({ kind: z.enum(['photo', 'video']), url: z.url() }).strict()).min(1).max(50) })
    .strict(),
  VERIFICATION_APPROVED: z.object({ reason: z.string().trim().min(1).max(2000).optional() }).strict(),
  VERIFICATION_REJECTED: z.object({ reason: z.string().trim().min(1).max(2000).optional() }).strict(),
  REQUEST_RESHIP: z.object({ items: z.array(claimedItemSchema).min(1).max(500).optional() }).strict(),
  RESHIPPED: z.object(carriage).strict(),
  REFUND_ISSUED: z.object({ amount: positiveMinorUnits, reference: z.string().trim().min(1).max(200).optional() }).strict(),
} as const;

export type ClientEventType = keyof typeof clientEventSchemas;
export const clientEventTypes = Object.keys(clientEventSchemas) as ClientEventType[];

export type ClientEventPayloads = { [K in ClientEventType]: z.infer<(typeof clientEventSchemas)[K]> };

export function isClientEventType(type: string): type is ClientEventType {
  return Object.hasOwn(clientEventSchemas, type);
}
