import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { orderMachine, sampleOrder } from '../../machines/order/index.ts';
import { createManualClock } from '../../src/clock.ts';
import { createEngine, DEFAULT_IDEMPOTENCY_RETENTION_MS } from '../../src/engine/engine.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

// How long an Idempotency-Key is honoured, in the engine (through the API, with the purge of
// expired records: test/api/idempotency-retention.test.ts): for the retention, counted from its
// first use; after it, a request with the key is a new request.

const HOUR = 3_600_000;

async function engineWith(options: { idempotencyRetentionMs?: number } = {}) {
  const store = createSqliteStore(new Database(':memory:'));
  await store.migrate();
  const clock = createManualClock();
  const engine = createEngine({ store, clock, machine: orderMachine(), ...options });
  await engine.createOrder(sampleOrder({ id: 'I-1', shipBy: '2026-06-01T00:00:00Z' }));
  let replays = 0;
  const contact = (note: string) => engine.send('I-1', 'SUPPLIER_CONTACTED', { note }, { idempotencyKey: 'k', onReplay: () => (replays += 1) });
  const tryContact = (note: string) => engine.trySend('I-1', 'SUPPLIER_CONTACTED', { note }, { idempotencyKey: 'k' });
  return { store, clock, contact, tryContact, replays: () => replays };
}

describe('an Idempotency-Key in the engine', () => {
  it('is honoured for 24 hours by default; then the same request is applied again and recorded anew', async () => {
    expect(DEFAULT_IDEMPOTENCY_RETENTION_MS).toBe(24 * HOUR);
    const { clock, contact, replays, store } = await engineWith();
    const first = await contact('called');
    expect(first.version).toBe(2);
    clock.advance(24 * HOUR);
    expect(await contact('called')).toEqual(first);
    expect(replays()).toBe(1);
    await expect(contact('another note')).rejects.toMatchObject({ problem: { status: 422 } });
    clock.advance(1);
    const again = await contact('called');
    expect(again.version).toBe(3);
    expect(replays()).toBe(1);
    // The record now holds the new answer, and the retention counts from now.
    expect(await contact('called')).toEqual(again);
    expect(replays()).toBe(2);
    expect(await store.getIdempotency('I-1', 'k')).toMatchObject({ createdAt: clock.now(), status: 200, response: again });
    // History records the key of each applied request (the creation has none).
    expect((await store.history('I-1')).map((h) => h.idempotencyKey)).toEqual([null, 'k', 'k']);
  });

  it('takes the retention it is given; past it the key may carry another request', async () => {
    const { clock, contact, tryContact, replays } = await engineWith({ idempotencyRetentionMs: 1000 });
    const first = await contact('called');
    clock.advance(1000);
    expect(await tryContact('called')).toMatchObject({ replayed: true, order: first });
    expect(await contact('called')).toEqual(first);
    clock.advance(1);
    expect(await tryContact('called')).toMatchObject({ replayed: false, order: { version: 3 }, event: { type: 'SUPPLIER_CONTACTED', payload: { note: 'called' } }, from: { version: 2 } });
    expect(await contact('another note')).toMatchObject({ version: 3 });
    expect(replays()).toBe(1);
  });
});
