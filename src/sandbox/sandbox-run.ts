import Database from 'better-sqlite3';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { createApp, type AppOptions } from '../app.ts';
import { createManualClock } from '../clock.ts';
import type { HostedMachine } from '../engine/hosted-machine.ts';
import { bearerTokens } from '../http/bearer-tokens.ts';
import { problemHandler } from '../http/problem-handler.ts';
import type { Logger } from '../logger.ts';
import { createSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { sandboxClockRoutes, type FiredTimer } from './clock-routes.ts';

export interface SandboxRunOptions {
  id: string;
  /** The machine the run serves (under the run's deadline policy). */
  machine: HostedMachine;
  /** Where the run's clock starts (epoch ms). */
  startAt: number;
  logger: Logger;
  /** The rest of the service as `npm start` would build it: tokens, delivery, metrics, sweep interval. */
  app?: Omit<AppOptions, 'store' | 'clock' | 'logger' | 'machine' | 'engineOptions'>;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * One run of the sandbox: the whole service on its own in-memory SQLite database, with a clock that
 * stands still until a test moves it (`POST /sandbox/clock`), forward only. Moving it fires every
 * timer that falls due on the way, each at its due time and in due order, as a running service
 * would have; runs share nothing, so tests in one sandbox cannot disturb each other.
 */
export async function createSandboxRun({ id, machine, startAt, logger, app: appOptions = {} }: SandboxRunOptions) {
  const clock = createManualClock(startAt);
  const store = createSqliteStore(new Database(':memory:'));
  await store.migrate();
  const deadlineOf = new Map(machine.versions.flatMap((v) => Object.entries(v.deadlines).map(([name, event]) => [event, name] as const)));
  let firing: FiredTimer[] | undefined;
  const app = createApp({
    ...appOptions,
    store,
    clock,
    logger,
    machine,
    engineOptions: {
      onCommit: ({ source, orderId, event }) => {
        if (source !== 'timer' || !firing) return;
        const { dueAt, receivedAt } = event as { dueAt?: number; receivedAt?: number };
        firing.push({ orderId, deadline: deadlineOf.get(event.type) ?? null, event: event.type, dueAt: iso(dueAt ?? clock.now()), firedAt: iso(receivedAt ?? clock.now()) });
      },
    },
  });

  // A background sweep may be under way when the clock moves (it shares its run with `sweep()`,
  // and read the time before): the second sweep starts after the move.
  const sweepNow = async () => {
    await app.sweeper.sweep();
    await app.sweeper.sweep();
  };

  let moving: Promise<unknown> = Promise.resolve();
  /** Moves the clock to `target` (not before now), firing each timer at its due time on the way. */
  function advanceTo(target: number): Promise<{ from: number; fired: FiredTimer[] }> {
    const move = moving.then(async () => {
      const from = clock.now();
      const fired: FiredTimer[] = [];
      firing = fired;
      try {
        for (;;) {
          await sweepNow();
          // Timers left at or before now were not fireable (a lease, an order that moved on); the next one is later.
          const next = (await store.dueTimers(target, 1000)).find((t) => t.dueAt > clock.now());
          if (!next) break;
          clock.set(next.dueAt);
        }
        clock.set(Math.max(target, clock.now()));
        await sweepNow();
      } finally {
        firing = undefined;
      }
      return { from, fired };
    });
    moving = move.catch(() => {});
    return move;
  }

  const routes = new Hono();
  routes.use(requestId());
  routes.onError(problemHandler(logger));
  const tokens = appOptions.apiTokens ?? [];
  if (tokens.length > 0) routes.use('/sandbox/*', bearerTokens(tokens));
  routes.route('/sandbox', sandboxClockRoutes({ now: clock.now, advanceTo }));
  routes.all('*', (c) => app.fetch(c.req.raw, c.env));

  let lastUsedAt = Date.now();
  return {
    id,
    clock,
    store,
    app,
    advanceTo,
    /** Serves a request of this run (paths as in the service, plus `/sandbox/clock`). */
    fetch(request: Request, env?: unknown) {
      lastUsedAt = Date.now();
      return routes.fetch(request, env);
    },
    /** Real time of the last request, for closing runs a test left behind. */
    get lastUsedAt() {
      return lastUsedAt;
    },
    async close() {
      await moving;
      await app.workers.stop();
      app.events.close();
      await store.close();
    },
  };
}

export type SandboxRun = Awaited<ReturnType<typeof createSandboxRun>>;
