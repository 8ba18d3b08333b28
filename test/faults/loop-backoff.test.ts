import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { StoreUnavailableError, type Store } from '../../src/store/store.ts';
import { testApp } from '../support/test-app.ts';

const until = async (check: () => boolean, ms: number) => {
  for (const end = Date.now() + ms; !check() && Date.now() < end; ) await new Promise((resolve) => setTimeout(resolve, 20));
  return check();
};

it('the timer sweeper backs off while the database fails (no spin, no crash), and recovers by itself', async () => {
  let down = true;
  let claims = 0;
  const real = createSqliteStore(new Database(':memory:'));
  const store: Store = {
    ...real,
    claimDueTimers: (...args) => (claims++, down ? Promise.reject(new StoreUnavailableError('PostgreSQL: Connection terminated unexpectedly')) : real.claimDueTimers(...args)),
  };
  const t = await testApp({ store, sweepIntervalMs: 20 });
  const failures = () => t.logger.lines.filter((l) => l.msg === 'sweep failed');
  t.app.workers.start();
  try {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // Every 20 ms would be some 75 failed runs; doubling waits (20, 40, 80 … ms, jittered) make a handful.
    const failed = failures();
    expect(failed.length).toBeGreaterThanOrEqual(3);
    expect(failed.length).toBeLessThan(15);
    expect(failed.map((l) => l.failedRuns)).toEqual(failed.map((_, i) => i + 1));

    down = false;
    expect(await until(() => t.logger.lines.some((l) => l.msg === 'sweep recovered'), 10_000)).toBe(true);
    const recovered = t.logger.lines.find((l) => l.msg === 'sweep recovered')!;
    expect(recovered.failedRuns).toBe(failures().length);
    // Back to its interval: runs follow each other every ~20 ms again.
    const before = claims;
    expect(await until(() => claims >= before + 5, 2000)).toBe(true);
  } finally {
    await t.app.workers.stop();
  }
});
