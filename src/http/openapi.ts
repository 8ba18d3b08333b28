import { z } from 'zod';
import { currentVersion, type HostedMachine } from '../engine/hosted-machine.ts';
import { pathsSchema } from '../model/paths-schema.ts';
import { notificationKinds } from '../notifications/notification-kinds.ts';
import { deliveryOperations } from './delivery-openapi.ts';
import { dryRunSchema, eventQuerySchema } from './dry-run-schema.ts';
import { machineGraphSchema } from './machine-graph-schema.ts';
import { machineVersionOperations } from './machine-versions-openapi.ts';
import { pathsQuerySchema } from './machines-routes.ts';
import { eventRequestSchema, historyEntrySchema, listQuerySchema, orderListSchema, orderViewSchema, problemSchema } from './schemas.ts';

type Schema = z.ZodType;
export interface Operation {
  method: 'get' | 'post' | 'delete' | 'put';
  path: string;
  summary: string;
  description?: string;
  query?: z.ZodObject;
  headers?: { name: string; description: string }[];
  body?: Schema;
  responses: Record<number, { description: string; schema?: Schema; problem?: boolean }>;
}

const json = (schema: Schema) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', reused: 'inline' });
const problems = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, { description: problemText[c] ?? 'Problem', problem: true }]));
const problemText: Record<number, string> = {
  400: 'Malformed JSON',
  404: 'No such order',
  409: 'Not accepted in this state (lists the accepted events), or a conflicting request',
  412: 'If-Match does not match the current version',
  413: 'Body too large',
  415: 'Body is not application/json',
  422: 'Invalid input (lists the field errors)',
};

const orderId = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

/** Every operation of the API, with the schemas it validates against: the newest version's, for new orders. */
export function operations(hosted: HostedMachine): Operation[] {
  const version = currentVersion(hosted);
  const orderView = orderViewSchema(version);
  return [
    {
      method: 'post',
      path: '/orders',
      summary: 'Create an order',
      description: 'Creates an order in preShipment. The same id with the same body again answers 200 with the order; with another body, 409.',
      body: version.createSchema,
      responses: { 201: { description: 'Created', schema: orderView }, 200: { description: 'Existed already with this body', schema: orderView }, ...problems(400, 409, 413, 415, 422) },
    },
    {
      method: 'get',
      path: '/orders',
      summary: 'List orders by state or by next deadline (the at-risk list)',
      query: listQuerySchema,
      responses: { 200: { description: 'A page of orders', schema: orderListSchema }, ...problems(422) },
    },
    {
      method: 'get',
      path: '/orders/{id}',
      summary: 'The order view: state, money, deadlines, problem, accepted events',
      headers: [],
      responses: { 200: { description: 'The order; ETag carries its version', schema: orderView }, ...problems(404) },
    },
    {
      method: 'post',
      path: '/orders/{id}/events',
      summary: 'Apply an event, or try it (dryRun=true)',
      description:
        `Applies one client event. Event payloads:\n\n${Object.keys(version.eventSchemas).map((t) => `- ${t}`).join('\n')}\n\nSee the EventPayloads schemas.\n\n` +
        'With `?dryRun=true` nothing is applied or written (no history, timers, outbox, idempotency record or version change): the answer (DryRun) is the order view, the notifications and the deadlines the event would produce, and a refusal is the same problem the event would get.',
      query: eventQuerySchema,
      headers: [
        { name: 'Idempotency-Key', description: 'Retries with the same key answer the first result and apply nothing twice' },
        { name: 'If-Match', description: 'Apply only if the order is at this version (the ETag)' },
      ],
      body: eventRequestSchema,
      responses: { 200: { description: 'Applied: the new order view (Order). With dryRun=true: what it would do (DryRun), nothing changed', schema: z.union([orderView, dryRunSchema(orderView)]) }, ...problems(400, 404, 409, 412, 413, 415, 422) },
    },
    {
      method: 'get',
      path: '/orders/{id}/history',
      summary: 'Every applied event, in order',
      responses: { 200: { description: 'The history', schema: z.object({ orderId: z.string(), history: z.array(historyEntrySchema) }) }, ...problems(404) },
    },
    {
      method: 'get',
      path: '/orders/{id}/stream',
      summary: 'Follow an order live (server-sent events)',
      description:
        'text/event-stream: `ready` first ({ orderId, version, state }), then one `change` per commit ({ orderId, version, type, fromState, toState, source }) from any client or the timer sweeper, and a comment line as keep-alive. Read the order for the rest. Follows the commits of every instance: on PostgreSQL the instances announce theirs to each other (LISTEN/NOTIFY).',
      responses: { 200: { description: 'The event stream' }, ...problems(404) },
    },
    {
      method: 'get',
      path: `/machines/${hosted.id}`,
      summary: 'The order machine as data: nested states, transitions (event, guard, targets), deadlines',
      description: 'Derived from the machine definition the service runs; the inspector at /inspector draws it.',
      responses: { 200: { description: 'The machine graph', schema: machineGraphSchema } },
    },
    {
      method: 'get',
      path: `/machines/${hosted.id}/paths`,
      summary: 'Test paths generated from the order machine\'s graph',
      description:
        'Shortest paths to every state and paths that together take every transition, each a list of events with payloads and the order view expected after each step (deadlines with their due times, relative to the step that armed them). Timer steps name the deadline whose due time the client moves its clock to. Replay them against your integration with `npx aftersales replay` (docs/conformance-kit.md).',
      query: pathsQuerySchema,
      responses: { 200: { description: 'The paths document (the same as `npx aftersales paths`); with format=jsonl, application/jsonl, one step per line', ...(version.model ? { schema: pathsSchema(version) } : {}) }, ...problems(404, 422) },
    },
    ...machineVersionOperations(hosted),
    ...deliveryOperations(notificationKinds(hosted)),
  ];
}

const built = new WeakMap<HostedMachine, ReturnType<typeof buildOpenApiDocument>>();

/** The OpenAPI 3.1 document, generated from the zod schemas the API validates with (once per definition: it takes ~30 ms). */
export function openApiDocument(hosted: HostedMachine) {
  let document = built.get(hosted);
  if (!document) built.set(hosted, (document = buildOpenApiDocument(hosted)));
  return document;
}

function buildOpenApiDocument(hosted: HostedMachine) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations(hosted)) {
    const parameters: unknown[] = [];
    if (op.path.includes('{id}')) parameters.push(orderId);
    if (op.path.includes('{version}')) parameters.push({ name: 'version', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } });
    if (op.query) {
      const shape = json(op.query) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(shape.properties ?? {})) parameters.push({ name, in: 'query', required: shape.required?.includes(name) ?? false, schema });
    }
    for (const h of op.headers ?? []) parameters.push({ name: h.name, in: 'header', required: false, description: h.description, schema: { type: 'string' } });
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: json(op.body) } } } } : {}),
      responses: Object.fromEntries(
        Object.entries(op.responses).map(([code, r]) => [
          code,
          {
            description: r.description,
            ...(r.problem ? { content: { 'application/problem+json': { schema: json(problemSchema) } } } : r.schema ? { content: { 'application/json': { schema: json(r.schema) } } } : {}),
          },
        ]),
      ),
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'aftersales', version: '0.1.0', description: "Each order's after-sales lifecycle as a state machine: create orders, send events, read where they stand." },
    paths,
    components: {
      schemas: {
        EventPayloads: { type: 'object', properties: Object.fromEntries(Object.entries(currentVersion(hosted).eventSchemas).map(([t, s]) => [t, json(s)])) },
      },
      securitySchemes: {
        apiToken: { type: 'http', scheme: 'bearer', description: 'Required on /orders, /webhooks and /deliveries when the deployment sets API_TOKENS; 401 otherwise.' },
      },
    },
  };
}
