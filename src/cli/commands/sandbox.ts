import { parseArgs } from 'node:util';
import { readConfig } from '../../config.ts';
import { createLogger } from '../../logger.ts';
import { deploymentPolicySchema, orderMachineFactory } from '../../order-wiring.ts';
import { createSandbox } from '../../sandbox/sandbox.ts';
import { listen } from '../../server/listen.ts';
import type { Command } from '../command.ts';

const usage = `usage: aftersales sandbox

Starts the service for tests: every order in memory (nothing to set up, nothing kept), with a clock
that stands still until a test moves it:
  GET  /sandbox/clock                              the sandbox's time
  POST /sandbox/clock {"advanceBy": <ms>}          forward by <ms>, firing every timer due on the way
  POST /sandbox/clock {"advanceTo": "<ISO time>"}  forward to that time (never back)
  POST /sandbox/runs {"policy"?, "startAt"?}       a run of your own: orders, clock and deadline policy,
                                                   served under /runs/{id}/ (DELETE /sandbox/runs/{id} ends it)
PORT, HOST, API_TOKENS, the calendar, the *_DAYS policy and the log settings are read as by npm start.
It refuses to start when DATABASE_URL or DATABASE_FILE is set: it never opens a database of yours.
`;

/** `npx aftersales sandbox`: the service on in-memory SQLite with clocks that tests move. */
export const command: Command = {
  summary: 'start a sandbox for tests: in-memory orders, a clock moved by POST /sandbox/clock',
  async run(args) {
    const { values } = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      process.stdout.write(usage);
      return 0;
    }
    const database = ['DATABASE_URL', 'DATABASE_FILE'].filter((name) => process.env[name]);
    if (database.length > 0) {
      process.stderr.write(`aftersales sandbox: refusing to start with ${database.join(' and ')} set: the sandbox keeps its orders in memory and never opens a database (unset ${database.join(' and ')})\n`);
      return 2;
    }
    const config = readConfig();
    const level = config.LOG_LEVEL ?? (config.LOG_QUIET === '1' ? 'warn' : 'info');
    const logger = createLogger({ level, ...(config.LOG_FORMAT === 'auto' ? {} : { pretty: config.LOG_FORMAT === 'pretty' }) });
    const { calendar, machineFor } = orderMachineFactory(config);
    const sandbox = await createSandbox({
      machineFor,
      policySchema: deploymentPolicySchema,
      logger,
      app: {
        sweepIntervalMs: config.SWEEP_INTERVAL_MS,
        idempotencyRetentionMs: config.IDEMPOTENCY_RETENTION_HOURS * 3_600_000,
        apiTokens: config.API_TOKENS ?? [],
        delivery: { from: config.SMTP_FROM, maxAttempts: config.DELIVERY_MAX_ATTEMPTS, backoffBaseMs: config.DELIVERY_BACKOFF_MS, intervalMs: config.DELIVERY_INTERVAL_MS, webhookTimeoutMs: config.WEBHOOK_TIMEOUT_MS },
      },
    });
    const { server, port } = await listen(sandbox.fetch, { host: config.HOST, port: config.PORT }).catch(async (error: unknown) => {
      await sandbox.close();
      throw error;
    });
    const url = `http://${config.HOST}:${port}`;
    logger.info('aftersales sandbox listening', { url, database: 'in memory', clock: new Date(sandbox.main.clock.now()).toISOString(), calendar: calendar.name, zone: calendar.zone });
    const signal = await new Promise<string>((resolve) => {
      process.once('SIGTERM', () => resolve('SIGTERM'));
      process.once('SIGINT', () => resolve('SIGINT'));
    });
    logger.info('stopping', { reason: signal });
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Live streams (server-sent events) would hold the socket open.
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    });
    await sandbox.close();
    logger.info('stopped', { reason: signal });
    await logger.flush();
    return 0;
  },
};
