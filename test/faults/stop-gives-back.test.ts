import { expect, it } from 'vitest';
import { onBothStores } from '../support/both-stores.ts';
import { testApp } from '../support/test-app.ts';

const ORDERS = 400;

/**
 * Stopping (SIGTERM) in the middle of a backlog: the sweeper lets the commits in flight finish and
 * gives back the claims it did not fire, so another instance (PostgreSQL) or the next start takes
 * them at once instead of after their 60 s lease.
 */
onBothStores('postgres-stop-gives-back', (open) => {
  it(`stopping in a backlog of ${ORDERS} due timers leaves none of them leased`, async () => {
    const t = await testApp({ store: await open(), sweepIntervalMs: 10 });
    const created = await Promise.all(Array.from({ length: ORDERS }, (_, i) => t.create({ id: `back-${i}`, shipBy: '2026-02-01T00:00:00Z' })));
    expect(created.filter((r) => r.status !== 201)).toEqual([]);
    t.app.workers.start();
    for (const end = Date.now() + 30_000; t.app.sweeper.stats.fired === 0 && Date.now() < end; ) await new Promise((resolve) => setTimeout(resolve, 5));
    await t.app.workers.stop();

    const now = t.clock.now();
    const ordersDue = new Set((await t.store.dueTimers(now, 100_000)).map((d) => d.orderId));
    const claimable = await t.store.claimDueTimers(now, 100_000, 60_000);
    console.log(`stopped after ${t.app.sweeper.stats.fired} timers fired; ${ordersDue.size} orders have due timers, ${claimable.length} claimable at once`);
    expect(t.app.sweeper.stats.fired).toBeGreaterThan(0);
    expect(ordersDue.size).toBeGreaterThan(0); // stopped inside the backlog
    expect(claimable.map((c) => c.orderId).sort()).toEqual([...ordersDue].sort());
  }, 120_000);
});
