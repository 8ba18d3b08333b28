import { createWebSocketInspector } from '@statelyai/inspect';
import nodemailer from 'nodemailer';
import { createApp } from './app.ts';
import { systemClock } from './clock.ts';
import type { CommittedChange } from './engine/engine.ts';
import { prepareOrders } from './engine/prepare-orders.ts';
import { readConfig } from './config.ts';
import { xstateInspection } from './inspector/xstate-inspection.ts';
import { createLogger, redactUrlPasswords } from './logger.ts';
import { orderMachineFrom } from './order-wiring.ts';
import { isLoopbackHost, loopbackHostNames } from './http/limits/host-check.ts';
import { listen } from './server/listen.ts';
import { hostCheckOffWarning, openAccessFor } from './server/open-access.ts';
import { openStore } from './store/open-store.ts';
import { openPostgresCommitFeed } from './store/postgres/postgres-commit-feed.ts';
import { createMetrics } from './telemetry/metrics.ts';
import { startTracing } from './telemetry/tracing.ts';

/**
 * The entry point: reads the environment, opens the store, prepares the stored orders (the version
 * check and the migration at start), listens, then starts the workers; stops cleanly on SIGTERM or
 * SIGINT. `npm start` runs it with `exec`, so those signals reach this process.
 */
async function main() {
  const config = readConfig();
  const level = config.LOG_LEVEL ?? (config.LOG_QUIET === '1' ? 'warn' : 'info');
  const logger = createLogger({ level, ...(config.LOG_FORMAT === 'auto' ? {} : { pretty: config.LOG_FORMAT === 'pretty' }) });
  const tracing = config.OTEL_EXPORTER_OTLP_ENDPOINT ? startTracing() : undefined;
  const metrics = config.METRICS === 'on' ? createMetrics() : undefined;
  const { calendar, machine } = orderMachineFrom(config);
  const { store, database } = await openStore(config, {
    onIdleError: (error) => logger.warn('database connection lost', { error: error.message }),
    serviceStart: true,
  });
  try {
    await prepareOrders({ store, machine, clock: systemClock, logger, migration: config.MACHINE_MIGRATION, allowNewer: config.ALLOW_NEWER_MACHINE_VERSIONS === '1' });
  } catch (error) {
    await store.close();
    throw error;
  }
  let openAccess: boolean;
  try {
    const hasKeys = (config.API_TOKENS ?? []).length > 0 || (await store.hasActiveKeys());
    openAccess = openAccessFor({ host: config.HOST, allowed: config.ALLOW_OPEN_ACCESS === '1', hasKeys });
  } catch (error) {
    await store.close();
    throw error;
  }
  const mailer = config.SMTP_URL ? nodemailer.createTransport(config.SMTP_URL) : undefined;
  const delivery = {
    ...(mailer ? { mailer } : {}),
    from: config.SMTP_FROM,
    maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
    backoffBaseMs: config.DELIVERY_BACKOFF_MS,
    intervalMs: config.DELIVERY_INTERVAL_MS,
    webhookTimeoutMs: config.WEBHOOK_TIMEOUT_MS,
  };
  // On PostgreSQL the instances tell each other about their commits, so live views follow them all.
  const commitFeed = config.DATABASE_URL ? await openPostgresCommitFeed(config.DATABASE_URL, { logger }) : undefined;
  const inspector = config.INSPECT_WS_URL ? createWebSocketInspector({ url: config.INSPECT_WS_URL }) : undefined;
  let inspect: ((change: CommittedChange) => void) | undefined;
  // DNS rebinding: on loopback, only loopback names by default; elsewhere the operator names the service.
  const hostNames = config.ALLOWED_HOST_NAMES ?? (isLoopbackHost(config.HOST) ? loopbackHostNames : undefined);
  const app = createApp({
    store,
    clock: systemClock,
    logger,
    machine,
    engineOptions: inspector ? { onCommit: (change) => inspect?.(change) } : {},
    sweepIntervalMs: config.SWEEP_INTERVAL_MS,
    idempotencyRetentionMs: config.IDEMPOTENCY_RETENTION_HOURS * 3_600_000,
    delivery,
    ...(config.RATE_LIMIT_PER_SECOND > 0 ? { rateLimit: { perSecond: config.RATE_LIMIT_PER_SECOND, ...(config.RATE_LIMIT_BURST ? { burst: config.RATE_LIMIT_BURST } : {}) } } : {}),
    streamsPerKey: config.STREAMS_PER_KEY,
    ...(hostNames ? { allowedHostNames: hostNames } : {}),
    webhookTargets: { allowHttp: config.WEBHOOK_ALLOW_HTTP === '1', allowedHosts: config.WEBHOOK_ALLOWED_HOSTS ?? [] },
    apiTokens: config.API_TOKENS ?? [],
    openAccess,
    corsOrigins: config.CORS_ORIGINS ?? [],
    ...(commitFeed ? { commitFeed } : {}),
    ...(metrics ? { metrics } : {}),
    ...(tracing ? { tracer: tracing.tracer } : {}),
  });
  if (inspector) inspect = xstateInspection({ inspector, machine });
  if (!hostNames) logger.warn(hostCheckOffWarning(config.HOST), { host: config.HOST });
  if (mailer) logger.info('e-mail delivery on', { smtp: new URL(config.SMTP_URL!).host, from: config.SMTP_FROM });
  else logger.warn('e-mail delivery off: SMTP_URL is not set; e-mails stay in the outbox undelivered (the order view counts them)');

  const timeouts = { headersTimeoutMs: config.HTTP_HEADERS_TIMEOUT_MS, requestTimeoutMs: config.HTTP_REQUEST_TIMEOUT_MS, keepAliveTimeoutMs: config.HTTP_KEEP_ALIVE_TIMEOUT_MS };
  const { server, port } = await listen(app.fetch, { host: config.HOST, port: config.PORT, ...timeouts }).catch(async (error) => {
    await commitFeed?.close();
    await store.close();
    throw error;
  });
  app.workers.start();
  const url = `http://${config.HOST}:${port}`;
  logger.info('aftersales listening', {
    url,
    database,
    calendar: calendar.name,
    zone: calendar.zone,
    years: calendar.years,
    inspector: `${url}/inspector`,
    logLevel: level,
    metrics: metrics ? `${url}/metrics` : 'off',
    tracing: config.OTEL_EXPORTER_OTLP_ENDPOINT ? redactUrlPasswords(config.OTEL_EXPORTER_OTLP_ENDPOINT) : 'off',
    ...(config.INSPECT_WS_URL ? { inspection: config.INSPECT_WS_URL } : {}),
  });

  let stopping = false;
  const stop = async (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { reason });
    // Whatever hangs (a silent database, a slow webhook receiver), the process ends in bounded time.
    setTimeout(() => {
      logger.error('stop timed out; exiting without a clean close', { reason, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
      void logger.flush().finally(() => process.exit(1));
    }, config.SHUTDOWN_TIMEOUT_MS).unref();
    await app.workers.stop();
    mailer?.close();
    inspector?.stop();
    app.events.close();
    await commitFeed?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
    await tracing?.shutdown().catch((error: Error) => logger.warn('traces not exported at stop', { error: error.message }));
    logger.info('stopped', { reason });
    await logger.flush();
    process.exit(code);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  process.stderr.write(`aftersales failed to start: ${redactUrlPasswords(error instanceof Error ? error.message : String(error))}\n`);
  process.exit(1);
});
