import { defineConfig } from 'vitest/config';
import base from '../vitest.config.ts';
import { pathsFirst } from './paths-first.ts';

// The in-process suites first (`test/engine/`, then `test/machine/`), as in vitest.mutation-machines.config.ts.
const InProcessTestsFirst = pathsFirst(['/test/engine/', '/test/machine/']);

// For `npm run test:mutation`: the suites whose expectations are written by hand and so can judge
// the machine and the engine (the rule tests, errors, deadlines, machine versions and unrestorable
// orders, dry runs, the migration proof and the fingerprints, the engine's logs, metrics and spans,
// the engine and the machine's own tests). The generated paths and random walks take their expectations from the machine itself:
// a mutant changes the prediction and the behaviour alike, so they kill next to nothing and would
// only slow each mutant down. `npm test` runs them all. (Not `mergeConfig`: it would append this
// `include` to the base one and select every suite.)
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'test/api/rules-*.test.ts',
      'test/api/errors.test.ts',
      'test/api/deadlines.test.ts',
      'test/api/refusals.test.ts',
      'test/api/payload-limits.test.ts',
      'test/api/problems.test.ts',
      'test/api/machine-versions.test.ts',
      'test/api/unrestorable.test.ts',
      'test/api/dry-run.test.ts',
      'test/engine/**/*.test.ts',
      'test/machine/**/*.test.ts',
      'test/model/migration-proof.test.ts',
      'test/model/fingerprints.test.ts',
      'test/operations/logging.test.ts',
      'test/operations/metrics.test.ts',
      'test/operations/readiness.test.ts',
      'test/operations/tracing.test.ts',
    ],
    sequence: { ...base.test?.sequence, sequencer: InProcessTestsFirst },
    // A test slowed past 20 s by the shared machine's load would count as a kill; Stryker's own
    // timeout (1.5 x the dry run + 60 s) decides instead.
    testTimeout: 60_000,
  },
});
