import { z } from 'zod';

/** The query of `POST /orders/{id}/events`: anything else is refused, so a misspelt `dryRun` never applies the event. */
export const eventQuerySchema = z
  .object({
    dryRun: z
      .enum(['true', 'false'])
      .optional()
      .meta({ description: 'true: answer what the event would do (the DryRun schema) and change nothing; refusals are answered exactly as without it' }),
  })
  .strict();

/** The answer of `POST /orders/{id}/events?dryRun=true` (src/engine/dry-run.ts), around the order view schema. */
export function dryRunSchema(orderView: z.ZodType) {
  return z
    .object({
      dryRun: z.literal(true),
      event: z.object({ type: z.string(), payload: z.unknown() }).meta({ description: 'The event as it would be applied (its payload after validation)' }),
      from: z.object({ state: z.string(), version: z.number().int() }).meta({ description: 'Where the order stands now; send with If-Match on this version to apply exactly this' }),
      /** The order view the event would produce. */
      order: orderView,
      effects: z
        .array(z.object({ action: z.string(), params: z.unknown(), kind: z.string(), email: z.boolean() }))
        .meta({ description: 'The notifications the commit would put in the outbox: the action, its webhook kind, and whether it is e-mailed too' }),
      deadlines: z
        .array(z.object({ name: z.string(), event: z.string(), dueAt: z.iso.datetime() }))
        .meta({ description: 'The deadlines armed afterwards (the timers the commit would write), earliest first' }),
      replayed: z.boolean().meta({ description: 'The Idempotency-Key was used for this same request already: sending answers the recorded result (order) and applies nothing' }),
    })
    .meta({ id: 'DryRun' });
}
