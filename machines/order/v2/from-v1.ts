import type { StateValue } from 'xstate';
import {
  addItems,
  DAY_MS,
  defaultPolicy,
  refundable,
  supplierRefundRemindAt,
  withDeadline,
  type Claim,
  type DeadlinePolicy,
  type OrderContext,
  type RefundReturn,
} from './context.ts';
import type { RefundReason } from './schemas.ts';

/** A stored snapshot as the host hands it to a migration (src/engine/hosted-machine.ts `PersistedSnapshot`). */
interface Persisted {
  machine: { id: string; version: number };
  status: string;
  value: StateValue;
  historyValue: Record<string, { id: string }[]>;
  context: unknown;
}

/** Version 1's context, as far as the migration reads it (machines/order/v1/context.ts, frozen). */
interface V1Context extends Omit<OrderContext, 'claims' | 'refundRequest' | 'refundedItems' | 'toShip' | 'supplierRefunds' | 'customsEscalatedAt' | 'notice' | 'policy'> {
  claim: Omit<Claim, 'closed'> | null;
  refundRequest: { amount: number; reason?: string; requestedAt: number; items?: { sku: string; quantity: number }[] } | null;
  policy: Omit<DeadlinePolicy, 'customsEscalateAfterDays' | 'supplierRefundRemindDays'>;
}

const topOf = (value: StateValue) => (typeof value === 'string' ? value : Object.keys(value)[0]!);
const leafIs = (value: StateValue, path: string[]): boolean => {
  let v: StateValue | undefined = value;
  for (const key of path) {
    if (typeof v === 'string') return v === key && key === path.at(-1);
    v = v?.[key] as StateValue | undefined;
    if (v === undefined) return false;
  }
  // Stryker disable next-line BooleanLiteral: equivalent: a state value ends in a string, so every walk returns inside the loop
  return true;
};

/** A version-1 claim as version 2 keeps it: closed when version 1 had ended it (rejected, resolved, or the order ended). */
function claimOf(c: V1Context, top: string, status: string): Claim[] {
  if (!c.claim) return [];
  const claim = c.claim;
  const resolved = claim.resolution === 'reship' ? c.shipments.some((s) => s.kind === 'reship' && s.at >= claim.reportedAt) : claim.resolution === 'refund' && c.refundRequest === null;
  const at = c.lastNote?.at ?? claim.reportedAt;
  const closed: Claim['closed'] =
    claim.verification === 'rejected'
      ? { at, outcome: 'rejected' }
      : resolved
        ? { at, outcome: claim.resolution === 'reship' ? 'reshipped' : 'refunded' }
        : // Stryker disable next-line LogicalOperator,StringLiteral: equivalent: a final order of version 1 is refunded or completed, never in a claim's state, so the test of the state decides alone
          status === 'done' ||
            (top !== 'dispute' && top !== 'verification' && top !== 'reship' && top !== 'refund')
          ? {
              at,
              // Version 1 ended a claim it did not reject or resolve only for missing evidence (an approved claim it could
              // leave only by a reship or a refund, both resolved above), so this outcome is always evidence_missing.
              outcome:
                // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: equivalent, as said above
                c.outcome === 'evidence_missing'
                  ? 'evidence_missing'
                  : // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: equivalent, as said above
                    claim.verification === 'approved' ? 'refunded' : 'evidence_missing',
            }
          : null;
  return [{ ...claim, closed }];
}

/** The reason version 2 gives a refund version 1 started (version 1 kept free text). */
function reasonOf(c: V1Context): RefundReason {
  if (c.claim?.verification === 'approved' && c.claim.resolution === 'refund') return 'claim';
  if (c.cancellation?.outcome === 'intercepted') return c.cancellation.reason;
  return 'other';
}

/**
 * The migration of a stored order from version 1 to version 2 (docs/changing-the-flow.md). Pure:
 * what it cannot know (when a customs hold began) it takes from what the order recorded. The
 * deployment's deadline defaults for the new rules (CUSTOMS_ESCALATE_AFTER_DAYS,
 * SUPPLIER_REFUND_REMIND_DAYS) come in `policy`.
 *
 * Decided for orders version 1 left in a dead end (docs/machine-v2.md): a final order stays final.
 * A `refunded` order with money left refundable, or a final order whose replaced supplier still
 * owes its refund, is not re-opened (its deadlines would fire on old dates, and the seller may have
 * settled it outside the service); it carries a notice that says what was left open, and the
 * order view shows it.
 */
export function migrateFromV1(stored: Persisted, policy: Partial<DeadlinePolicy> = {}): Persisted {
  const c = stored.context as V1Context;
  const top = topOf(stored.value);
  const fullPolicy: DeadlinePolicy = {
    ...c.policy,
    customsEscalateAfterDays: policy.customsEscalateAfterDays ?? defaultPolicy.customsEscalateAfterDays,
    supplierRefundRemindDays: policy.supplierRefundRemindDays ?? defaultPolicy.supplierRefundRemindDays,
  };
  const claims = claimOf(c, top, stored.status);
  const inReship = top === 'reship';
  const claimRefunded = claims[0]?.closed?.outcome === 'refunded' && c.claim?.resolution === 'refund';
  const { claim: _claim, refundRequest: request, policy: _policy, ...rest } = c;
  const returnTo: RefundReturn =
    // Stryker disable next-line LogicalOperator,StringLiteral: equivalent: version 1 took a claim only once delivered and a refund after delivery only for an approved claim, so either test alone decides
    c.claim?.verification === 'approved' ||
    c.deliveredAt !== null
      ? 'delivered'
      : c.shipments.length
        ? 'inTransit'
        : 'preShipment';
  let deadlines = { ...c.deadlines } as OrderContext['deadlines'];
  // R13 for a parcel already held: the hold began no earlier than the shipment (or the note of CUSTOMS_HELD, when it left one).
  if (leafIs(stored.value, ['inTransit', 'shipping', 'customsHold'])) {
    const heldAt = Math.max(c.shipments.at(-1)?.at ?? c.createdAt, c.lastNote?.event === 'CUSTOMS_HELD' ? c.lastNote.at : 0);
    deadlines.customsEscalateAt = heldAt + fullPolicy.customsEscalateAfterDays * DAY_MS;
  }
  const suppliers = c.suppliers;
  if (stored.status === 'active') deadlines = withDeadline(deadlines, 'supplierRefundRemindAt', supplierRefundRemindAt({ suppliers, policy: fullPolicy }));
  const owedSuppliers = suppliers.filter((s) => s.originalOrderRefund === 'owed').map((s) => s.id);
  const left = refundable(c);
  const deadEnd =
    stored.status === 'done' && ((top === 'refunded' && left > 0) || owedSuppliers.length > 0)
      ? {
          code: 'migrated_dead_end' as const,
          at: Math.max(c.createdAt, ...c.refunds.map((r) => r.at), c.lastNote?.at ?? 0),
          text: [
            'Version 1 ended this order',
            top === 'refunded' && left > 0 ? ` after a partial refund, with ${left} (${c.currency} minor units) still refundable` : '',
            owedSuppliers.length ? `${top === 'refunded' && left > 0 ? ',' : ''} while ${owedSuppliers.join(', ')} still owed the refund of the original order` : '',
            '. Version 2 would have kept it open (R11, R15); it stays closed as version 1 left it: settle what is left outside the service.',
          ].join(''),
        }
      : null;
  const context: OrderContext = {
    ...rest,
    policy: fullPolicy,
    claims,
    refundRequest: request && {
      amount: request.amount,
      reason: reasonOf(c),
      requestedAt: request.requestedAt,
      returnTo,
      ...(request.reason ? { note: request.reason } : {}),
      ...(request.items ? { items: request.items } : {}),
    },
    refundedItems: claimRefunded && c.claim ? c.claim.items : [],
    toShip:
      c.shipments.length === 0
        ? // Stryker disable next-line ArrayDeclaration: equivalent: addItems drops an entry without a positive quantity, so a foreign entry in the empty start adds nothing
          addItems([], c.items)
        : inReship && c.claim
          ? c.claim.items
          : [],
    supplierRefunds: [],
    customsEscalatedAt: null,
    notice: deadEnd,
    deadlines,
  };
  // Version 2 keeps every state of version 1 under the same name, so the value and history references carry over.
  return { ...stored, context };
}
