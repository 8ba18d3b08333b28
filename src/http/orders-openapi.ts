import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { VIEW_LIST_LIMIT } from '../engine/bounded-view.ts';
import type { ListFlag, MachineVersion, ViewList } from '../engine/hosted-machine.ts';
import { dryRunSchema, eventQuerySchema } from './dry-run-schema.ts';
import { eventUnionSchema } from './event-union-schema.ts';
import type { OrderExamples } from './openapi-examples.ts';
import { etagHeader, guarded, jsonResponse, linkHeader, problems, replayedHeader } from './openapi-responses.ts';
import { historyEntrySchema, historyQuerySchema, listQuerySchema, orderListSchema, orderViewSchema } from './schemas.ts';

const orderId = z.object({ id: z.string().meta({ description: 'The order id given at creation', example: 'model-domestic' }) });

const eventHeaders = z.object({
  'Idempotency-Key': z.string().optional().meta({
    description: 'Retries with the same key answer the first result (marked Idempotent-Replayed: true) and apply nothing twice. Scope: this order. Honoured for 24 hours after its first use (IDEMPOTENCY_RETENTION_HOURS); after that a request with it is a new request.',
    example: '5b7e0c8a-retry-1',
  }),
  'If-Match': z.string().optional().meta({
    description: 'Apply only if the order is still at the version an entity tag names (an ETag of the order, "<version>-…", or "<version>"); a list or * too. Strong comparison: a W/ tag never matches',
    example: '"1-mH7sQ2pL0xYb9cVe"',
  }),
});
const readHeaders = z.object({
  'If-None-Match': z.string().optional().meta({ description: 'The ETag you hold (or a list, or *): 304 Not Modified while the order reads the same', example: '"1-mH7sQ2pL0xYb9cVe"' }),
});

/** The order operations: create, read, list, send events, history, stream. */
export function ordersOperations(
  version: MachineVersion,
  examples: OrderExamples | undefined,
  listFlags: Readonly<Record<string, ListFlag>> = {},
  viewLists: Readonly<Record<string, ViewList>> = {},
): ZodOpenApiPathsObject {
  const order = orderViewSchema(version, viewLists);
  const eventRequest = eventUnionSchema(version);
  const eventExamples = Object.fromEntries((examples?.events ?? []).slice(0, 4).map((e) => [e.type, { summary: e.type, value: e }]));
  const summaryOf = (o: OrderExamples['created']) => ({ id: o.id, state: o.state, version: o.version, nextDeadlineAt: (o as { deadlines?: { dueAt: string }[] }).deadlines?.[0]?.dueAt ?? null, updatedAt: o.updatedAt, flags: Object.fromEntries(Object.keys(listFlags).map((f) => [f, false])) });
  return {
    '/orders': {
      post: {
        operationId: 'createOrder',
        tags: ['Orders'],
        summary: 'Create an order',
        description: 'Creates an order on the newest machine version. The same id with the same body again answers 200 with the order; with another body, 409.',
        requestBody: { required: true, content: { 'application/json': { schema: version.createSchema, ...(examples ? { example: examples.createBody } : {}) } } },
        responses: {
          201: jsonResponse('Created', order, examples?.created, etagHeader),
          200: jsonResponse('Existed already with this body', order, examples?.created, etagHeader),
          ...problems([400, ...guarded, 409, 413, 415, 422]),
        },
      },
      get: {
        operationId: 'listOrders',
        tags: ['Orders'],
        summary: 'List orders by state, by next deadline (the at-risk list), or by list flag',
        description:
          'Ordered by id; with deadlineBefore, by next deadline. The filters combine (all must hold). ' +
          `The list flags (${Object.keys(listFlags).map((f) => `\`${f}\``).join(', ') || 'none'}) take true or false; any other value, or an unknown parameter, is a 422 problem.`,
        requestParams: { query: listQuerySchema(listFlags) },
        responses: {
          200: jsonResponse('A page of orders; nextCursor (and the Link header) fetch the next', orderListSchema(listFlags), examples ? { orders: [summaryOf(examples.created)], nextCursor: null } : undefined, linkHeader),
          ...problems([...guarded, 422]),
        },
      },
    },
    '/orders/{id}': {
      get: {
        operationId: 'getOrder',
        tags: ['Orders'],
        summary: 'The order: state, money, deadlines, problem, accepted events',
        description:
          `Bounded however many events the order has taken: each list that grows with events (${Object.keys(viewLists).map((n) => `\`${n}\``).join(', ') || 'none'}) shows its most recent ${VIEW_LIST_LIMIT} entries ` +
          '(the current supplier and those still owing a refund first) and its total beside it (`suppliersTotal`, …); `GET /orders/{id}/<list>` pages through each. Event answers show the same view.',
        requestParams: { path: orderId, header: readHeaders },
        responses: {
          200: jsonResponse('The order; the ETag carries its version', order, examples?.created, etagHeader),
          304: { description: 'Not modified: If-None-Match holds the current ETag', headers: etagHeader },
          ...problems([400, ...guarded, 404, 422]),
        },
      },
    },
    '/orders/{id}/events': {
      post: {
        operationId: 'sendEvent',
        tags: ['Orders'],
        summary: 'Apply an event, or try it (dryRun=true)',
        description:
          'Applies one client event: `type` names it, `payload` carries its fields (each type has its own schema). An event the order does not take now answers 409 with the events it takes.\n\n' +
          'With `?dryRun=true` nothing is applied or written (no history, timers, outbox, idempotency record or version change): the answer (DryRun) is the order view, the notifications and the deadlines the event would produce, and a refusal is the same problem the event would get.',
        requestParams: { path: orderId, query: eventQuerySchema, header: eventHeaders },
        requestBody: { required: true, content: { 'application/json': { schema: eventRequest, ...(Object.keys(eventExamples).length ? { examples: eventExamples } : {}) } } },
        responses: {
          200: jsonResponse('Applied: the order as it is now (Order). With dryRun=true: what it would do (DryRun), nothing changed', z.union([order, dryRunSchema(order)]), examples?.applied, replayedHeader),
          ...problems([400, ...guarded, 404, 409, 412, 413, 415, 422]),
        },
      },
    },
    '/orders/{id}/history': {
      get: {
        operationId: 'getOrderHistory',
        tags: ['Orders'],
        summary: 'The applied events, in order, a page at a time',
        description: 'Oldest first, up to `limit` entries (default and most 1000); `nextCursor` (and the Link header) fetch the next page, null on the last.',
        requestParams: { path: orderId, query: historyQuerySchema },
        responses: {
          200: jsonResponse(
            'A page of the history',
            z.object({ orderId: z.string(), nextCursor: z.string().nullable().meta({ description: 'Send as cursor for the next page (also in the Link header); null on the last' }), history: z.array(historyEntrySchema) }).meta({ id: 'OrderHistory' }),
            examples ? historyExample(examples) : undefined,
            linkHeader,
          ),
          ...problems([...guarded, 404, 422]),
        },
      },
    },
    '/orders/{id}/stream': {
      get: {
        operationId: 'streamOrder',
        tags: ['Orders'],
        summary: 'Follow an order live (server-sent events)',
        description:
          '`ready` first ({ orderId, version, state }), then one `change` per commit ({ orderId, version, type, fromState, toState, source }) from any client or the timer sweeper, and a comment line as keep-alive. Read the order for the rest. Follows the commits of the instance you are connected to.',
        requestParams: { path: orderId },
        responses: {
          200: {
            description: 'The event stream',
            content: { 'text/event-stream': { schema: z.string(), example: 'event: ready\ndata: {"orderId":"model-domestic","version":1,"state":"preShipment.processing.awaitingShipment"}\n\n' } },
          },
          ...problems([...guarded, 404, 422]),
        },
      },
    },
  };
}

function historyExample(examples: OrderExamples) {
  const { created, applied, events } = examples;
  const first = events[0]!;
  return {
    orderId: created.id,
    nextCursor: null,
    history: [
      { seq: 1, type: 'ORDER_CREATED', payload: examples.createBody, fromState: null, toState: created.state, at: created.createdAt, idempotencyKey: null, source: 'client', dueAt: null, machineVersion: created.machine.version },
      { seq: 2, type: first.type, payload: first.payload, fromState: created.state, toState: applied.state, at: applied.updatedAt, idempotencyKey: null, source: 'client', dueAt: null, machineVersion: applied.machine.version },
    ],
  };
}
