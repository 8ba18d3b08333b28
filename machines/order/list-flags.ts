import type { AnyMachineSnapshot } from 'xstate';
import type { OrderContext as ContextV1 } from './v1/context.ts';
import { owedSupplierRefunds, type OrderContext as ContextV2 } from './v2/context.ts';

/**
 * The order's list flags (`GET /orders?<flag>=true`): yes-or-no facts about an order that a seller
 * lists orders by, each projected from the snapshot by every version (the host stores them with
 * each commit and indexes them).
 */
export const listFlags = {
  supplierRefundOwed: {
    description:
      'true: only open orders with an owed supplier refund (R1/R4: a replaced supplier owes the refund of the original order; R15: until SUPPLIER_REFUNDED settles it). false: every other order',
  },
} as const;

export type ListFlag = keyof typeof listFlags;

/**
 * Only open orders: version 2 keeps an order open while a refund is owed (R15), so a final order
 * owing one is one version 1 ended, migrated as it was with the notice `migrated_dead_end` (settled
 * outside the service, docs/machine-v2.md); no event can settle it, so the list would never lose it.
 */
const open = (snapshot: AnyMachineSnapshot) => snapshot.status === 'active';

/** Version 1 marks the replaced supplier's refund owed and never settles it (R15 is version 2's): listed until migrated and settled. */
export function listFlagsV1(snapshot: AnyMachineSnapshot): ListFlag[] {
  const c = snapshot.context as ContextV1;
  return open(snapshot) && c.suppliers.some((s) => s.originalOrderRefund === 'owed') ? ['supplierRefundOwed'] : [];
}

/** Version 2: owed until SUPPLIER_REFUNDED settles it (R15). */
export function listFlagsV2(snapshot: AnyMachineSnapshot): ListFlag[] {
  return open(snapshot) && owedSupplierRefunds(snapshot.context as ContextV2).length > 0 ? ['supplierRefundOwed'] : [];
}
