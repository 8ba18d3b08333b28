import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeMessage, CommitFeed } from '../../src/store/commit-feed.ts';
import { openPostgresCommitFeed } from '../../src/store/postgres/postgres-commit-feed.ts';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.ts';
import type { Store } from '../../src/store/store.ts';
import { createManualClock } from '../../src/clock.ts';
import { announceSkip, createTestDatabase, pgUrl, reportSuiteRan } from '../support/postgres.ts';
import { DAY, testApp, type TestApp } from '../support/test-app.ts';

// Two instances on one PostgreSQL database: a live view connected to one follows the commits
// made through the other (clients and its timer sweeper), each exactly once, through LISTEN/NOTIFY.

announceSkip('postgres-live-feed');

/** Collects the server-sent events of a response body as they arrive, until `stop()`. */
function collectEvents(res: Response) {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const messages: { event: string; data: Record<string, unknown> }[] = [];
  const done = (async () => {
    let buffer = '';
    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended) return;
      buffer += value;
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop()!;
      for (const block of blocks) {
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) messages.push({ event, data: JSON.parse(data) });
      }
    }
  })();
  return { messages, stop: async () => (await reader.cancel(), await done) };
}

describe.runIf(pgUrl)('live views follow the commits of every instance on one PostgreSQL database', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  const stores: Store[] = [];
  const feeds: CommitFeed[] = [];
  let a: TestApp;
  let b: TestApp;
  let tests = 0;

  beforeAll(async () => {
    db = await createTestDatabase('live_feed');
    const clock = createManualClock();
    const instance = async () => {
      const store = await openPostgresStore(db!.url, { maxConnections: 4 });
      const commitFeed = await openPostgresCommitFeed(db!.url, { flushMs: 10 });
      stores.push(store);
      feeds.push(commitFeed);
      return testApp({ store, clock, commitFeed });
    };
    a = await instance();
    b = await instance();
  });

  afterAll(async () => {
    await Promise.all(feeds.map((f) => f.close()));
    await Promise.all(stores.map((s) => s.close()));
    await db?.drop();
    reportSuiteRan('postgres-live-feed', tests);
  });

  it('a stream on one instance hears the events sent through the other and its timer, each once, and its own commits once', async () => {
    tests += 1;
    expect((await b.create({ id: 'L-1', scope: 'international' })).status).toBe(201);
    const stream = collectEvents(await a.app.request('/orders/L-1/stream'));
    const heard = () => stream.messages.map((m) => [m.event, m.data.version, m.data.type, m.data.source]);
    await expect.poll(() => a.app.events.subscribers, { timeout: 5000 }).toBe(1);
    // Each step waits until A's view heard the previous one, as a developer watching would.
    expect((await b.send('L-1', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF1' })).status).toBe(200);
    await expect.poll(() => stream.messages.length, { timeout: 5000 }).toBe(2);
    expect((await a.send('L-1', 'CUSTOMS_HELD', { note: 'held' })).status).toBe(200);
    await expect.poll(() => stream.messages.length, { timeout: 5000 }).toBe(3);
    // B's sweeper fires the reminder: A's view hears it as a timer event.
    b.clock.advance(3 * DAY);
    expect(await b.app.sweeper.sweep()).toBe(1);
    await expect.poll(() => stream.messages.length, { timeout: 5000 }).toBe(4);
    expect((await b.send('L-1', 'CUSTOMS_CLEARED', {})).status).toBe(200);
    await expect.poll(() => stream.messages.length, { timeout: 5000 }).toBe(5);
    expect(heard()).toEqual([
      ['ready', 1, undefined, undefined],
      ['change', 2, 'SHIPPED', 'client'],
      ['change', 3, 'CUSTOMS_HELD', 'client'],
      ['change', 4, 'TIMER.CUSTOMS_REMINDER', 'timer'],
      ['change', 5, 'CUSTOMS_CLEARED', 'client'],
    ]);
    expect(stream.messages[4]!.data).toEqual({ orderId: 'L-1', version: 5, type: 'CUSTOMS_CLEARED', fromState: 'inTransit.shipping.customsHold', toState: 'inTransit.shipping.onTheWay', source: 'client' });
    // Nothing more: A's own commit was not announced back to it, and B's were heard once.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stream.messages).toHaveLength(5);
    await stream.stop();
  });

  it('a burst of commits on one instance reaches the other complete, in batches that fit a NOTIFY', async () => {
    tests += 1;
    const heard: ChangeMessage[] = [];
    const ids = Array.from({ length: 40 }, (_, i) => `burst-${i}`);
    const stops = ids.map((id) => a.app.events.subscribe(id, (change) => heard.push(change)));
    expect((await Promise.all(ids.map((id) => b.create({ id })))).map((r) => r.status)).toEqual(ids.map(() => 201));
    expect((await Promise.all(ids.map((id) => b.send(id, 'SHIPPED', { carrier: 'SF', trackingNumber: id })))).map((r) => r.status)).toEqual(ids.map(() => 200));
    // 80 commits of about 150 bytes each: more than one NOTIFY payload (8000 bytes) holds.
    await expect.poll(() => heard.length, { timeout: 10_000 }).toBe(80);
    expect(new Set(heard.map((h) => `${h.orderId}@${h.version}`)).size).toBe(80);
    stops.forEach((stop) => stop());
  });
});
