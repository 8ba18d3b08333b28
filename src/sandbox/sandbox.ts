import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { z } from 'zod';
import { currentVersion, type HostedMachine } from '../engine/hosted-machine.ts';
import { invalidInput, notFound, unavailable } from '../errors.ts';
import { bearerTokens } from '../http/bearer-tokens.ts';
import { readJson } from '../http/json-body.ts';
import { problemHandler } from '../http/problem-handler.ts';
import type { Logger } from '../logger.ts';
import { createSandboxRun, type SandboxRun, type SandboxRunOptions } from './sandbox-run.ts';

export interface SandboxOptions<P extends Record<string, unknown>> {
  /** The hosted machine under a deadline policy; without one, under the deployment's (the default run's). */
  machineFor(policy?: P): HostedMachine;
  /** What `POST /sandbox/runs` accepts as `policy`. */
  policySchema: z.ZodType<P>;
  logger: Logger;
  /** Tokens, delivery, metrics and the sweep interval, as `npm start` builds the service. */
  app?: SandboxRunOptions['app'];
  /** The real time, where new runs start by default. */
  now?: () => number;
  /** Runs kept at once (the default run not counted); runs idle for `idleMs` are closed to make room. */
  maxRuns?: number;
  idleMs?: number;
}

const runPath = (id: string) => `/runs/${id}`;

/** The machine as a release whose newest version is `version`: a run's orders are created on it (older paths replay on their version). */
function pinned(machine: HostedMachine, version?: number): HostedMachine {
  if (version === undefined) return machine;
  const at = machine.versions.findIndex((v) => v.version === version);
  if (at < 0) {
    const versions = machine.versions.map((v) => v.version).join(', ');
    throw invalidInput(`machine ${machine.id} has no version ${version}`, { errors: [{ path: 'version', message: `one of ${versions}` }] });
  }
  return { ...machine, versions: machine.versions.slice(0, at + 1), migrations: machine.migrations.slice(0, at) };
}

/**
 * The sandbox: the service with clocks that tests move. The default run answers at the root, as
 * `npm start` would (`/orders`, …, plus `/sandbox/clock`); `POST /sandbox/runs` starts a run of
 * its own (its own orders, clock and deadline policy) served under `/runs/{id}/…`, so that test
 * runs sharing one sandbox do not see each other's orders or move each other's clock.
 */
export async function createSandbox<P extends Record<string, unknown>>({ machineFor, policySchema, logger, app: appOptions = {}, now = Date.now, maxRuns = 200, idleMs = 15 * 60_000 }: SandboxOptions<P>) {
  // One definition per policy and version: runs of one policy share it (and what is derived from it once, like the OpenAPI document).
  const machines = new Map<string, HostedMachine>();
  const machineOf = (policy?: P, version?: number) => {
    const key = `${version ?? ''}|${policy === undefined ? '' : JSON.stringify(Object.entries(policy).sort(([a], [b]) => a.localeCompare(b)))}`;
    let machine = machines.get(key);
    if (!machine) machines.set(key, (machine = pinned(machineFor(policy), version)));
    return machine;
  };
  const start = async (id: string, machine: HostedMachine, startAt: number) => {
    const run = await createSandboxRun({ id, machine, startAt, logger, app: appOptions });
    run.app.workers.start();
    return run;
  };
  const main = await start('default', machineOf(), now());
  const runs = new Map<string, SandboxRun>();

  const closeIdle = async () => {
    for (const run of [...runs.values()].filter((r) => Date.now() - r.lastUsedAt > idleMs)) {
      runs.delete(run.id);
      await run.close();
    }
  };

  const runSchema = z
    .object({
      policy: policySchema.optional().meta({ description: "The run's deadline policy; default: the sandbox's (from its environment)" }),
      startAt: z.iso.datetime({ offset: true }).optional().meta({ description: "Where the run's clock starts; default: now" }),
      version: z.number().int().min(1).optional().meta({ description: "The machine version the run's orders are created on; default: the newest" }),
    })
    .strict();
  const describe = (run: SandboxRun) => ({ id: run.id, base: runPath(run.id), now: new Date(run.clock.now()).toISOString(), version: currentVersion(run.app.engine.machine).version });

  const app = new Hono();
  app.use(requestId());
  app.onError(problemHandler(logger));
  const tokens = appOptions.apiTokens ?? [];
  if (tokens.length > 0) app.use('/sandbox/runs/*', bearerTokens(tokens)).use('/sandbox/runs', bearerTokens(tokens));

  app.post('/sandbox/runs', async (c) => {
    const body = await readJson(c, runSchema);
    if (runs.size >= maxRuns) await closeIdle();
    if (runs.size >= maxRuns) throw unavailable(`the sandbox holds ${maxRuns} runs: DELETE /sandbox/runs/{id} those that ended`);
    const id = randomUUID();
    const run = await start(id, machineOf(body.policy, body.version), body.startAt === undefined ? now() : Date.parse(body.startAt));
    runs.set(id, run);
    return c.json(describe(run), 201, { Location: runPath(id) });
  });
  app.get('/sandbox/runs', (c) => c.json({ runs: [...runs.values()].map(describe) }));
  app.delete('/sandbox/runs/:id', async (c) => {
    const run = runs.get(c.req.param('id'));
    if (!run) throw notFound(`no sandbox run ${c.req.param('id')}`);
    runs.delete(run.id);
    await run.close();
    return c.body(null, 204);
  });
  // A run's requests, with its prefix taken off: `/runs/{id}/orders` is the run's `/orders`.
  app.all('/runs/:id/*', (c) => {
    const run = runs.get(c.req.param('id'));
    if (!run) throw notFound(`no sandbox run ${c.req.param('id')}: POST /sandbox/runs starts one`);
    const url = new URL(c.req.url);
    url.pathname = url.pathname.slice(runPath(run.id).length) || '/';
    const request = c.req.raw;
    const init: RequestInit & { duplex?: 'half' } = { method: request.method, headers: request.headers, signal: request.signal };
    if (request.body) Object.assign(init, { body: request.body, duplex: 'half' });
    return run.fetch(new Request(url, init), c.env);
  });
  app.all('*', (c) => main.fetch(c.req.raw, c.env));

  return {
    fetch: app.fetch,
    main,
    runs,
    async close() {
      await Promise.all([main, ...runs.values()].map((r) => r.close()));
      runs.clear();
    },
  };
}

export type Sandbox = Awaited<ReturnType<typeof createSandbox>>;
