import type { Logger } from '../logger.ts';

export interface BackgroundLoopOptions<T> {
  /** One run. `stopping` is aborted by `stop()`: a long run ends at its next safe point. */
  work: (stopping: AbortSignal) => Promise<T>;
  intervalMs: number;
  logger: Logger;
  name: string;
  /** After failed runs the next one waits `intervalMs` doubled per failure in a row, up to this. */
  maxBackoffMs?: number;
}

/**
 * Runs `work` now and then every `intervalMs` after the previous run ended, in the background.
 * A failed run (the database is gone) is logged and the wait doubles, with jitter, up to
 * `maxBackoffMs`, so a dead dependency costs neither a crash nor a spin. Concurrent calls of
 * `run()` share one run; `stop()` asks the run in progress to end and waits for it.
 */
export function backgroundLoop<T>({ work, intervalMs, logger, name, maxBackoffMs = 30_000 }: BackgroundLoopOptions<T>) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<T> | undefined;
  let stopping = new AbortController();
  let failures = 0;

  function run(): Promise<T> {
    running ??= work(stopping.signal).finally(() => {
      running = undefined;
    });
    return running;
  }

  const nextDelay = () => {
    if (failures === 0) return intervalMs;
    const backoff = Math.min(maxBackoffMs, intervalMs * 2 ** Math.min(failures, 20));
    return Math.max(intervalMs, Math.round(backoff * (0.5 + Math.random() / 2)));
  };

  return {
    run,
    start() {
      if (timer) return;
      const loop = () => {
        run()
          .then(() => {
            if (failures > 0) logger.info(`${name} recovered`, { failedRuns: failures });
            failures = 0;
          })
          .catch((error) => {
            failures += 1;
            logger.error(`${name} failed`, { error: String(error), failedRuns: failures });
          })
          .finally(() => {
            if (timer) timer = setTimeout(loop, nextDelay());
          });
      };
      timer = setTimeout(loop, 0);
    },
    async stop() {
      clearTimeout(timer);
      timer = undefined;
      stopping.abort();
      await running?.catch(() => {});
      stopping = new AbortController();
    },
  };
}
