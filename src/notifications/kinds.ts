import type { EffectAction } from '../../machines/order/index.ts';

/**
 * Notification kinds: what webhook subscribers choose from, and the `type` of each webhook payload.
 * Every machine effect has one; `state.changed` is sent for every event that moved an order to
 * another state (creation included).
 */
export const effectKinds = {
  requestExpedite: 'expedite.requested',
  alertStockProblem: 'stock.problem',
  sendCustomsReminder: 'customs.reminder',
  requestInterception: 'interception.requested',
  requestVerification: 'verification.requested',
  requestRefund: 'refund.requested',
  escalateResolution: 'resolution.escalated',
} as const satisfies Record<EffectAction, string>;

export const STATE_CHANGED = 'state.changed';

export const notificationKinds = [STATE_CHANGED, ...Object.values(effectKinds)] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/**
 * The kinds also e-mailed to the seller's registered address. The expedite request (R3) is meant
 * for the supplier, whose address the service does not know: the seller gets it as "contact your
 * supplier", and integrators that reach suppliers themselves subscribe to `expedite.requested`.
 * Interception, verification and refund requests go to systems (carrier, platform, payments), so
 * they are webhooks only.
 */
export const emailKinds: ReadonlySet<string> = new Set(['customs.reminder', 'expedite.requested', 'stock.problem', 'resolution.escalated']);

export function kindOfAction(action: string): string {
  return (effectKinds as Record<string, string>)[action] ?? `effect.${action}`;
}
