import { z } from 'zod';
import type { MachineVersion } from '../engine/hosted-machine.ts';

/** The schema of a version's paths document (`GET /machines/{id}/paths`, `npx aftersales paths`), for the OpenAPI document and clients. */
export function pathsSchema(version: MachineVersion) {
  const expect = version.model?.expectSchema ?? z.record(z.string(), z.unknown());
  const deadlineName = z.enum(Object.keys(version.deadlines) as [string, ...string[]]);
  const pathStepSchema = z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('event'), type: z.string(), payload: z.record(z.string(), z.unknown()), expect }),
    z.object({
      kind: z.literal('timer'),
      type: z.string(),
      deadline: deadlineName,
      advanceClockTo: z.literal('deadline').meta({ description: 'Move the clock to the due time of `deadline` (from the order view) and let the service fire it' }),
      expect,
    }),
  ]);
  return z.object({
    machine: z.object({ id: z.string(), version: z.number().int() }),
    howToReplay: z.array(z.string()),
    variants: z.array(z.object({ name: z.string(), description: z.string(), order: z.record(z.string(), z.unknown()), policy: z.record(z.string(), z.number()) })),
    counts: z.object({ shortest: z.number().int(), transition: z.number().int() }),
    paths: z.array(z.object({ id: z.string(), variant: z.string(), kind: z.enum(['shortest', 'transition']), steps: z.array(pathStepSchema) })),
  });
}
