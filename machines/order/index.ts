import type { DeadlinePolicy } from './v1/context.ts';
import type { AddWorkingDays } from './v1/machine.ts';
import { orderV1 } from './v1/version.ts';
import type { orderViewSchema } from './v1/view-schema.ts';

export interface OrderMachineOptions {
  /** Working-day arithmetic for the R7 resolution deadline (the host's holiday calendar). Default: weekends only, in UTC. */
  addWorkingDays?: AddWorkingDays;
  /** The deployment's deadline defaults (EXPEDITE_AFTER_DAYS and the like); recorded with each order created under them. */
  policy?: Partial<DeadlinePolicy>;
}

/**
 * The order machine as the host serves it (a `HostedMachine` of src/engine/hosted-machine.ts):
 * every version still in the tree, oldest first, and the migrations between them.
 */
export function orderMachine(options: OrderMachineOptions = {}) {
  return {
    id: 'order',
    versions: [orderV1(options)],
    migrations: [],
  };
}

// What the wiring, the typed client and the tests name: the version new orders are created on.
export { sampleOrder } from './v1/sample-order.ts';
export type { ClientEventPayloads, ClientEventType, CreateOrderInput } from './v1/schemas.ts';
export type { DeadlinePolicy } from './v1/context.ts';
export type { AddWorkingDays } from './v1/machine.ts';
export type OrderViewShape = (typeof orderViewSchema)['shape'];
