import { z } from 'zod';
import { totalKey, VIEW_LIST_LIMIT } from '../engine/bounded-view.ts';
import type { ListFlag, MachineVersion, ViewList } from '../engine/hosted-machine.ts';
import { notificationSummarySchema } from './delivery-schemas.ts';

/** Response and query schemas of the API; the OpenAPI document is generated from them. */

const isoOrNull = z.iso.datetime().nullable();

/** The object schema with the count of the list at `path` beside it (`suppliers` and `suppliersTotal`); unchanged where it has no such list. */
function withTotal(object: z.ZodObject, path: readonly string[], name: string): z.ZodObject {
  const [head, ...rest] = path;
  const field = head === undefined ? undefined : object.shape[head];
  if (head === undefined || field === undefined) return object;
  if (rest.length > 0) {
    // Inside a nullable object (`claim`), or inside each entry of a list (`claims`, `*`).
    const nullable = field instanceof z.ZodNullable;
    const inner = nullable ? (field.unwrap() as z.ZodType) : field;
    let changed: z.ZodType | undefined;
    if (rest[0] === '*' && inner instanceof z.ZodArray && inner.element instanceof z.ZodObject) changed = z.array(withTotal(inner.element, rest.slice(1), name));
    else if (rest[0] !== '*' && inner instanceof z.ZodObject) changed = withTotal(inner, rest, name);
    if (!changed) return object;
    return object.extend({ [head]: nullable ? changed.nullable() : changed });
  }
  return object.extend({
    [totalKey(path)]: z.number().int().meta({ description: `How many entries \`${head}\` has in all: the view shows the most recent ${VIEW_LIST_LIMIT}; GET /orders/{id}/${name} pages through every one` }),
  });
}

/** The machine's part of the order view as the API shows it: each growing list bounded, with its total beside it. */
export function boundedViewSchema(viewSchema: z.ZodObject, lists: Readonly<Record<string, ViewList>> = {}): z.ZodObject {
  return Object.entries(lists).reduce((schema, [name, list]) => withTotal(schema, list.path, name), viewSchema);
}

/** The order view: the host's fields around the machine version's own part (`MachineVersion.viewSchema`), its growing lists bounded. */
export function orderViewSchema(version: Pick<MachineVersion, 'eventSchemas' | 'viewSchema'>, lists?: Readonly<Record<string, ViewList>>) {
  return z
    .object({
      id: z.string(),
      state: z.string().meta({ description: 'Dotted path of the active state, e.g. inTransit.shipping.customsHold' }),
      status: z.enum(['open', 'closed']),
      ...boundedViewSchema(version.viewSchema, lists).shape,
      acceptedEvents: z.array(z.enum(Object.keys(version.eventSchemas) as [string, ...string[]])),
      version: z.number().int(),
      machine: z.object({ id: z.string(), version: z.number().int() }),
      createdAt: isoOrNull,
      updatedAt: isoOrNull,
      notifications: notificationSummarySchema.optional().meta({ description: 'GET /orders/{id} only: e-mails and webhooks pending, delivered, dead' }),
    })
    .meta({ id: 'Order' });
}

export const historyEntrySchema = z
  .object({
    seq: z.number().int(),
    type: z.string(),
    payload: z.unknown(),
    fromState: z.string().nullable(),
    toState: z.string(),
    at: z.iso.datetime(),
    idempotencyKey: z.string().nullable(),
    source: z.enum(['client', 'timer', 'migration']).meta({ description: 'migration: a MACHINE_MIGRATED row ({ from, to }), written when the order moved to a newer machine version' }),
    dueAt: isoOrNull.meta({ description: 'For timer events: when the deadline fell due (at is when it fired)' }),
    machineVersion: z.number().int().meta({ description: 'The machine version the event was applied with' }),
  })
  .meta({ id: 'HistoryEntry' });

/** One order in a list: where it stands, its next deadline, and each list flag the machine declares (what `?<flag>=true` lists). */
export function orderListSchema(listFlags: Readonly<Record<string, ListFlag>> = {}) {
  const flags = Object.fromEntries(Object.entries(listFlags).map(([name, flag]) => [name, z.boolean().meta({ description: `Whether \`?${name}=true\` lists the order; the query: ${flag.description}` })]));
  const summary = z
    .object({
      id: z.string(),
      state: z.string(),
      version: z.number().int(),
      nextDeadlineAt: isoOrNull,
      updatedAt: z.iso.datetime(),
      flags: z.object(flags).meta({ description: 'The list flags: true where `GET /orders?<flag>=true` lists the order' }),
    })
    .meta({ id: 'OrderSummary' });
  return z
    .object({ orders: z.array(summary), nextCursor: z.string().nullable().meta({ description: 'Send as cursor for the next page; null on the last' }) })
    .meta({ id: 'OrderList' });
}

/**
 * The list query: by state, by next deadline, and by each list flag the machine declares
 * (`?<flag>=true` or `false`), paged by cursor. Unknown parameters are refused.
 */
export function listQuerySchema(listFlags: Readonly<Record<string, ListFlag>> = {}) {
  const flags = Object.fromEntries(
    Object.entries(listFlags).map(([name, flag]) => [name, z.enum(['true', 'false']).optional().meta({ description: flag.description })]),
  );
  return z
    .object({
      state: z.string().regex(/^[A-Za-z]+(\.[A-Za-z]+)*$/, 'a state path such as inTransit or inTransit.shipping.customsHold').optional(),
      deadlineBefore: z.iso.datetime({ offset: true }).optional(),
      ...flags,
      cursor: z.string().max(500).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(50),
    })
    .strict();
}

/** `GET /orders/{id}/<list>`: a page of one of the view's growing lists, in the list's order. */
export const viewListQuerySchema = z
  .object({
    cursor: z.string().max(500).optional().meta({ description: 'nextCursor of the previous page' }),
    limit: z.coerce.number().int().min(1).max(1000).default(100).meta({ description: 'Entries per page (1 to 1000, default 100)' }),
  })
  .strict();

/** `GET /orders/{id}/history`: a page of the history, oldest first. */
export const historyQuerySchema = z
  .object({
    cursor: z.string().max(500).optional().meta({ description: 'nextCursor of the previous page' }),
    limit: z.coerce.number().int().min(1).max(1000).default(1000).meta({ description: 'Entries per page (1 to 1000)' }),
  })
  .strict();

export const eventRequestSchema = z
  .object({
    type: z.string().min(1),
    payload: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    acceptedEvents: z.array(z.string()).optional(),
    reason: z.string().optional(),
  })
  .loose()
  .meta({ id: 'Problem' });
