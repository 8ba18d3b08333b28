import { listFlags, listFlagsV1, listFlagsV2 } from './list-flags.ts';
import type { DeadlinePolicy } from './v2/context.ts';
import { migrateFromV1 } from './v2/from-v1.ts';
import type { AddWorkingDays } from './v2/machine.ts';
import { orderV1 } from './v1/version.ts';
import { orderV2 } from './v2/version.ts';
import { viewLists } from './view-lists.ts';
import type { orderViewSchema } from './v2/view-schema.ts';

export interface OrderMachineOptions {
  /** Working-day arithmetic for the R7 resolution deadline (the host's holiday calendar). Default: weekends only, in UTC. */
  addWorkingDays?: AddWorkingDays;
  /** The deployment's deadline defaults (EXPEDITE_AFTER_DAYS and the like); recorded with each order created under them. */
  policy?: Partial<DeadlinePolicy>;
}

/**
 * The order machine as the host serves it (a `HostedMachine` of src/engine/hosted-machine.ts):
 * every version still in the tree, oldest first, the migrations between them, and the list flags
 * orders are listed by (each version projects them from its snapshots), and the view's lists that
 * grow with the events an order takes (shown bounded, paged apart).
 */
export function orderMachine(options: OrderMachineOptions = {}) {
  const { customsEscalateAfterDays: _e, supplierRefundRemindDays: _r, ...v1Policy } = options.policy ?? {};
  return {
    id: 'order',
    versions: [{ ...orderV1({ ...options, policy: v1Policy }), listFlags: listFlagsV1 }, { ...orderV2(options), listFlags: listFlagsV2 }],
    // The deployment's defaults of version 2's new deadlines go into migrated orders.
    migrations: [{ from: 1, to: 2, migrate: (s: Parameters<typeof migrateFromV1>[0]) => migrateFromV1(s, options.policy) }],
    listFlags,
    viewLists,
  };
}

// What the wiring, the typed client and the tests name: the version new orders are created on.
export { sampleOrder } from './v2/sample-order.ts';
export type { ClientEventPayloads, ClientEventType, CreateOrderInput } from './v2/schemas.ts';
export type { DeadlinePolicy } from './v2/context.ts';
export type { AddWorkingDays } from './v2/machine.ts';
export type OrderViewShape = (typeof orderViewSchema)['shape'];
