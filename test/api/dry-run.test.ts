import { expect, it } from 'vitest';
import { onBothStores } from '../support/both-stores.ts';
import { testApp, type TestApp } from '../support/test-app.ts';

// POST /orders/{id}/events?dryRun=true answers what the event would do, or the refusal it would
// get, and writes nothing: no history, timers, outbox, idempotency record or version change.

const FAR = Date.parse('2100-01-01T00:00:00Z');

/** Everything an event can write for an order, read back from the store. */
async function written(t: TestApp, id: string, key?: string) {
  const record = await t.store.getOrder(id);
  return {
    record,
    history: await t.store.history(id),
    outbox: (await t.store.outbox(id)).map(({ action, seq }) => ({ action, seq })),
    timers: (await t.store.dueTimers(FAR, 1000)).filter((timer) => timer.orderId === id),
    idempotency: key === undefined ? undefined : await t.store.getIdempotency(id, key),
  };
}

const tryEvent = (t: TestApp, id: string, type: string, payload?: unknown, headers: Record<string, string> = {}) =>
  t.call('POST', `/orders/${encodeURIComponent(id)}/events?dryRun=true`, payload === undefined ? { type } : { type, payload }, headers);

/** A problem body without what differs between any two answers (the request id). */
const problemOf = (body: Record<string, unknown>) => {
  const { requestId: _requestId, ...rest } = body;
  return rest;
};

onBothStores('postgres-dry-run', (open) => {
  async function shipped(id: string) {
    const t = await testApp({ store: await open() });
    // International: only an international parcel is held in customs (R13, order machine version 2).
    expect((await t.create({ id, scope: 'international' })).status).toBe(201);
    expect((await t.send(id, 'SHIPPED', { carrier: 'SF Express', trackingNumber: 'SF-1' })).status).toBe(200);
    return t;
  }

  it('answers the order view, the notifications and the deadlines the event would produce, and writes nothing', async () => {
    const t = await shipped('DR-1');
    const before = await written(t, 'DR-1', 'hold-1');
    const tried = await tryEvent(t, 'DR-1', 'CUSTOMS_HELD', { note: 'held at Shanghai customs' }, { 'idempotency-key': 'hold-1', 'if-match': '"2"' });
    expect(tried.status, tried.text).toBe(200);
    expect(tried.headers.get('etag')).toBeNull();
    expect(tried.body).toMatchObject({
      dryRun: true,
      replayed: false,
      event: { type: 'CUSTOMS_HELD', payload: { note: 'held at Shanghai customs' } },
      from: { state: 'inTransit.shipping.onTheWay', version: 2 },
      order: { id: 'DR-1', state: 'inTransit.shipping.customsHold', version: 3, acceptedEvents: expect.arrayContaining(['CUSTOMS_CLEARED']) },
      effects: [{ action: 'sendCustomsReminder', kind: 'customs.reminder', email: true, params: expect.objectContaining({ trackingNumber: 'SF-1' }) }],
    });
    expect(tried.body.deadlines).toEqual([
      { name: 'customsReminderAt', event: 'TIMER.CUSTOMS_REMINDER', dueAt: expect.any(String) },
      { name: 'customsEscalateAt', event: 'TIMER.CUSTOMS_ESCALATE', dueAt: expect.any(String) },
    ]);
    expect(await written(t, 'DR-1', 'hold-1')).toEqual(before);
    expect((await t.get('DR-1')).body).toMatchObject({ state: 'inTransit.shipping.onTheWay', version: 2 });

    // Sending it for real produces exactly what the dry run said.
    const sent = await t.send('DR-1', 'CUSTOMS_HELD', { note: 'held at Shanghai customs' }, { 'idempotency-key': 'hold-1', 'if-match': '"2"' });
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual(tried.body.order);
    const after = await written(t, 'DR-1', 'hold-1');
    expect(after.outbox).toEqual([{ action: 'sendCustomsReminder', seq: 3 }]);
    expect(after.timers.map((timer) => ({ name: timer.name, event: timer.event, dueAt: new Date(timer.dueAt).toISOString() }))).toEqual(tried.body.deadlines);
  });

  it('answers a refused event with the same problem as sending it, and writes nothing', async () => {
    const t = await shipped('DR-2');
    const before = await written(t, 'DR-2', 'k-2');
    const cases: [string, unknown, Record<string, string>, number][] = [
      ['ISSUE_REPORTED', { kind: 'wrong_item' }, {}, 409], // not in this state
      ['CUSTOMS_HELD', { note: 42 }, {}, 422], // invalid payload
      ['TIMER.CUSTOMS_REMINDER', undefined, {}, 422], // a timer event
      ['NO_SUCH_EVENT', undefined, {}, 422],
      ['CUSTOMS_HELD', { note: 'x' }, { 'if-match': '"1"' }, 412], // stale version
      ['CUSTOMS_HELD', { note: 'x' }, { 'if-match': 'nonsense' }, 400],
      ['CUSTOMS_HELD', { note: 'x' }, { 'idempotency-key': 'bad key with spaces' }, 400],
    ];
    for (const [type, payload, headers, status] of cases) {
      const tried = await tryEvent(t, 'DR-2', type, payload, headers);
      const sent = await t.send('DR-2', type, payload, headers);
      expect({ type, status: tried.status }).toEqual({ type, status });
      expect(sent.status).toBe(status);
      expect(problemOf(tried.body)).toEqual(problemOf(sent.body));
      expect(tried.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await written(t, 'DR-2', 'k-2')).toEqual(before);
    const missing = await tryEvent(t, 'nope', 'DELIVERED');
    expect(missing.status).toBe(404);
    expect(problemOf(missing.body)).toEqual(problemOf((await t.send('nope', 'DELIVERED')).body));
  });

  it('a used Idempotency-Key: the same request is a replay (nothing would be applied), another request is refused', async () => {
    const t = await shipped('DR-3');
    expect((await t.send('DR-3', 'CUSTOMS_HELD', { note: 'held' }, { 'idempotency-key': 'k-3' })).status).toBe(200);
    const before = await written(t, 'DR-3', 'k-3');
    const again = await tryEvent(t, 'DR-3', 'CUSTOMS_HELD', { note: 'held' }, { 'idempotency-key': 'k-3' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ dryRun: true, replayed: true, effects: [], from: { state: 'inTransit.shipping.customsHold', version: 3 }, order: before.idempotency?.response as object });
    const other = await tryEvent(t, 'DR-3', 'CUSTOMS_CLEARED', { note: 'cleared' }, { 'idempotency-key': 'k-3' });
    expect(other.status).toBe(422);
    expect(other.body.errors).toEqual([{ path: 'Idempotency-Key', message: 'reused with another event or payload' }]);
    expect(await written(t, 'DR-3', 'k-3')).toEqual(before);
  });

  it('a dryRun value or a query parameter it does not know is refused, never ignored: nothing is applied', async () => {
    const t = await shipped('DR-4');
    const before = await written(t, 'DR-4');
    for (const query of ['dryRun=yes', 'dryrun=true', 'dry_run=1', 'dryRun=true&force=1']) {
      const res = await t.call('POST', `/orders/DR-4/events?${query}`, { type: 'DELIVERED' });
      expect({ query, status: res.status }).toEqual({ query, status: 422 });
      expect(res.body.errors[0].path).toMatch(/^query/);
    }
    expect(await written(t, 'DR-4')).toEqual(before);
    // dryRun=false is an ordinary send.
    const sent = await t.call('POST', '/orders/DR-4/events?dryRun=false', { type: 'DELIVERED' });
    expect(sent.status).toBe(200);
    expect(sent.body.state).toBe('delivered');
  });
});

it('the OpenAPI document declares dryRun on POST /orders/{id}/events and the DryRun answer', async () => {
  const t = await testApp();
  const doc = (await t.call('GET', '/openapi.json')).body;
  const op = doc.paths['/orders/{id}/events'].post;
  const dryRun = op.parameters.find((p: { name: string }) => p.name === 'dryRun');
  expect(dryRun).toMatchObject({ in: 'query', schema: expect.objectContaining({ enum: ['true', 'false'] }) });
  expect(dryRun.required ?? false).toBe(false);
  // The answer is the Order or the DryRun schema, both named in components.schemas.
  expect(JSON.stringify(op.responses['200'].content['application/json'].schema)).toContain('"#/components/schemas/DryRun"');
  const answer = JSON.stringify(doc.components.schemas.DryRun);
  for (const field of ['"dryRun"', '"effects"', '"deadlines"', '"replayed"', '"from"']) expect(answer).toContain(field);
  expect(op.description).toContain('dryRun=true');
});
