import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import type { MachineVersion } from '../engine/hosted-machine.ts';
import { pathsSchema } from '../model/paths-schema.ts';
import { jsonResponse, problems } from './openapi-responses.ts';
import { machineGraphSchema } from './machine-graph-schema.ts';
import { pathsQuerySchema } from './machines-routes.ts';

/** The machine routes (open: no token needed), and the health and readiness probes. */
export function machinesOperations(machineId: string, version: MachineVersion, graph: unknown): ZodOpenApiPathsObject {
  return {
    [`/machines/${machineId}`]: {
      get: {
        operationId: 'getMachine',
        tags: ['Machines'],
        summary: 'The order machine as data: nested states, transitions (event, guard, targets), deadlines',
        description: 'Derived from the machine definition the service runs; the inspector at /inspector draws it.',
        security: [],
        responses: { 200: jsonResponse('The machine graph', machineGraphSchema, graph), ...problems([422]) },
      },
    },
    [`/machines/${machineId}/paths`]: {
      get: {
        operationId: 'getMachinePaths',
        tags: ['Machines'],
        summary: "Test paths generated from the order machine's graph",
        description:
          'Shortest paths to every state and paths that together take every transition, each a list of events with payloads and the order view expected after each step. Timer steps name the deadline whose due time the client moves its clock to. Replay them against your integration (docs/model-based-testing.md).',
        security: [],
        requestParams: { query: pathsQuerySchema },
        responses: {
          200: version.model
            ? {
                description: 'The paths document (the same as `npx aftersales paths`); with format=jsonl, JSON Lines',
                content: {
                  // No JSON example: a real document is hundreds of paths; GET it (or see the JSON Lines example).
                  'application/json': { schema: pathsSchema(version).meta({ id: 'PathsDocument' }) },
                  'application/jsonl': { schema: z.string(), example: '{"kind":"path","id":"shortest-1"}\n' },
                },
              }
            : { description: 'The paths document' },
          ...problems([404, 422], { 404: 'No such version, or it has no model to generate paths from' }),
        },
      },
    },
    '/healthz': {
      get: {
        operationId: 'getHealth',
        tags: ['Operations'],
        summary: 'Liveness: uptime, orders per machine version, timers and deliveries',
        security: [],
        responses: {
          200: jsonResponse(
            'Alive; status is degraded while stored orders name a version or state this release cannot restore',
            z.object({ status: z.enum(['ok', 'degraded']), uptimeMs: z.number() }).loose().meta({ id: 'Health' }),
            { status: 'ok', uptimeMs: 1200 },
          ),
          ...problems([422]),
        },
      },
    },
    '/readyz': {
      get: {
        operationId: 'getReadiness',
        tags: ['Operations'],
        summary: 'Readiness: the database and the workers, each check with its time',
        security: [],
        responses: {
          200: jsonResponse('Ready', readinessSchema, { status: 'ready', checks: { database: { ok: true, ms: 0.4 } } }),
          503: jsonResponse('Not ready: the failing checks say why', readinessSchema, { status: 'not ready', checks: { database: { ok: false, ms: 2000, error: 'no answer within 2000 ms' } } }),
          ...problems([422]),
        },
      },
    },
  };
}

const readinessSchema = z
  .object({
    status: z.enum(['ready', 'not ready']),
    checks: z.record(z.string(), z.object({ ok: z.boolean(), ms: z.number(), error: z.string().optional() })),
  })
  .meta({ id: 'Readiness' });
