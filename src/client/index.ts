import type { z } from 'zod';
import type { ClientEventPayloads, ClientEventType, CreateOrderInput, OrderViewShape } from '../../machines/order/index.ts';
import type { DryRun as EngineDryRun } from '../engine/dry-run.ts';
import type { Problem } from '../errors.ts';
import type { historyEntrySchema, orderListSchema, orderViewSchema } from '../http/schemas.ts';

/** The order view, typed from the same zod schemas the OpenAPI document is generated from (the newest version's). */
export type Order = z.infer<ReturnType<typeof orderViewSchema<OrderViewShape>>>;
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type OrderList = z.infer<typeof orderListSchema>;
/** The answer of a dry run (`trySend`), with the order view it would produce. */
export type DryRun<View = Order> = Omit<EngineDryRun, 'order'> & { order: View };

/** A refusal from the service: the `application/problem+json` body, with its status. */
export class AftersalesProblem extends Error {
  override name = 'AftersalesProblem';
  constructor(readonly problem: Problem) {
    super(`${problem.status} ${problem.title}: ${problem.detail}`);
  }
}

export interface ClientOptions {
  /** Where the service listens, e.g. `http://127.0.0.1:3000`; a path is kept (a gateway's prefix, a sandbox run's `/runs/{id}`). */
  baseUrl: string;
  /** A `fetch` of your own (tests, proxies); default: the platform's. */
  fetch?: typeof fetch;
  /** Sent as `Authorization: Bearer …` when the deployment puts the API behind a token. */
  token?: string;
}

export interface SendOptions {
  /** Makes a retry safe: the same key answers the first result and applies nothing twice. */
  idempotencyKey?: string;
  /** Apply only if the order is still at this version. */
  ifMatch?: number;
}

/**
 * A typed client of the HTTP API: event payloads are checked at compile time against the
 * machine's own schemas, and every refusal is thrown as an `AftersalesProblem`.
 */
export function createClient({ baseUrl, fetch: doFetch = fetch, token }: ClientOptions) {
  const root = baseUrl.replace(/\/+$/, '');
  async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const res = await doFetch(new URL(`${root}${path}`), {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const data = (await res.json()) as unknown;
    if (!res.ok) throw new AftersalesProblem(data as Problem);
    return data as T;
  }
  const orderPath = (id: string) => `/orders/${encodeURIComponent(id)}`;
  const sendHeaders = (options: SendOptions): Record<string, string> => ({
    ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
    ...(options.ifMatch !== undefined ? { 'if-match': `"${options.ifMatch}"` } : {}),
  });

  return {
    createOrder: (order: CreateOrderInput) => call<Order>('POST', '/orders', order),
    getOrder: (id: string) => call<Order>('GET', orderPath(id)),
    send: <T extends ClientEventType>(id: string, type: T, payload: ClientEventPayloads[T], options: SendOptions = {}) =>
      call<Order>('POST', `${orderPath(id)}/events`, { type, payload }, sendHeaders(options)),
    /** What `send` would do (`?dryRun=true`): the order view, notifications and deadlines it would produce; changes nothing. Refusals throw as `send`'s do. */
    trySend: <T extends ClientEventType>(id: string, type: T, payload: ClientEventPayloads[T], options: SendOptions = {}) =>
      call<DryRun<Order>>('POST', `${orderPath(id)}/events?dryRun=true`, { type, payload }, sendHeaders(options)),
    history: async (id: string) => (await call<{ history: HistoryEntry[] }>('GET', `${orderPath(id)}/history`)).history,
    listOrders: (query: { state?: string; deadlineBefore?: string; cursor?: string; limit?: number } = {}) => {
      const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]): [string, string] => [k, String(v)]));
      return call<OrderList>('GET', `/orders${params.size ? `?${params}` : ''}`);
    },
  };
}

export type AftersalesClient = ReturnType<typeof createClient>;
