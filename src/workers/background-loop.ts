import type { Logger } from '../logger.ts';

/**
 * Runs `work` now and then every `intervalMs` after the previous run ended, in the background.
 * Concurrent calls of `run()` share one run; `stop()` waits for the run in progress.
 */
export function backgroundLoop<T>({ work, intervalMs, logger, name }: { work: () => Promise<T>; intervalMs: number; logger: Logger; name: string }) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<T> | undefined;

  function run(): Promise<T> {
    running ??= work().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    run,
    start() {
      if (timer) return;
      const loop = () => {
        run()
          .catch((error) => logger.error(`${name} failed`, { error: String(error) }))
          .finally(() => {
            if (timer) timer = setTimeout(loop, intervalMs);
          });
      };
      timer = setTimeout(loop, 0);
    },
    async stop() {
      clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
