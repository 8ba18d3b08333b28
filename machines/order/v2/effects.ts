import type { OrderContext } from './context.ts';
import { emailBodies, type EmailBody } from './emails.ts';
import type { EffectAction } from './machine.ts';

/**
 * The notification kind of each effect: what webhook subscribers choose from, and the `type` of
 * each webhook payload.
 */
export const effectKinds = {
  requestExpedite: 'expedite.requested',
  alertStockProblem: 'stock.problem',
  sendCustomsReminder: 'customs.reminder',
  requestInterception: 'interception.requested',
  requestVerification: 'verification.requested',
  requestRefund: 'refund.requested',
  escalateResolution: 'resolution.escalated',
  escalateCustomsHold: 'customs.escalated',
  remindSupplierRefund: 'supplier_refund.reminder',
  notifyClaimClosed: 'claim.closed',
} as const satisfies Record<EffectAction, string>;

/**
 * The kinds also e-mailed to the seller's registered address. The expedite request (R3) is meant
 * for the supplier, whose address the service does not know: the seller gets it as "contact your
 * supplier", and integrators that reach suppliers themselves subscribe to `expedite.requested`.
 * Interception, verification and refund requests go to systems (carrier, platform, payments), so
 * they are webhooks only.
 */
const emailed: ReadonlySet<string> = new Set([
  'customs.reminder',
  'expedite.requested',
  'stock.problem',
  'resolution.escalated',
  // Version 2: every deadline that ends or escalates something tells the seller (R13, R15, R16).
  'customs.escalated',
  'supplier_refund.reminder',
  'claim.closed',
]);

interface EmailInput { orderId: string; params: Record<string, unknown>; context: unknown; at: number }

/** An e-mail goes to the address the effect names, else to the seller's registered address. */
const recipient = (params: Record<string, unknown>, context: unknown) =>
  typeof params.to === 'string' ? params.to : ((context as OrderContext | undefined)?.sellerEmail ?? null);

/** Each effect's kind, and for the e-mailed ones the recipient and the template. */
export const effects = Object.fromEntries(
  Object.entries(effectKinds).map(([action, kind]) => {
    const body = emailBodies[kind];
    const email = emailed.has(kind) && body
      ? { to: recipient, render: (i: EmailInput): EmailBody => body({ orderId: i.orderId, params: i.params, order: i.context as OrderContext | undefined, at: i.at }) }
      : undefined;
    return [action, email ? { kind, email } : { kind }];
  }),
) as Record<EffectAction, { kind: string; email?: { to: typeof recipient; render: (i: EmailInput) => EmailBody } }>;
