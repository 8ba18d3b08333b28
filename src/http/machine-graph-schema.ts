import { z } from 'zod';

/** Response schema of `GET /machines/order` (see src/inspector/machine-graph.ts). */
const transitionSchema = z.object({
  event: z.string(),
  guard: z.string().nullable(),
  targets: z.array(z.string()).meta({ description: 'Dotted state paths; empty when the transition only runs actions' }),
  actions: z.array(z.string()),
  timer: z.boolean().meta({ description: 'Fired by the service when a deadline falls due; clients cannot send it' }),
});

export const stateDefSchema: z.ZodType<unknown> = z.lazy(() =>
  z.object({
    path: z.string().meta({ description: 'Dotted path as in the order view, e.g. inTransit.shipping.customsHold; the root is ""' }),
    key: z.string(),
    type: z.enum(['atomic', 'compound', 'parallel', 'final', 'history']),
    initial: z.string().nullable(),
    description: z.string().nullable(),
    waitsOn: z.string().nullable(),
    deadlines: z.array(z.object({ name: z.string(), event: z.string() })),
    problem: z.object({ code: z.string(), rule: z.string(), title: z.string() }).nullable(),
    noDeadlineReason: z.string().nullable(),
    transitions: z.array(transitionSchema),
    states: z.array(stateDefSchema),
  }),
).meta({ id: 'StateNode' });

export const machineGraphSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    root: stateDefSchema,
    clientEvents: z.array(z.string()),
    timerEvents: z.array(z.string()),
  })
  .meta({ id: 'MachineGraph' });
