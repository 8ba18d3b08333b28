import { serve } from '@hono/node-server';
import { createWebSocketInspector } from '@statelyai/inspect';
import nodemailer from 'nodemailer';
import { createApp } from './app.ts';
import { systemClock } from './clock.ts';
import type { CommittedChange } from './engine/engine.ts';
import { prepareOrders } from './engine/prepare-orders.ts';
import { readConfig } from './config.ts';
import { xstateInspection } from './inspector/xstate-inspection.ts';
import { createLogger } from './logger.ts';
import { orderMachineFrom } from './order-wiring.ts';
import { openStore } from './store/open-store.ts';

/** The entry point: reads the environment, opens the store, serves, and shuts down cleanly. */
async function main() {
  const config = readConfig();
  const logger = createLogger({ quiet: config.LOG_QUIET === '1' });
  const { calendar, machine } = orderMachineFrom(config);
  const { store, database } = await openStore(config, {
    onIdleError: (error) => logger.warn('database connection lost', { error: error.message }),
  });
  try {
    await prepareOrders({ store, machine, clock: systemClock, logger, migration: config.MACHINE_MIGRATION, allowNewer: config.ALLOW_NEWER_MACHINE_VERSIONS === '1' });
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
  const inspector = config.INSPECT_WS_URL ? createWebSocketInspector({ url: config.INSPECT_WS_URL }) : undefined;
  let inspect: ((change: CommittedChange) => void) | undefined;
  const app = createApp({
    store,
    clock: systemClock,
    logger,
    machine,
    engineOptions: inspector ? { onCommit: (change) => inspect?.(change) } : {},
    sweepIntervalMs: config.SWEEP_INTERVAL_MS,
    delivery,
    apiTokens: config.API_TOKENS ?? [],
  });
  if (inspector) inspect = xstateInspection({ inspector, machine });
  if (mailer) logger.info('e-mail delivery on', { smtp: new URL(config.SMTP_URL!).host, from: config.SMTP_FROM });
  else logger.warn('e-mail delivery off: SMTP_URL is not set; e-mails stay in the outbox undelivered (the order view counts them)');
  app.sweeper.start();
  app.deliveryWorker.start();
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    logger.info('aftersales listening', { url: `http://${config.HOST}:${info.port}`, database, calendar: calendar.name, zone: calendar.zone, years: calendar.years, inspector: `http://${config.HOST}:${info.port}/inspector`, ...(config.INSPECT_WS_URL ? { inspection: config.INSPECT_WS_URL } : {}) });
  });
  let stopping = false;
  const stop = async (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { reason });
    await app.sweeper.stop();
    await app.deliveryWorker.stop();
    mailer?.close();
    inspector?.stop();
    app.events.close();
    server.close(() => {
      void store.close().then(() => {
        logger.info('stopped');
        process.exit(code);
      });
    });
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  process.stderr.write(`aftersales failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
