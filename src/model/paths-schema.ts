import { z } from 'zod';
import { deadlineEvents } from '../../machines/order/index.ts';

/** The schema of the paths document (`GET /machines/order/paths`, `npx aftersales paths`), for the OpenAPI document and clients. */

const deadlineName = z.enum(Object.keys(deadlineEvents) as [string, ...string[]]);

const expectedOrderSchema = z.object({
  state: z.string().meta({ description: 'The order view\'s state after the step' }),
  status: z.enum(['open', 'closed']),
  outcome: z.string().nullable(),
  money: z.object({ paid: z.number().int(), refunded: z.number().int(), refundable: z.number().int(), pendingRefund: z.number().int() }),
  deadlines: z.array(deadlineName).meta({ description: 'deadlines[].name of the order view, earliest first' }),
  claim: z.object({ kind: z.string(), verification: z.string().nullable(), resolution: z.string().nullable() }).nullable(),
  cancellation: z.string().nullable().meta({ description: 'cancellation.outcome of the order view' }),
  escalated: z.boolean().nullable().meta({ description: 'resolution.escalated of the order view; null when it shows no resolution' }),
});

const pathStepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('event'), type: z.string(), payload: z.record(z.string(), z.unknown()), expect: expectedOrderSchema }),
  z.object({
    kind: z.literal('timer'),
    type: z.string(),
    deadline: deadlineName,
    advanceClockTo: z.literal('deadline').meta({ description: 'Move the clock to the due time of `deadline` (from the order view) and let the service fire it' }),
    expect: expectedOrderSchema,
  }),
]);

export const orderPathsSchema = z.object({
  machine: z.object({ id: z.string(), version: z.number().int() }),
  howToReplay: z.array(z.string()),
  variants: z.array(z.object({ name: z.string(), description: z.string(), order: z.record(z.string(), z.unknown()), policy: z.record(z.string(), z.number()) })),
  counts: z.object({ shortest: z.number().int(), transition: z.number().int() }),
  paths: z.array(z.object({ id: z.string(), variant: z.string(), kind: z.enum(['shortest', 'transition']), steps: z.array(pathStepSchema) })),
});
