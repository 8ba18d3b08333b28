import Database from 'better-sqlite3';
import { createApp, type AppOptions } from '../../src/app.ts';
import { createManualClock, type ManualClock } from '../../src/clock.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { sampleOrder } from '../../machines/order/index.ts';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

/** An order body as a store back-end would send it; override what a test needs. */
export function orderBody(overrides: Record<string, unknown> = {}) {
  return { ...sampleOrder({ id: `ord-${Math.random().toString(36).slice(2, 10)}`, shipBy: '2026-03-04T00:00:00Z' }), ...overrides };
}

/**
 * The service in-process: a fresh in-memory SQLite store, a manual clock (default
 * 2026-03-02T01:00Z, a Monday) and a logger that keeps its lines. Nothing listens on a socket.
 */
export async function testApp(options: Partial<AppOptions> & { store?: Store; clock?: ManualClock } = {}) {
  const clock = options.clock ?? createManualClock();
  const store = options.store ?? createSqliteStore(new Database(':memory:'));
  await store.migrate();
  const logger = createMemoryLogger();
  const app = createApp({ logger, ...options, store, clock });

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await app.request(path, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    let json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test helper: assertions narrow it
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, body: json, text };
  };

  return {
    app,
    store,
    clock,
    logger,
    call,
    create: (overrides: Record<string, unknown> = {}) => call('POST', '/orders', orderBody(overrides)),
    send: (id: string, type: string, payload?: unknown, headers: Record<string, string> = {}) =>
      call('POST', `/orders/${encodeURIComponent(id)}/events`, payload === undefined ? { type } : { type, payload }, headers),
    get: (id: string) => call('GET', `/orders/${encodeURIComponent(id)}`),
    history: (id: string) => call('GET', `/orders/${encodeURIComponent(id)}/history`),
    /** Moves the clock and fires whatever fell due, as the background sweeper would. */
    advance: async (ms: number) => {
      clock.advance(ms);
      return app.sweeper.sweep();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof testApp>>;
