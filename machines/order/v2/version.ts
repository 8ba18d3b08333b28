import type { AnyMachineSnapshot, EventObject } from 'xstate';
import type { DeadlinePolicy, OrderContext, OrderEvent } from './context.ts';
import { deadlineEvents } from './context.ts';
import { acceptedEvents, checkAgainstOrder, refusalOf } from './checks.ts';
import { armedDeadlines } from './deadlines.ts';
import { effects } from './effects.ts';
import { addWeekdaysUtc, createOrderMachine, MACHINE_VERSION, type AddWorkingDays } from './machine.ts';
import { orderModel } from './model.ts';
import { clientEventSchemas, createOrderSchema, type CreateOrderInput } from './schemas.ts';
import { orderView } from './view.ts';
import { orderViewSchema } from './view-schema.ts';

export interface OrderVersionOptions {
  /** Working-day arithmetic for the R7 resolution deadline (the host's holiday calendar). Default: weekends only, in UTC. */
  addWorkingDays?: AddWorkingDays;
  /** The deployment's deadline defaults; recorded with each order created under them. */
  policy?: Partial<DeadlinePolicy>;
}

/**
 * sha256 of this version's definition (structure, schemas, tables, and the behaviour of its model
 * paths), as `npx aftersales fingerprint` prints it. Frozen with the version once released: a test fails
 * when the definition no longer hashes to it.
 */
export const FINGERPRINT = 'sha256:4e8077744a30d8fc3f7dcb3dd2ad72d75194acfa235037cdbf749c06730f093f';

/** Version 2 of the order machine as the host serves it (a `MachineVersion` of src/engine/hosted-machine.ts). */
export function orderV2({ addWorkingDays = addWeekdaysUtc, policy = {} }: OrderVersionOptions = {}) {
  return {
    version: MACHINE_VERSION,
    machine: createOrderMachine({ addWorkingDays }),
    fingerprint: FINGERPRINT,
    createSchema: createOrderSchema,
    creationRecord: (body: CreateOrderInput) => (Object.keys(policy).length ? { ...body, policyDefaults: policy } : { ...body }),
    eventSchemas: clientEventSchemas,
    deadlines: deadlineEvents,
    armedDeadlines,
    check: (snapshot: AnyMachineSnapshot, event: EventObject) => checkAgainstOrder(snapshot.context as OrderContext, event as OrderEvent),
    refusal: (snapshot: AnyMachineSnapshot, event: EventObject) => refusalOf(snapshot, event, (event as OrderEvent).receivedAt),
    acceptedEvents,
    view: orderView,
    viewSchema: orderViewSchema,
    effects,
    model: orderModel,
  };
}

export type OrderVersion2 = ReturnType<typeof orderV2>;
