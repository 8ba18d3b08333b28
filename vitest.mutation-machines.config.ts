import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

// For `npm run test:mutation:machines`: the hand-written suites that judge the order machine's
// behaviour, and nothing else, so that each mutant of `machines/` runs in seconds. The machine's
// own tests (`test/machine/`), the rule tests that drive it through the API, the refusals (why a
// state refuses an event and what it takes instead, from the machine's checks) and the problems (what
// each state waits on and the problem it shows, from the machine's meta). Left out on purpose:
// the fingerprint tests (they hash the definition, so they would kill any mutant of it without
// saying whether a behaviour test notices), the generated paths and random walks (they take their
// expectations from the machine itself) and the engine's suites (`npm run test:mutation` has them).
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/machine/**/*.test.ts', 'test/api/rules-*.test.ts', 'test/api/refusals.test.ts', 'test/api/problems.test.ts'],
  },
});
