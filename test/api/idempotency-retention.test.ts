import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { createIdempotencyPurge } from '../../src/workers/idempotency-purge.ts';
import { onBothStores } from '../support/both-stores.ts';
import { HOUR, testApp, type TestApp } from '../support/test-app.ts';

// An Idempotency-Key is honoured for a retention (IDEMPOTENCY_RETENTION_HOURS, default 24) counted
// from its first use; after it the key is free again: a request with it is a new request. The
// timer sweeper purges the records of expired keys. Scope: one order (docs/api.md).

const SHIP_BY = '2026-04-01T00:00:00Z'; // far enough that no deadline falls due while the clock moves
const contacted = (note: string) => ({ note });

/** A POST of SUPPLIER_CONTACTED with a key, and what it answered. */
async function contact(t: TestApp, id: string, key: string, note = 'called') {
  const res = await t.send(id, 'SUPPLIER_CONTACTED', contacted(note), { 'idempotency-key': key });
  expect(res.status, res.text).toBe(200);
  return { version: res.body.version as number, replayed: res.headers.get('idempotent-replayed') === 'true', body: res.body };
}

onBothStores('postgres-idempotency-retention', (open) => {
  it('replays a retry for 24 hours after the first use; after that the same key is a new request, recorded anew', async () => {
    const t = await testApp({ store: await open() });
    expect((await t.create({ id: 'IR-1', shipBy: SHIP_BY })).status).toBe(201);
    const first = await contact(t, 'IR-1', 'retry-1');
    expect(first).toMatchObject({ version: 2, replayed: false });

    await t.advance(24 * HOUR); // exactly the retention: still honoured
    expect(await contact(t, 'IR-1', 'retry-1')).toEqual({ ...first, replayed: true });
    // Another request with the key is still refused while it is honoured.
    expect((await t.send('IR-1', 'SUPPLIER_CONTACTED', contacted('other'), { 'idempotency-key': 'retry-1' })).status).toBe(422);

    await t.advance(1); // past it (the record may still be there: the purge runs at most once a minute)
    const again = await contact(t, 'IR-1', 'retry-1');
    expect(again).toMatchObject({ version: 3, replayed: false });
    expect((await t.history('IR-1')).body.history.map((h: { idempotencyKey: string | null }) => h.idempotencyKey)).toEqual([null, 'retry-1', 'retry-1']);
    // Recorded anew: a retry now replays the new answer, and the retention counts from now.
    expect(await contact(t, 'IR-1', 'retry-1')).toEqual({ ...again, replayed: true });
    expect((await t.store.getIdempotency('IR-1', 'retry-1'))!.createdAt).toBe(t.clock.now());
  });

  it('after expiry the key may carry another request, which is applied (no 422)', async () => {
    const t = await testApp({ store: await open() });
    await t.create({ id: 'IR-2', shipBy: SHIP_BY });
    await contact(t, 'IR-2', 'k', 'first note');
    await t.advance(25 * HOUR);
    const other = await contact(t, 'IR-2', 'k', 'second note');
    expect(other).toMatchObject({ version: 3, replayed: false });
    const history = (await t.history('IR-2')).body.history;
    expect(history.at(-1)).toMatchObject({ type: 'SUPPLIER_CONTACTED', payload: { note: 'second note' }, idempotencyKey: 'k' });
  });

  it('a dry run with an expired key says it would apply, not replay', async () => {
    const t = await testApp({ store: await open() });
    await t.create({ id: 'IR-3', shipBy: SHIP_BY });
    await contact(t, 'IR-3', 'k');
    const tryIt = () => t.call('POST', '/orders/IR-3/events?dryRun=true', { type: 'SUPPLIER_CONTACTED', payload: contacted('called') }, { 'idempotency-key': 'k' });
    expect((await tryIt()).body).toMatchObject({ replayed: true, order: { version: 2 } });
    t.clock.advance(24 * HOUR + 1);
    expect((await tryIt()).body).toMatchObject({ replayed: false, order: { version: 3 } });
  });

  it('the sweeper purges the records of expired keys, and keeps the live ones', async () => {
    const t = await testApp({ store: await open() });
    for (const id of ['IR-4', 'IR-5', 'IR-6']) await t.create({ id, shipBy: SHIP_BY });
    await contact(t, 'IR-4', 'early');
    await contact(t, 'IR-5', 'early');
    await t.advance(12 * HOUR);
    await contact(t, 'IR-6', 'late');
    await t.advance(12 * HOUR + 1); // the early keys are 24 h + 1 ms old, the late one 12 h + 1 ms
    expect(await t.store.getIdempotency('IR-4', 'early')).toBeUndefined();
    expect(await t.store.getIdempotency('IR-5', 'early')).toBeUndefined();
    expect(await t.store.getIdempotency('IR-6', 'late')).toBeDefined();
    expect(t.app.idempotencyPurge.stats.purged).toBe(2);
    expect(t.logger.lines.find((l) => l.msg === 'expired idempotency keys purged')).toMatchObject({ purged: 2 });
    // Purged, the key is a new request as before; the orders and their history are untouched.
    expect(await contact(t, 'IR-4', 'early')).toMatchObject({ version: 3, replayed: false });
    expect(await contact(t, 'IR-6', 'late')).toMatchObject({ version: 2, replayed: true });
    await t.advance(12 * HOUR);
    expect(await t.store.getIdempotency('IR-6', 'late')).toBeUndefined();
  });

  it('purges in batches until none is left', async () => {
    const t = await testApp({ store: await open() });
    for (let i = 0; i < 5; i++) {
      await t.create({ id: `IB-${i}`, shipBy: SHIP_BY });
      await contact(t, `IB-${i}`, 'k');
    }
    t.clock.advance(24 * HOUR + 1);
    const batches: number[] = [];
    const store = { purgeIdempotency: async (before: number, limit: number) => (batches.push(limit), t.store.purgeIdempotency(before, limit)) };
    const purge = createIdempotencyPurge({ store, clock: t.clock, logger: createMemoryLogger(), retentionMs: 24 * HOUR, batchSize: 2 });
    expect(await purge.purgeIfDue(new AbortController().signal)).toBe(5);
    expect(batches).toEqual([2, 2, 2]);
    // At most once a minute: asked again at once, it does not query.
    expect(await purge.purgeIfDue(new AbortController().signal)).toBe(0);
    expect(batches).toHaveLength(3);
  });

  it('takes the retention it is given (IDEMPOTENCY_RETENTION_HOURS)', async () => {
    const t = await testApp({ store: await open(), idempotencyRetentionMs: HOUR });
    await t.create({ id: 'IR-7', shipBy: SHIP_BY });
    await contact(t, 'IR-7', 'k');
    await t.advance(HOUR);
    expect(await contact(t, 'IR-7', 'k')).toMatchObject({ version: 2, replayed: true });
    await t.advance(1);
    expect(await contact(t, 'IR-7', 'k')).toMatchObject({ version: 3, replayed: false });
  });
});

describe('the purge when the database fails', () => {
  it('logs, leaves the sweep alone, and tries again at the next sweep', async () => {
    const t = await testApp();
    let down = true;
    const calls: number[] = [];
    const store = {
      purgeIdempotency: async (before: number, limit: number) => {
        calls.push(before);
        if (down) throw new Error('database gone');
        return t.store.purgeIdempotency(before, limit);
      },
    };
    const logger = createMemoryLogger();
    const purge = createIdempotencyPurge({ store, clock: t.clock, logger, retentionMs: 24 * HOUR });
    const signal = new AbortController().signal;
    expect(await purge.purgeIfDue(signal)).toBe(0);
    expect(logger.lines).toEqual([expect.objectContaining({ level: 'warn', msg: 'expired idempotency keys not purged; tried again at the next sweep', error: 'Error: database gone' })]);
    down = false;
    expect(await purge.purgeIfDue(signal)).toBe(0); // not a minute later: tried again at once
    expect(calls).toHaveLength(2);
    expect(purge.stats.lastPurgeAt).toBe(t.clock.now());
  });
});

describe('IDEMPOTENCY_RETENTION_HOURS', () => {
  it('defaults to 24 hours, and refuses what is not a whole number of hours from 1 to 8760, saying why', () => {
    expect(readConfig({}).IDEMPOTENCY_RETENTION_HOURS).toBe(24);
    expect(readConfig({ IDEMPOTENCY_RETENTION_HOURS: '72' }).IDEMPOTENCY_RETENTION_HOURS).toBe(72);
    expect(() => readConfig({ IDEMPOTENCY_RETENTION_HOURS: '0' })).toThrow('invalid configuration: IDEMPOTENCY_RETENTION_HOURS: at least 1 hour');
    expect(() => readConfig({ IDEMPOTENCY_RETENTION_HOURS: '1.5' })).toThrow('IDEMPOTENCY_RETENTION_HOURS: expected a whole number of hours');
    expect(() => readConfig({ IDEMPOTENCY_RETENTION_HOURS: '1d' })).toThrow('IDEMPOTENCY_RETENTION_HOURS: expected a whole number of hours');
    expect(() => readConfig({ IDEMPOTENCY_RETENTION_HOURS: '9000' })).toThrow('IDEMPOTENCY_RETENTION_HOURS: at most 8760 hours');
  });
});
