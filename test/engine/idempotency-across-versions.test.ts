import { describe, expect, it } from 'vitest';
import { keyedRefundMigrated } from '../support/keyed-refund-migrated.ts';
import { testApp } from '../support/test-app.ts';

// A client retries a request with its Idempotency-Key after the order was migrated to a version
// whose schema no longer takes that payload (version 1's free-text refund reason, version 2's list
// of reasons, R14): the retry answers as the first time, and only that retry does.

describe('a retried Idempotency-Key across a migration', () => {
  it('answers the first response when the newer version would refuse the payload; anything else is judged by the newer version', async () => {
    const { clock, store, machine, payload, first } = await keyedRefundMigrated();
    const t = await testApp({ store, clock, machine });
    const history = (await t.history('K-1')).body.history;

    const retried = await t.send('K-1', 'REQUEST_REFUND', payload, { 'idempotency-key': 'refund-1' });
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(first.body);
    // Tried as a dry run: a replay, with the order's deadlines now.
    const tried = await t.call('POST', '/orders/K-1/events?dryRun=true', { type: 'REQUEST_REFUND', payload }, { 'idempotency-key': 'refund-1' });
    expect(tried.status).toBe(200);
    expect(tried.body).toMatchObject({ replayed: true, effects: [], order: first.body, event: { type: 'REQUEST_REFUND', payload }, from: { state: 'refund', version: 3 } }); // order version 3: created, refund, migrated
    expect(tried.body.deadlines).toEqual((await t.get('K-1')).body.deadlines.map(({ name, event, dueAt }: Record<string, string>) => ({ name, event, dueAt })));
    expect((await t.history('K-1')).body.history).toEqual(history);

    // Without the key, with another key, or with another payload under the key: version 2 reads it, and refuses it.
    for (const [body, headers] of [
      [payload, {}],
      [payload, { 'idempotency-key': 'refund-2' }],
      [{ reason: 'the buyer changed their mind again' }, { 'idempotency-key': 'refund-1' }],
    ] as const) {
      const res = await t.send('K-1', 'REQUEST_REFUND', body, headers);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ detail: 'the payload of REQUEST_REFUND is not valid', errors: [{ path: 'payload.reason' }] });
    }
    // An event version 1 never had is not looked up in it.
    const lost = await t.send('K-1', 'PARCEL_LOST', { note: 42 }, { 'idempotency-key': 'refund-1' });
    expect(lost.status).toBe(422);
    expect((await t.history('K-1')).body.history).toEqual(history);
  });
});

it('a dry run of a retried request is a replay that shows the deadlines the order has now', async () => {
  const t = await testApp();
  await t.create({ id: 'K-2', scope: 'international' });
  await t.send('K-2', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF1' });
  const held = await t.send('K-2', 'CUSTOMS_HELD', { note: 'held' }, { 'idempotency-key': 'hold-1' });
  expect(held.body.deadlines.length).toBeGreaterThan(0);
  const tried = await t.call('POST', '/orders/K-2/events?dryRun=true', { type: 'CUSTOMS_HELD', payload: { note: 'held' } }, { 'idempotency-key': 'hold-1' });
  expect(tried.body).toMatchObject({ replayed: true, effects: [], order: held.body });
  expect(tried.body.deadlines).toEqual(held.body.deadlines.map(({ name, event, dueAt }: Record<string, string>) => ({ name, event, dueAt })));
});
