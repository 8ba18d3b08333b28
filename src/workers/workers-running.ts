import type { Clock } from '../clock.ts';

/** A background worker as the service runs it: a loop with a start, a stop and a last run time. */
export interface Worker {
  start(): void;
  stop(): Promise<unknown>;
  /** When the last run ended (epoch ms), or null before the first. */
  lastRunAt(): number | null;
}

/**
 * Starts and stops the background workers together and answers whether they run: started, not
 * stopped, and each finished a run within `staleAfterMs` (so a worker stuck in one run shows).
 */
export function workersRunning({ workers, clock, staleAfterMs }: { workers: Record<string, Worker>; clock: Clock; staleAfterMs: number }) {
  let startedAt: number | null = null;
  return {
    start() {
      for (const w of Object.values(workers)) w.start();
      startedAt = clock.now();
    },
    async stop() {
      startedAt = null;
      await Promise.all(Object.values(workers).map((w) => w.stop()));
    },
    get running() {
      return startedAt !== null;
    },
    /** Throws, saying which, unless every worker runs and finished a run within `staleAfterMs` (the `workers` readiness check). */
    assertRunning() {
      if (startedAt === null) throw new Error('the timer sweeper and delivery worker are not running');
      const now = clock.now();
      for (const [name, w] of Object.entries(workers)) {
        const since = Math.max(startedAt, w.lastRunAt() ?? startedAt);
        if (now - since > staleAfterMs) throw new Error(`the ${name} has not finished a run for ${Math.round((now - since) / 1000)} s`);
      }
    },
  };
}

export type WorkersRunning = ReturnType<typeof workersRunning>;
