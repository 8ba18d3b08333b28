import { Hono } from 'hono';
import { noQuery } from './no-query.ts';

/** One thing the service needs to take traffic. `check` throws (or rejects) when it is not there. */
export interface ReadinessCheck {
  name: string;
  check: () => unknown;
}

export interface ReadinessOptions {
  checks: () => readonly ReadinessCheck[];
  /** A check that has not answered in this time has failed. */
  timeoutMs?: number;
}

async function run({ name, check }: ReadinessCheck, timeoutMs: number) {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([Promise.resolve().then(check), timeout]);
    return [name, { ok: true, ms: Math.round((performance.now() - started) * 10) / 10 }] as const;
  } catch (error) {
    return [name, { ok: false, ms: Math.round((performance.now() - started) * 10) / 10, error: error instanceof Error ? error.message : String(error) }] as const;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `GET /readyz`: 200 when every check passes, 503 with the failing checks otherwise, so a load
 * balancer sends traffic only to instances that can serve it. Checks run in parallel, each bounded
 * by `timeoutMs`. `/healthz` stays the cheap liveness answer that touches nothing.
 */
export function readinessRoutes({ checks, timeoutMs = 2000 }: ReadinessOptions) {
  return new Hono().get('/', noQuery, async (c) => {
    const results = await Promise.all(checks().map((check) => run(check, timeoutMs)));
    const ready = results.every(([, r]) => r.ok);
    c.header('Cache-Control', 'no-store');
    return c.json({ status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results) }, ready ? 200 : 503);
  });
}
