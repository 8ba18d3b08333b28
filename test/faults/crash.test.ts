import { describe, expect, it } from 'vitest';
import { announceSkip, pgUrl, reportSuiteRan } from '../support/postgres.ts';
import { crashScenario } from './support/fleet-on-database.ts';

/**
 * `kill -9` under load, short (the script `test/faults/crash-under-load.ts` runs the long one):
 * every acknowledged event kept, none applied twice, every due timer fired once.
 */
const short = { faults: 2, clients: 8, orders: 20, faultEveryMs: [1500, 3000] as [number, number], seed: 17, settleMs: 90_000 };

function expectNothingLost(figures: Awaited<ReturnType<typeof crashScenario>>) {
  console.log(`crash run: ${JSON.stringify(figures)}`);
  expect(figures.acknowledged).toBeGreaterThan(0);
  expect(figures).toMatchObject({ faults: short.faults, lost: 0, appliedTwice: 0, refusedButApplied: 0, brokenHistories: 0, timersFiredTwice: 0, timersNotFired: 0 });
  expect(figures.timersFiredOnce).toBe(figures.timersDue);
  expect(figures.timersDue).toBe(short.orders * 2);
}

announceSkip('kill -9 under load, two instances on PostgreSQL');

describe('kill -9 under load', () => {
  it('on SQLite (one instance): keeps every acknowledged event, applies none twice, fires every due timer once', async () => {
    expectNothingLost(await crashScenario('sqlite', short));
  }, 180_000);

  it.runIf(pgUrl)('on PostgreSQL (two instances): the same', async () => {
    expectNothingLost(await crashScenario('postgres', short));
    reportSuiteRan('postgres-crash', 1);
  }, 180_000);
});
