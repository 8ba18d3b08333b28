import { z } from 'zod';
import type { MachineVersion } from '../engine/hosted-machine.ts';

/** The schema of a version's paths document (`GET /machines/{id}/paths`, `npx aftersales paths`), for the OpenAPI document and clients. */
export function pathsSchema(version: MachineVersion) {
  const expect = version.model?.expectSchema ?? z.record(z.string(), z.unknown());
  const deadlineName = z.enum(Object.keys(version.deadlines) as [string, ...string[]]);
  const expectDeadlines = z
    .array(
      z.object({
        name: deadlineName,
        armedAtStep: z.number().int().min(0).meta({ description: 'The step that armed the deadline: 0 is the creation, n the n-th step' }),
        dueAfterMs: z.number().int().meta({ description: 'The due time (the view\'s deadlines[].dueAt), in ms after the step that armed it was taken' }),
      }),
    )
    .meta({ description: "The order view's deadlines[], in order, each due time relative to the step that armed it" });
  const sinceCreationMs = z.number().int().min(0).meta({ description: 'When the path takes the step, in ms after the creation: move the clock there first' });
  const pathStepSchema = z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('event'), type: z.string(), payload: z.record(z.string(), z.unknown()), sinceCreationMs, expect, expectDeadlines }),
    z.object({
      kind: z.literal('timer'),
      type: z.string(),
      deadline: deadlineName,
      advanceClockTo: z.literal('deadline').meta({ description: 'Move the clock to the due time of `deadline` (from the order view) and let the service fire it' }),
      sinceCreationMs,
      expect,
      expectDeadlines,
    }),
  ]);
  const policy = z.record(z.string(), z.number());
  return z.object({
    machine: z.object({ id: z.string(), version: z.number().int() }),
    createdAt: z.iso.datetime().meta({ description: 'When the model created each order: due times counted in working days hold for orders created then' }),
    howToReplay: z.array(z.string()),
    variants: z.array(
      z.object({
        name: z.string(),
        description: z.string(),
        order: z.record(z.string(), z.unknown()).meta({ description: 'The creation body, without its times (see timesAfterCreation) and with an id to replace' }),
        timesAfterCreation: z.record(z.string(), z.number().int()).meta({ description: 'Each time field of the creation body (dotted path), in ms after the creation' }),
        policy,
        deployment: z.object({
          defaultPolicy: z.boolean().meta({ description: 'Whether a deployment with the default deadline policy runs this variant' }),
          environment: z.record(z.string(), z.string()).meta({ description: 'The environment of a deployment that runs it (as for npm start)' }),
        }),
        sandboxRun: z.object({ policy, startAt: z.iso.datetime(), version: z.number().int() }).meta({ description: 'The body of POST /sandbox/runs that starts a sandbox run for this variant' }),
      }),
    ),
    counts: z.object({ shortest: z.number().int(), transition: z.number().int() }),
    paths: z.array(
      z.object({
        id: z.string(),
        variant: z.string(),
        kind: z.enum(['shortest', 'transition']),
        start: z.object({ expect, expectDeadlines }).meta({ description: 'What the new order shows' }),
        steps: z.array(pathStepSchema),
      }),
    ),
  });
}
