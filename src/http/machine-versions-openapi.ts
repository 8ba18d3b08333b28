import { z } from 'zod';
import type { HostedMachine } from '../engine/hosted-machine.ts';
import { machineGraphSchema } from './machine-graph-schema.ts';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { machineGraph } from '../inspector/machine-graph.ts';
import { guarded, jsonResponse, problems } from './openapi-responses.ts';

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

const versionParam = z.object({ version: z.string().regex(/^\d{1,9}$/).meta({ description: 'A version number of the machine', example: '1' }) });

/** The version views (open, but for the census: it counts stored orders). */
export function machineVersionOperations(hosted: HostedMachine): ZodOpenApiPathsObject {
  const current = hosted.versions.at(-1)!;
  const graph = machineGraph(hosted.id, current);
  return {
    '/machines': {
      get: {
        operationId: 'listMachines',
        tags: ['Machines'],
        summary: 'The machines this service hosts, each with its current version and its versions',
        security: [],
        responses: {
          200: jsonResponse(
            'The machines',
            z.object({ machines: z.array(z.object({ id: z.string(), current: z.number().int(), versions: z.array(z.number().int()) })) }).meta({ id: 'MachineList' }),
            { machines: [{ id: hosted.id, current: current.version, versions: hosted.versions.map((v) => v.version) }] },
          ),
          ...problems([422]),
        },
      },
    },
    [`/machines/${hosted.id}/versions`]: {
      get: {
        operationId: 'listMachineVersions',
        tags: ['Machines'],
        summary: 'The versions of the machine this release has, and the migrations between them',
        security: [],
        responses: {
          200: jsonResponse('The versions, oldest first', versionListSchema.meta({ id: 'VersionList' }), {
            id: hosted.id,
            current: current.version,
            versions: hosted.versions.map((v) => ({ version: v.version, fingerprint: v.fingerprint, clientEvents: Object.keys(v.eventSchemas).length, deadlines: Object.keys(v.deadlines).length })),
            migrations: hosted.migrations.map((m) => ({ from: m.from, to: m.to })),
          }),
          ...problems([422]),
        },
      },
    },
    [`/machines/${hosted.id}/versions/{version}`]: {
      get: {
        operationId: 'getMachineVersion',
        tags: ['Machines'],
        summary: 'One version of the machine as data (as GET /machines/{id} gives the newest)',
        security: [],
        requestParams: { path: versionParam },
        responses: { 200: jsonResponse('The machine graph of that version', machineGraphSchema, graph), ...problems([404, 422], { 404: 'No such version' }) },
      },
    },
    [`/machines/${hosted.id}/versions/{version}/changes`]: {
      get: {
        operationId: 'getMachineVersionChanges',
        tags: ['Machines'],
        summary: 'What a version adds, removes and renames of the version before it, and the migration map',
        description:
          "States and events compared by name; a state is renamed when the migration takes all its orders to one new state, an event when a new one has exactly its transitions. The migration map comes from the migration itself, run on every instance the older version's model reaches.",
        security: [],
        requestParams: { path: versionParam },
        responses: {
          200: jsonResponse('The changes', versionChangesSchema, {
            from: 1,
            to: 2,
            states: { added: ['preShipment.processing.stockShortage'], removed: [], renamed: [{ from: 'preShipment.processing.stockProblem', to: 'preShipment.processing.stockShortage' }] },
            events: { added: [], removed: [], renamed: [] },
            transitions: { added: [], removed: [] },
            deadlines: { added: [], removed: [] },
            migration: [{ from: 'preShipment.processing.stockProblem', to: ['preShipment.processing.stockShortage'], by: 'state' }],
          }),
          ...problems([404, 422], { 404: 'No such version, or the first version' }),
        },
      },
    },
    [`/machines/${hosted.id}/census`]: {
      get: {
        operationId: 'getMachineCensus',
        tags: ['Machines'],
        summary: 'Stored orders per machine version and state, and where migrating them to the newest would put them',
        description:
          "Counted from the store's index, without reading snapshots. Behind the API tokens when they are set. `aftersales migrate --dry-run` reads each order for an exact answer where a state is `uncertain`.",
        responses: {
          200: jsonResponse('The census', censusSchema, {
            machine: hosted.id,
            newest: current.version,
            total: 1,
            versions: [{ version: current.version, known: true, total: 1, states: [{ state: 'preShipment.processing.awaitingShipment', count: 1 }] }],
            afterMigration: {
              version: current.version,
              states: [{ state: 'preShipment.processing.awaitingShipment', count: 1, from: [{ version: current.version, state: 'preShipment.processing.awaitingShipment', count: 1 }] }],
              uncertain: [],
              unmigratable: [],
            },
          }),
          ...problems([...guarded, 422]),
        },
      },
    },
  };
}
