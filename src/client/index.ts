import type { components, operations } from './api-types.js';

/*
 * The typed client of the HTTP API, published as `aftersales/client` (packages/client). Its types are
 * generated from the OpenAPI document (./api-types.ts, `npm run client:types`); it imports nothing
 * else, so it runs on Node 20+ or in a browser with no dependency.
 */

type Schemas = components['schemas'];

/** The order view (of the machine version new orders are created on). */
export type Order = Schemas['Order'];
export type HistoryEntry = Schemas['HistoryEntry'];
export type OrderHistory = Schemas['OrderHistory'];
export type OrderList = Schemas['OrderList'];
export type Problem = Schemas['Problem'];
/** The answer of a dry run (`trySend`): what the event would produce. */
export type DryRun = Schemas['DryRun'];
/** The body of `POST /orders`. */
export type CreateOrderInput = NonNullable<operations['createOrder']['requestBody']>['content']['application/json'];
export type EventRequest = Schemas['EventRequest'];
/** Every event type a client may send. */
export type ClientEventType = EventRequest['type'];
/** The payload of each event type, as the machine's schema wants it. */
export type ClientEventPayloads = { [T in ClientEventType]: NonNullable<Extract<EventRequest, { type: T }>['payload']> };
export type Webhook = Schemas['Webhook'];
export type CreatedWebhook = Schemas['CreatedWebhook'];
export type Delivery = Schemas['Delivery'];
export type DeliveryList = Schemas['DeliveryList'];

/**
 * A refusal from the service: the `application/problem+json` body, with its status. An answer that
 * is not a problem document (a proxy's 502 page, an empty 503) is one too, built from its status.
 */
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
  /** Apply only if the order is still at this version (its `version`). */
  ifMatch?: number;
}

/** The problem an answer carries, or one made from its status when it carries none. */
async function problemOf(res: Response): Promise<Problem> {
  const text = await res.text().catch(() => '');
  if (/json/i.test(res.headers.get('content-type') ?? '')) {
    try {
      const body = JSON.parse(text) as Partial<Problem>;
      if (body && typeof body === 'object' && typeof body.title === 'string') return { ...body, status: res.status } as Problem;
    } catch {
      // not JSON after all: described below
    }
  }
  return {
    type: 'about:blank',
    title: res.statusText || `HTTP ${res.status}`,
    status: res.status,
    detail: text ? `the answer was not a problem document: ${text.slice(0, 200)}` : 'the answer had no body',
  };
}

/**
 * A typed client of the HTTP API: event payloads are checked at compile time against the
 * machine's schemas, and every answer that is not a 2xx is thrown as an `AftersalesProblem`.
 */
export function createClient({ baseUrl, fetch: doFetch = globalThis.fetch, token }: ClientOptions) {
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
    if (!res.ok) throw new AftersalesProblem(await problemOf(res));
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }
  const orderPath = (id: string) => `/orders/${encodeURIComponent(id)}`;
  const sendHeaders = (options: SendOptions): Record<string, string> => ({
    ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
    ...(options.ifMatch !== undefined ? { 'if-match': `"${options.ifMatch}"` } : {}),
  });
  const query = (params: Record<string, string | number | undefined>) => {
    const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]): [string, string] => [k, String(v)]));
    return search.size ? `?${search}` : '';
  };
  const historyPage = (id: string, params: { cursor?: string; limit?: number } = {}) => call<OrderHistory>('GET', `${orderPath(id)}/history${query(params)}`);

  return {
    createOrder: (order: CreateOrderInput) => call<Order>('POST', '/orders', order),
    getOrder: (id: string) => call<Order>('GET', orderPath(id)),
    send: <T extends ClientEventType>(id: string, type: T, payload: ClientEventPayloads[T], options: SendOptions = {}) =>
      call<Order>('POST', `${orderPath(id)}/events`, { type, payload }, sendHeaders(options)),
    /** What `send` would do (`?dryRun=true`): the order view, notifications and deadlines it would produce; changes nothing. Refusals throw as `send`'s do. */
    trySend: <T extends ClientEventType>(id: string, type: T, payload: ClientEventPayloads[T], options: SendOptions = {}) =>
      call<DryRun>('POST', `${orderPath(id)}/events?dryRun=true`, { type, payload }, sendHeaders(options)),
    /** One page of the order's history, oldest first: `limit` entries (1 to 1000, default 1000) after `cursor` (the previous page's `nextCursor`). */
    historyPage,
    /** The order's whole history, oldest first, read a page at a time (`pageSize` entries per request, default 1000). */
    async history(id: string, { pageSize }: { pageSize?: number } = {}): Promise<HistoryEntry[]> {
      const entries: HistoryEntry[] = [];
      for (let cursor: string | undefined; ; ) {
        const page = await historyPage(id, { cursor, limit: pageSize });
        entries.push(...page.history);
        if (page.nextCursor === null) return entries;
        cursor = page.nextCursor;
      }
    },
    /** `supplierRefundOwed`: only orders whose replaced supplier still owes the refund of the original order (true), or only the others (false). */
    listOrders: (params: { state?: string; deadlineBefore?: string; supplierRefundOwed?: boolean; cursor?: string; limit?: number } = {}) =>
      call<OrderList>('GET', `/orders${query({ ...params, supplierRefundOwed: params.supplierRefundOwed === undefined ? undefined : String(params.supplierRefundOwed) })}`),
    subscribe: (webhook: { url: string; events?: string[]; secret?: string; description?: string }) => call<CreatedWebhook>('POST', '/webhooks', webhook),
    unsubscribe: (id: string) => call<void>('DELETE', `/webhooks/${encodeURIComponent(id)}`),
    listDeliveries: (params: { status?: 'pending' | 'delivered' | 'dead'; orderId?: string; cursor?: string; limit?: number } = {}) =>
      call<DeliveryList>('GET', `/deliveries${query(params)}`),
  };
}

export type AftersalesClient = ReturnType<typeof createClient>;
