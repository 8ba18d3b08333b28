import { defineConfig } from 'vitest/config';
import base from '../vitest.config.ts';
import { pathsFirst } from './paths-first.ts';

/**
 * For `npm run test:mutation:models`: the suites that judge the order machine's models
 * (`machines/order/v*\/model.ts`, `model-expect.ts`), the machine staying fixed. In this order, the
 * cheapest first, since Stryker stops a mutant at its first failing test and runs every suite for a
 * mutant of code run at module load (the generated paths are built there): what each model reads
 * of an order view and what version 2's does where no path goes (milliseconds), the graphs' sizes
 * per variant, the variants' descriptions and every generated path taken in-process as the engine
 * takes it (seconds), the migration proof
 * (version 1's graph, version 2's offers), then the generated paths with their counts, their
 * coverage of the machine and their replays through the API.
 * Left out: the fingerprint tests, as in the machines' selection (they hash the model's graph, so
 * they would kill any mutant of it without saying whether a test of behaviour notices), and
 * paths-export.test.ts: what it reads of the model (the variants' names and deployments, the path
 * counts) paths-in-process also checks, and each mutant it does not kill would run it whole (its
 * export test generates the document five times; the file took 11 s at load 5 on 2026-12-01).
 */
const order = [
  '/test/model/model-expect.test.ts',
  '/test/model/model-edge-cases.test.ts',
  '/test/model/paths-in-process.test.ts',
  '/test/model/migration-proof.test.ts',
  '/test/model/generated-paths.test.ts',
];

const CheapestFirst = pathsFirst(order);

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: order.map((name) => name.slice(1)),
    sequence: { ...base.test?.sequence, sequencer: CheapestFirst },
    // As in the machines' selection: a test slowed by the shared machine's load must not count as a kill.
    testTimeout: 60_000,
    // Every 10th generated path through the API (59 of 589): paths-in-process.test.ts takes all of
    // them in-process first, and a surviving mutant of code run at module load runs every suite.
    env: { ...base.test?.env, MODEL_REPLAY_EVERY: '10' },
  },
});
