import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { createOrderMachine } from '../machines/order/index.ts';
import { loadCalendar } from './calendar/load-calendar.ts';
import { workingDaysCounter, type WorkingCalendar } from './calendar/working-days.ts';
import type { Clock } from './clock.ts';
import { createEngine, type Engine, type EngineOptions } from './engine/engine.ts';
import { notFound, payloadTooLarge } from './errors.ts';
import { bearerTokens } from './http/bearer-tokens.ts';
import { deliveryRoutes, notificationSummary } from './http/delivery-routes.ts';
import { docsPage } from './http/docs-page.ts';
import { machinesRoutes } from './http/machines-routes.ts';
import { openApiDocument } from './http/openapi.ts';
import { ordersRoutes } from './http/orders-routes.ts';
import { problemHandler } from './http/problem-handler.ts';
import { storableUrl } from './http/storable-text.ts';
import { streamRoutes } from './http/stream-routes.ts';
import { inspectorRoutes } from './inspector/inspector-routes.ts';
import { createOrderEvents } from './inspector/order-events.ts';
import { createLogger, type Logger } from './logger.ts';
import type { Store } from './store/store.ts';
import { createDeliveryWorker, type DeliveryWorker, type DeliveryWorkerOptions } from './workers/delivery-worker.ts';
import { createTimerSweeper, type TimerSweeper } from './workers/timer-sweeper.ts';

export interface AppOptions {
  store: Store;
  clock: Clock;
  logger?: Logger;
  /** The engine; built from the store and clock when not given. */
  engine?: Engine;
  /** Options for the engine built here (machine with calendar, deadline policy). */
  engineOptions?: Omit<EngineOptions, 'store' | 'clock'>;
  /** Holiday calendar for the R7 working days; default: the bundled mainland China calendar (Asia/Shanghai). */
  calendar?: WorkingCalendar;
  /** Largest accepted request body, in bytes. */
  maxBodyBytes?: number;
  /** Interval of the background timer sweep (started by `start()`, never by tests that move the clock). */
  sweepIntervalMs?: number;
  /**
   * API tokens: when given, the order, webhook and delivery routes require `Authorization: Bearer
   * <token>` (401 otherwise). The health check, docs, machine definition and inspector page stay open;
   * the inspector calls the API with the token its user enters.
   */
  apiTokens?: readonly string[];
  /** The outbox delivery worker's transports (SMTP `mailer`, `fetch`) and retry policy; started by `start()`. */
  delivery?: Omit<DeliveryWorkerOptions, 'store' | 'clock' | 'logger'>;
}

/** Builds the service from its parts. Reads no environment and opens no connection. */
export function createApp({ store, clock, logger = createLogger(), engine, engineOptions = {}, calendar = loadCalendar(), maxBodyBytes = 64 * 1024, sweepIntervalMs = 1000, delivery = {}, apiTokens = [] }: AppOptions) {
  const machine = engineOptions.machine ?? createOrderMachine({ addWorkingDays: workingDaysCounter(calendar) });
  // Live views hear every commit of this process; the caller's onCommit (e.g. XState inspection) still runs.
  const events = createOrderEvents();
  const { onCommit } = engineOptions;
  const theEngine = engine ?? createEngine({ store, clock, ...engineOptions, machine, onCommit: (change) => { events.publish(change); onCommit?.(change); } });
  const sweeper: TimerSweeper = createTimerSweeper({ store, engine: theEngine, clock, logger, intervalMs: sweepIntervalMs });
  const deliveryWorker: DeliveryWorker = createDeliveryWorker({ store, clock, logger, ...delivery });
  const startedAt = clock.now();
  const app = new Hono();

  app.use(requestId());
  const tooLarge = () => {
    throw payloadTooLarge(`the body exceeds ${maxBodyBytes} bytes`);
  };
  const streamedLimit = bodyLimit({ maxSize: maxBodyBytes, onError: tooLarge });
  // A declared Content-Length is checked from the header alone; only a chunked body is counted
  // while it streams (touching the body stream costs every request, so it is avoided when it can be).
  app.use(async (c, next) => {
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) return Number(length) > maxBodyBytes ? tooLarge() : next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return streamedLimit(c, next);
  });
  // Before any route reads a path id or a query: a NUL would reach the store (PostgreSQL refuses it).
  app.use(storableUrl());
  app.onError(problemHandler(logger));
  app.notFound((c) => {
    throw notFound(`no route ${c.req.method} ${c.req.path}; see /docs`);
  });

  if (apiTokens.length > 0) {
    const auth = bearerTokens(apiTokens);
    for (const path of ['/orders', '/orders/*', '/webhooks', '/webhooks/*', '/deliveries', '/deliveries/*']) app.use(path, auth);
  }

  app.get('/healthz', (c) =>
    c.json({
      status: 'ok',
      uptimeMs: clock.now() - startedAt,
      timers: { ...sweeper.stats, lastSweepAt: sweeper.stats.lastSweepAt === null ? null : new Date(sweeper.stats.lastSweepAt).toISOString() },
      deliveries: { ...deliveryWorker.stats, email: deliveryWorker.emailEnabled ? 'enabled' : 'disabled', lastRunAt: deliveryWorker.stats.lastRunAt === null ? null : new Date(deliveryWorker.stats.lastRunAt).toISOString() },
    }),
  );
  const document = openApiDocument();
  app.get('/openapi.json', (c) => c.json(document));
  app.get('/docs', (c) => c.html(docsPage));
  app.route('/orders', ordersRoutes({ engine: theEngine, store, notifications: notificationSummary(store, deliveryWorker.emailEnabled) }));
  app.route('/orders', streamRoutes({ engine: theEngine, events }));
  app.route('/machines', machinesRoutes({ machine: theEngine.machine }));
  app.route('/inspector', inspectorRoutes());
  app.route('/', deliveryRoutes({ store, clock, emailEnabled: deliveryWorker.emailEnabled }));

  return Object.assign(app, { engine: theEngine, sweeper, events, deliveryWorker });
}

export type App = ReturnType<typeof createApp>;
