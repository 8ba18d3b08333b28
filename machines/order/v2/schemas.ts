import { z } from 'zod';
import { isCurrencyCode } from './currencies.ts';

/**
 * Payload schemas of the order machine. The API validates requests with these same schemas,
 * and the OpenAPI document is generated from them.
 */

/** Why a refund is requested (R14): the reasons of a cancellation are R9's and R10's, refused on international orders. */
export const refundReasons = ['out_of_stock', 'oversized', 'supplier_unresponsive', 'shipment_overdue', 'claim', 'parcel_lost', 'customer_cancelled', 'wrong_address', 'other'] as const;
export type RefundReason = (typeof refundReasons)[number];

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
    items: z
      .array(orderItemSchema)
      .min(1)
      .max(500)
      // R17: one line per SKU (a claim on a SKU is valued at its line's price), and a total that stays exact.
      .superRefine((items, ctx) => {
        const seen = new Set<string>();
        items.forEach((item, i) => {
          if (seen.has(item.sku)) ctx.addIssue({ code: 'custom', path: [i, 'sku'], message: `${item.sku} is on another line already: one line per SKU` });
          seen.add(item.sku);
        });
        const total = items.reduce((sum, i) => sum + i.quantity * i.unitPrice, 0);
        if (!Number.isSafeInteger(total)) ctx.addIssue({ code: 'custom', path: [], message: `the order total exceeds ${Number.MAX_SAFE_INTEGER} minor units` });
      }),
    currency: z.string().refine(isCurrencyCode, 'an ISO 4217 code such as CNY or EUR'),
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
  REQUEST_REFUND: z
    .object({ reason: z.enum(refundReasons).optional(), note, amount: positiveMinorUnits.optional(), items: z.array(claimedItemSchema).min(1).max(500).optional() })
    .strict(),
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
  PARCEL_LOST: noteOnly,
  SUPPLIER_REFUNDED: z
    .object({ supplierId: z.string().trim().min(1).max(200), amount: positiveMinorUnits, reference: z.string().trim().min(1).max(200).optional() })
    .strict(),
} as const;

export type ClientEventType = keyof typeof clientEventSchemas;
export const clientEventTypes = Object.keys(clientEventSchemas) as ClientEventType[];

export type ClientEventPayloads = { [K in ClientEventType]: z.infer<(typeof clientEventSchemas)[K]> };

export function isClientEventType(type: string): type is ClientEventType {
  return Object.hasOwn(clientEventSchemas, type);
}
