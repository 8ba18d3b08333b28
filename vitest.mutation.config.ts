import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

// For `npm run test:mutation`: the in-process suites that exercise the machine and the engine
// (no browser, no PostgreSQL), and the generated paths replay one path in four, so that each of
// the ~1000 mutants runs in seconds. The full replay is `npm test`'s job.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: ['test/model/**/*.test.ts', 'test/api/**/*.test.ts', 'test/engine/**/*.test.ts', 'test/machine/**/*.test.ts'],
      env: { MODEL_REPLAY_EVERY: '4' },
    },
  }),
);
