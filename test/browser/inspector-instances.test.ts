import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import type { CommitFeed } from '../../src/store/commit-feed.ts';
import { openPostgresCommitFeed } from '../../src/store/postgres/postgres-commit-feed.ts';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.ts';
import type { Store } from '../../src/store/store.ts';
import { browserUnavailable } from '../support/browser.ts';
import { inspectorSession, keepScreenshot, type InspectorSession } from '../support/inspector-page.ts';
import { announceSkip, createTestDatabase, pgUrl, reportSuiteRan } from '../support/postgres.ts';
import { DAY, testApp, type TestApp } from '../support/test-app.ts';

const missing = browserUnavailable();
const inCi = process.env.CI === 'true';
announceSkip('postgres-inspector-instances');

describe.runIf(pgUrl && (missing === null || inCi))('the inspector on one instance follows changes made through another (PostgreSQL)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  const stores: Store[] = [];
  const feeds: CommitFeed[] = [];
  let b: TestApp;
  let s: InspectorSession;
  let page: Page;

  beforeAll(async () => {
    expect(missing, 'CI must have Chromium (.ci/run installs it)').toBeNull();
    db = await createTestDatabase('inspector_instances');
    const clock = createManualClock();
    const instance = async () => {
      const store = await openPostgresStore(db!.url, { maxConnections: 4 });
      const commitFeed = await openPostgresCommitFeed(db!.url, { flushMs: 10 });
      stores.push(store);
      feeds.push(commitFeed);
      return testApp({ store, clock, commitFeed });
    };
    const a = await instance();
    b = await instance();
    expect((await b.create({ id: 'P-1', scope: 'international' })).status).toBe(201);
    s = await inspectorSession(a.app.fetch);
    page = await s.open(1280, 800);
  });

  afterAll(async () => {
    if (s) {
      expect(s.outside, 'no request may leave the service').toEqual([]);
      expect(s.pageErrors).toEqual([]);
      await s.close();
    }
    await Promise.all(feeds.map((f) => f.close()));
    await Promise.all(stores.map((store) => store.close()));
    await db?.drop();
    reportSuiteRan('postgres-inspector-instances', 1);
  });

  it('redraws the order when another instance applies an event or fires its timer, without a reload', async () => {
    await s.visit(page, '/inspector?order=P-1');
    await expect.poll(() => page.locator('#live').textContent(), { timeout: 10_000 }).toBe('following P-1');
    const navigations: string[] = [];
    page.on('framenavigated', (f) => navigations.push(f.url()));
    expect((await b.send('P-1', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-P1' })).status).toBe(200);
    expect((await b.send('P-1', 'CUSTOMS_HELD', { note: 'held' })).status).toBe(200);
    await expect.poll(() => page.locator('#order-state').textContent(), { timeout: 10_000 }).toBe('inTransit.shipping.customsHold');
    // The diagram follows after the order's text: its layout is drawn asynchronously.
    await expect.poll(() => page.locator('#diagram .state.current').getAttribute('data-path'), { timeout: 10_000 }).toBe('inTransit.shipping.customsHold');
    b.clock.advance(3 * DAY);
    expect(await b.app.sweeper.sweep()).toBe(1);
    await expect.poll(() => page.locator('#timeline li').first().getAttribute('data-type'), { timeout: 10_000 }).toBe('TIMER.CUSTOMS_REMINDER');
    expect(navigations).toEqual([]);
    await keepScreenshot(page, 'inspector-other-instance');
  });
});
