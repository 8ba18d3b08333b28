import { defineConfig } from 'vitest/config';
import base from '../vitest.config.ts';
import { pathsFirst } from './paths-first.ts';

/**
 * The in-process machine tests (`test/machine/`) first, the rest in vitest's own order. Stryker
 * stops a mutant at its first failing test, and a file of test/machine/ costs a fraction of one
 * that starts the API, so a mutant those tests kill dies sooner; which tests run and what they
 * decide is unchanged. Measured on v2 deadlines.ts + version.ts (64 mutants, 2026-12-01): the same
 * results, 550 tests run for the mutants instead of 680.
 */
const MachineTestsFirst = pathsFirst(['/test/machine/']);

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
    sequence: { ...base.test?.sequence, sequencer: MachineTestsFirst },
    // A test slowed past 20 s by the shared machine's load would count as a kill (or stop the dry run,
    // as it did on 2026-12-01 under load 13); Stryker's own timeout (1.5 x the dry run + 60 s) decides instead.
    testTimeout: 60_000,
  },
});
