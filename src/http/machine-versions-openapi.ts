import { z } from 'zod';
import type { HostedMachine } from '../engine/hosted-machine.ts';
import { machineGraphSchema } from './machine-graph-schema.ts';
import type { Operation } from './openapi.ts';

/** Response schemas of the version views (src/http/machine-versions-routes.ts). */
const renamed = z.object({ from: z.string(), to: z.string() });
const transitionRef = z.object({ source: z.string(), event: z.string(), guard: z.string().nullable(), targets: z.array(z.string()) });
const stateCount = z.object({ state: z.string(), count: z.number().int() });

export const versionListSchema = z.object({
  id: z.string(),
  current: z.number().int().meta({ description: 'The version new orders are created on' }),
  versions: z.array(z.object({ version: z.number().int(), fingerprint: z.string(), clientEvents: z.number().int(), deadlines: z.number().int() })),
  migrations: z.array(z.object({ from: z.number().int(), to: z.number().int() })),
});

export const versionChangesSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    states: z.object({ added: z.array(z.string()), removed: z.array(z.string()), renamed: z.array(renamed) }),
    events: z.object({ added: z.array(z.string()), removed: z.array(z.string()), renamed: z.array(renamed) }),
    transitions: z.object({ added: z.array(transitionRef), removed: z.array(transitionRef) }),
    deadlines: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
    migration: z
      .array(z.object({ from: z.string(), to: z.array(z.string()), by: z.enum(['model', 'state']), failure: z.string().optional() }))
      .meta({ description: 'Each leaf state of the older version and the states of the newer one its orders migrate to' }),
  })
  .meta({ id: 'VersionChanges' });

export const censusSchema = z
  .object({
    machine: z.string(),
    newest: z.number().int(),
    total: z.number().int(),
    versions: z.array(z.object({ version: z.number().int(), known: z.boolean(), total: z.number().int(), states: z.array(stateCount) })),
    afterMigration: z.object({
      version: z.number().int(),
      states: z.array(stateCount.extend({ from: z.array(z.object({ version: z.number().int(), state: z.string(), count: z.number().int() })) })),
      uncertain: z.array(z.object({ version: z.number().int(), state: z.string(), count: z.number().int(), to: z.array(z.string()) })),
      unmigratable: z.array(z.object({ version: z.number().int(), state: z.string(), count: z.number().int(), reason: z.string() })),
    }),
  })
  .meta({ id: 'VersionCensus' });

const problem = (description: string) => ({ description, problem: true });

/** The version views, for the OpenAPI document. */
export const machineVersionOperations = (hosted: HostedMachine): Operation[] => [
  {
    method: 'get',
    path: '/machines',
    summary: 'The machines this service hosts, each with its current version and its versions',
    responses: { 200: { description: 'The machines', schema: z.object({ machines: z.array(z.object({ id: z.string(), current: z.number().int(), versions: z.array(z.number().int()) })) }) } },
  },
  {
    method: 'get',
    path: `/machines/${hosted.id}/versions`,
    summary: 'The versions of the machine this release has, and the migrations between them',
    responses: { 200: { description: 'The versions, oldest first', schema: versionListSchema } },
  },
  {
    method: 'get',
    path: `/machines/${hosted.id}/versions/{version}`,
    summary: 'One version of the machine as data (as GET /machines/{id} gives the newest)',
    responses: { 200: { description: 'The machine graph of that version', schema: machineGraphSchema }, 404: problem('No such version') },
  },
  {
    method: 'get',
    path: `/machines/${hosted.id}/versions/{version}/changes`,
    summary: 'What a version adds, removes and renames of the version before it, and the migration map',
    description: 'States and events compared by name; a state is renamed when the migration takes all its orders to one new state, an event when a new one has exactly its transitions. The migration map comes from the migration itself, run on every instance the older version\'s model reaches.',
    responses: { 200: { description: 'The changes', schema: versionChangesSchema }, 404: problem('No such version, or the first version') },
  },
  {
    method: 'get',
    path: `/machines/${hosted.id}/census`,
    summary: 'Stored orders per machine version and state, and where migrating them to the newest would put them',
    description: 'Counted from the store\'s index, without reading snapshots. Behind the API tokens when they are set. `aftersales migrate --dry-run` reads each order for an exact answer where a state is `uncertain`.',
    responses: { 200: { description: 'The census', schema: censusSchema }, 401: problem('A token is required') },
  },
];
