import { z } from 'zod';
import type { MachineVersion } from '../engine/hosted-machine.ts';

/** `SWITCH_SUPPLIER` → `SwitchSupplierEvent`: the component name of an event type's request. */
export const eventSchemaName = (type: string) =>
  `${type
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('')}Event`;

/**
 * The body of `POST /orders/{id}/events` as a union discriminated on `type`, each member with the
 * payload schema of its type (the version's own, so a new machine version's events appear here).
 * For the document and generated clients: the route checks the body's shape with
 * `eventRequestSchema`, and the engine the payload against the version the order is pinned to.
 */
export function eventUnionSchema(version: Pick<MachineVersion, 'eventSchemas'>) {
  const members = Object.entries(version.eventSchemas).map(([type, payload]) =>
    z
      .object({
        type: z.literal(type),
        // The route reads a missing payload as {}: optional exactly when {} is a valid payload.
        payload: payload.safeParse({}).success ? payload.optional() : payload,
      })
      .strict()
      .meta({ id: eventSchemaName(type), title: type }),
  );
  return z
    .discriminatedUnion('type', members as unknown as [z.ZodObject, ...z.ZodObject[]])
    .meta({ id: 'EventRequest', description: 'A client event: `type` and its `payload`. The order\'s acceptedEvents lists the types it takes now.' });
}
