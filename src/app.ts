import type { Tracer } from '@opentelemetry/api';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { orderMachine, type DeadlinePolicy } from '../machines/order/index.ts';
import { loadCalendar } from './calendar/load-calendar.ts';
import { workingDaysCounter, type WorkingCalendar } from './calendar/working-days.ts';
import type { Clock } from './clock.ts';
import { createEngine, DEFAULT_IDEMPOTENCY_RETENTION_MS, type CommittedChange, type EngineOptions } from './engine/engine.ts';
import type { HostedMachine } from './engine/hosted-machine.ts';
import { cachedCensus, unrestorableCount } from './engine/version-census.ts';
import { methodNotAllowed, notFound, payloadTooLarge } from './errors.ts';
import { accessLog } from './http/access-log.ts';
import { allowedMethods } from './http/allowed-methods.ts';
import { adminKeysRoutes } from './http/api-keys/admin-keys-routes.ts';
import { authenticate } from './http/api-keys/authenticate.ts';
import { requireOperator, requireScope } from './http/api-keys/require-scope.ts';
import { routeScopes } from './http/api-keys/route-scopes.ts';
import { corsFor } from './http/cors.ts';
import { deliveryRoutes, notificationSummary } from './http/delivery-routes.ts';
import { docsRoutes, docsScriptHash } from './http/docs-page.ts';
import { hostCheck } from './http/limits/host-check.ts';
import { pageHeaders } from './http/limits/page-headers.ts';
import { rateLimit, type RateLimitOptions } from './http/limits/rate-limit.ts';
import { streamCap } from './http/limits/stream-cap.ts';
import { machineVersionsRoutes } from './http/machine-versions-routes.ts';
import { machinesRoutes } from './http/machines-routes.ts';
import { noQuery } from './http/no-query.ts';
import { openApiDocument } from './http/openapi.ts';
import { ordersRoutes } from './http/orders-routes.ts';
import { viewListsRoutes } from './http/view-lists-routes.ts';
import { metricsRoutes } from './http/metrics-routes.ts';
import { problemHandler } from './http/problem-handler.ts';
import { problemPages } from './http/problem-pages.ts';
import { readinessRoutes, type ReadinessCheck } from './http/readiness.ts';
import { requestSpan } from './http/request-span.ts';
import { storableUrl } from './http/storable-text.ts';
import { streamRoutes } from './http/stream-routes.ts';
import { inspectorRoutes } from './inspector/inspector-routes.ts';
import type { CommitFeed } from './store/commit-feed.ts';
import { changeMessage, createOrderEvents } from './inspector/order-events.ts';
import { createLogger, type Logger } from './logger.ts';
import type { Store } from './store/store.ts';
import type { Metrics } from './telemetry/metrics.ts';
import { deliveryObserver, engineObserver, observeBacklog, timerObserver } from './telemetry/observers.ts';
import { tracedFetch, tracedMailer } from './telemetry/traced-delivery.ts';
import { createDeliveryWorker, type DeliveryWorker, type DeliveryWorkerOptions, type MailTransport } from './workers/delivery-worker.ts';
import { createIdempotencyPurge } from './workers/idempotency-purge.ts';
import { createTimerSweeper, type TimerSweeper } from './workers/timer-sweeper.ts';
import { workersRunning } from './workers/workers-running.ts';
import { pinnedFetch } from './webhooks/pinned-fetch.ts';
import { webhookTargets, type WebhookTargetPolicy } from './webhooks/webhook-targets.ts';

export interface AppOptions {
  store: Store;
  clock: Clock;
  logger?: Logger;
  /**
   * The hosted machine. Default: the order machine (`orderMachine` of machines/order) counting the
   * R7 working days on `calendar`, under the deadline `policy`.
   */
  machine?: HostedMachine;
  /** Deadline defaults of the default order machine (EXPEDITE_AFTER_DAYS and the like). */
  policy?: Partial<DeadlinePolicy>;
  /** Options for the engine (retries, a commit listener). */
  engineOptions?: Pick<EngineOptions, 'maxRetries' | 'onCommit'>;
  /** Holiday calendar of the default order machine; default: the bundled mainland China calendar (Asia/Shanghai). */
  calendar?: WorkingCalendar;
  /** Largest accepted request body, in bytes. */
  maxBodyBytes?: number;
  /** Interval of the background timer sweep (started by `start()`, never by tests that move the clock). */
  sweepIntervalMs?: number;
  /**
   * How long an Idempotency-Key is honoured after its first use (default 24 hours); then a request
   * with it is new, and the sweeper purges its record.
   */
  idempotencyRetentionMs?: number;
  /**
   * API tokens (`API_TOKENS`): admin keys of the default tenant, besides the API keys in the store.
   * The order, webhook, delivery, key and metrics routes require `Authorization: Bearer <key>` (401
   * otherwise) once there is any key; each key acts for its tenant within its scopes (403 otherwise).
   * The health check, docs, machine definition and inspector page stay open; the inspector calls the
   * API with the key its user enters.
   */
  apiTokens?: readonly string[];
  /**
   * Open mode: while there is no key at all (no `apiTokens`, none in the store), requests without one
   * act as an admin of the default tenant. Default true (tests, embedded use); the entry point allows
   * it only when listening on loopback, unless `ALLOW_OPEN_ACCESS=1`.
   */
  openAccess?: boolean;
  /** How long an API key's lookup is reused, so a revoked key stops working within this long on every instance. */
  keyCacheMs?: number;
  /**
   * Origins whose pages may call the API from a browser (CORS), e.g. `https://desk.shop.example`;
   * `*` allows any. Default: none (browsers block cross-origin calls; servers are unaffected).
   */
  corsOrigins?: readonly string[];
  /** The outbox delivery worker's transports (SMTP `mailer`, `fetch`) and retry policy; started by `start()`. */
  delivery?: Omit<DeliveryWorkerOptions, 'store' | 'clock' | 'logger' | 'machine'>;
  /**
   * Where webhooks may go: `https` only and public addresses only, by default. Tests and operators
   * relax it explicitly (`allowHttp`, `allowedHosts`); `resolve` is injectable.
   */
  webhookTargets?: WebhookTargetPolicy;
  /**
   * A request rate per client key (the credentials sent, or the address without any), over the API's
   * routes: 429 with `Retry-After` beyond it. Off when absent (tests, the bench); the entry point turns
   * it on (RATE_LIMIT_PER_SECOND).
   */
  rateLimit?: RateLimitOptions;
  /** Live streams (`/orders/{id}/stream`) one client key may hold open at once; the next is 429. Default 20. */
  streamsPerKey?: number;
  /**
   * The names this service answers to (`Host` header, port ignored; `*.name` for subdomains); another
   * is 421 (DNS rebinding). Absent: any name (the entry point sets loopback names when bound to loopback).
   */
  allowedHostNames?: readonly string[];
  /** One access line per request (at info; probes at debug); default on. */
  accessLog?: boolean;
  /** Prometheus metrics: observed when given, and served at `/metrics` (behind the API tokens). */
  metrics?: Metrics;
  /** OpenTelemetry tracer (from `startTracing`): a span per request when given. */
  tracer?: Tracer;
  /** Checks `/readyz` runs besides the database and the workers (e.g. a dependency of your own). */
  readinessChecks?: readonly ReadinessCheck[];
  /**
   * How instances on one database hear each other's commits (PostgreSQL: `openPostgresCommitFeed`),
   * so that live views follow changes made through any instance. The caller opens and closes it.
   */
  commitFeed?: CommitFeed;
}

/** The delivery worker's transports, each attempt a span. */
const tracedTransports = (tracer: Tracer, { fetch, mailer }: { fetch: typeof globalThis.fetch; mailer?: MailTransport | undefined }) => ({
  fetch: tracedFetch(tracer, fetch),
  ...(mailer ? { mailer: tracedMailer(tracer, mailer) } : {}),
});

/** `promise`, or a rejection once `ms` passed. */
const withinMs = <T>(ms: number, promise: Promise<T>) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** Builds the service from its parts. Reads no environment and opens no connection. */
export function createApp({ store, clock, logger = createLogger(), machine, policy = {}, engineOptions = {}, calendar, maxBodyBytes = 64 * 1024, sweepIntervalMs = 1000, idempotencyRetentionMs = DEFAULT_IDEMPOTENCY_RETENTION_MS, delivery = {}, webhookTargets: targetPolicy = {}, rateLimit: rateLimitOptions, streamsPerKey = 20, allowedHostNames, apiTokens = [], openAccess = true, keyCacheMs = 500, corsOrigins = [], accessLog: logRequests = true, metrics, tracer, readinessChecks = [], commitFeed }: AppOptions) {
  const hosted = machine ?? orderMachine({ addWorkingDays: workingDaysCounter(calendar ?? loadCalendar()), policy });
  // Live views hear every commit of this process, and through the feed those of the other
  // instances; the caller's onCommit (e.g. XState inspection) still runs.
  const events = createOrderEvents();
  commitFeed?.onRemote((change) => events.publish(change));
  const { onCommit } = engineOptions;
  const committed = (change: CommittedChange) => {
    const message = changeMessage(change);
    events.publish(message);
    commitFeed?.publish(message);
    onCommit?.(change);
  };
  // Logs (debug), metrics and spans of what the engine and the workers do.
  const observer = engineObserver({ logger, metrics, tracer, machine: hosted.id });
  const engine = createEngine({ store, clock, ...engineOptions, machine: hosted, observer, onCommit: committed, idempotencyRetentionMs });
  const idempotencyPurge = createIdempotencyPurge({ store, clock, logger, retentionMs: idempotencyRetentionMs });
  const sweeper: TimerSweeper = createTimerSweeper({
    store, engine, clock, logger, intervalMs: sweepIntervalMs, housekeeping: idempotencyPurge.purgeIfDue, ...(metrics ? { observer: timerObserver(metrics) } : {}),
  });
  // Webhook targets are checked at registration and before every attempt, on the addresses connected to.
  const targets = webhookTargets(targetPolicy);
  const transports = { fetch: delivery.fetch ?? pinnedFetch(targets), mailer: delivery.mailer };
  const deliveryWorker: DeliveryWorker = createDeliveryWorker({
    store,
    clock,
    logger,
    machine: hosted,
    ...delivery,
    fetch: transports.fetch,
    ...(tracer ? tracedTransports(tracer, transports) : {}),
    ...(metrics ? { observer: deliveryObserver(metrics) } : {}),
  });
  if (metrics) observeBacklog({ metrics, store, clock, logger });
  const workers = workersRunning({
    workers: {
      'timer sweeper': { start: sweeper.start, stop: sweeper.stop, lastRunAt: () => sweeper.stats.lastSweepAt },
      'delivery worker': { start: deliveryWorker.start, stop: deliveryWorker.stop, lastRunAt: () => deliveryWorker.stats.lastRunAt },
    },
    clock,
    staleAfterMs: Math.max(60_000, 10 * Math.max(sweepIntervalMs, delivery.intervalMs ?? 1000)),
  });
  const readiness: ReadinessCheck[] = [{ name: 'database', check: () => store.getOrder('readyz-probe') }, { name: 'workers', check: () => workers.assertRunning() }, ...readinessChecks];
  const startedAt = clock.now();
  const app = new Hono();

  if (tracer) app.use(requestSpan({ tracer }));
  app.use(requestId());
  if (allowedHostNames) app.use(hostCheck(allowedHostNames));
  // Before the API tokens: a preflight carries no credentials.
  if (corsOrigins.length > 0) app.use(corsFor(corsOrigins));
  if (logRequests || metrics) app.use(accessLog({ logger: logRequests ? logger : silent, metrics }));
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
  // The pages a browser renders: scripts only from here, never in a frame, no sniffing.
  const pages = pageHeaders({ scriptHashes: [docsScriptHash] });
  for (const path of ['/docs', '/docs/*', '/inspector', '/inspector/*', '/problems', '/problems/*']) app.use(path, pages);
  // Read when the first request misses: every route is registered by then.
  let methodsAt: ((path: string) => string[]) | undefined;
  app.notFound((c) => {
    const allow = (methodsAt ??= allowedMethods(app.routes))(c.req.path);
    if (allow.length === 0) throw notFound(`no route ${c.req.method} ${c.req.path}; see /docs`);
    c.header('Allow', allow.join(', '));
    throw methodNotAllowed(`${c.req.path} does not take ${c.req.method}; it takes ${allow.join(', ')}`, { allow });
  });

  // Before the credentials are checked, so a flood of them costs a map lookup each.
  if (rateLimitOptions) {
    const limit = rateLimit({ ...rateLimitOptions, clock });
    const apiPaths = routeScopes(hosted.id).flatMap(({ paths }) => paths);
    // `/orders/*` matches `/orders` too: one pattern per prefix, so a request is counted once.
    for (const path of apiPaths.filter((p) => !apiPaths.includes(`${p}/*`))) app.use(path, limit);
  }

  // Every route of a tenant's data acts for the tenant of the request's key, within its scopes.
  // As the rate limit: `/orders/*` matches `/orders` too, so a prefix's key is checked once per request.
  const auth = authenticate({ keys: store, apiTokens, openAccess, cacheMs: keyCacheMs });
  for (const { paths, need } of routeScopes(hosted.id)) {
    const check = need === 'operator' ? requireOperator : requireScope(need);
    for (const path of paths.filter((p) => !paths.includes(`${p}/*`))) app.use(path, auth, check);
  }

  // Degraded while stored orders name a version or a state this release cannot restore.
  const census = cachedCensus({ store, machine: hosted, clock });
  // Liveness: answers within a second even when the database does not (`/readyz` says that); the census is then left out.
  app.get('/healthz', noQuery, async (c) => {
    const report = await withinMs(1000, census()).catch(() => undefined);
    const unrestorable = report ? unrestorableCount(report) : 0;
    return c.json({
      status: unrestorable > 0 ? 'degraded' : 'ok',
      uptimeMs: clock.now() - startedAt,
      orders: report
        ? { machine: hosted.id, newestVersion: report.newest, byVersion: report.byVersion, onOlderVersions: report.older, unrestorable }
        : { machine: hosted.id, census: 'unavailable: the database did not answer (see /readyz)' },
      timers: { ...sweeper.stats, lastSweepAt: sweeper.stats.lastSweepAt === null ? null : new Date(sweeper.stats.lastSweepAt).toISOString() },
      deliveries: { ...deliveryWorker.stats, email: deliveryWorker.emailEnabled ? 'enabled' : 'disabled', lastRunAt: deliveryWorker.stats.lastRunAt === null ? null : new Date(deliveryWorker.stats.lastRunAt).toISOString() },
    });
  });
  app.route('/readyz', readinessRoutes({ checks: () => readiness }));
  if (metrics) app.route('/metrics', metricsRoutes({ metrics }));
  // Built on first request: most apps (tests, CLI) never serve it.
  app.get('/openapi.json', (c) => c.json(openApiDocument(hosted)));
  app.route('/docs', docsRoutes());
  app.route('/problems', problemPages());
  const emailEnabled = deliveryWorker.emailEnabled;
  app.route('/orders', ordersRoutes({ engine, store, notifications: notificationSummary({ store, machine: hosted, emailEnabled }) }));
  app.route('/orders', viewListsRoutes({ engine }));
  app.route('/orders', streamRoutes({ engine, events, streams: streamCap(streamsPerKey) }));
  app.route('/machines', machinesRoutes({ machine: hosted }));
  app.route('/machines', machineVersionsRoutes({ machine: hosted, store }));
  app.route('/inspector', inspectorRoutes());
  app.route('/admin/keys', adminKeysRoutes({ keys: store, clock }));
  app.route('/', deliveryRoutes({ store, clock, machine: hosted, emailEnabled, targets }));

  return Object.assign(app, {
    engine,
    sweeper,
    /** The purge of expired Idempotency-Keys, run after each sweep. */
    idempotencyPurge,
    events,
    deliveryWorker,
    /** Starts and stops the timer sweeper and the delivery worker together; `/readyz` watches them. */
    workers,
    /** Adds a check to `/readyz`. */
    addReadinessCheck: (check: ReadinessCheck) => void readiness.push(check),
  });
}

export type App = ReturnType<typeof createApp>;
