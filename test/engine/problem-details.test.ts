import { describe, expect, it } from 'vitest';
import { orderMachine } from '../../machines/order/index.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { UnrestorableSnapshotError, versionOf } from '../../src/engine/snapshots.ts';
import { ProblemError } from '../../src/errors.ts';
import { testApp, type TestApp } from '../support/test-app.ts';

// The problem+json bodies of the engine's refusals, as a client reads them: the type and title it
// branches on, the detail it shows (naming the order, the state, the event and what to do), and
// the extensions it acts on (field errors, the current version, the accepted events).

async function problem(res: Promise<{ status: number; headers: Headers; body: Record<string, unknown> }>, status: number, type: string, title: string) {
  const r = await res;
  expect(r.status).toBe(status);
  expect(r.headers.get('content-type')).toBe('application/problem+json');
  expect(r.body).toMatchObject({ type, title, status });
  return r.body;
}

const invalid = (t: Promise<{ status: number; headers: Headers; body: Record<string, unknown> }>) => problem(t, 422, '/problems/invalid-input', 'Invalid input');

async function unchangedAfter(t: TestApp, id: string, action: () => Promise<void>) {
  const before = { order: (await t.get(id)).body, history: (await t.history(id)).body };
  await action();
  expect({ order: (await t.get(id)).body, history: (await t.history(id)).body }).toEqual(before);
}

describe('refusals before the order is looked at closely', () => {
  it('an unknown order: 404 naming the id as sent', async () => {
    const t = await testApp();
    for (const res of [t.get('nope'), t.send('nope', 'SHIPPED', { carrier: 'SF', trackingNumber: '1' })]) {
      const body = await problem(res, 404, '/problems/not-found', 'Not found');
      expect(body).toMatchObject({ detail: 'no order with id "nope"', orderId: 'nope' });
    }
  });

  it('an event type the order\'s version does not know: 422 naming it and listing the types it knows', async () => {
    const t = await testApp();
    await t.create({ id: 'P-1' });
    const known = Object.keys(orderMachine().versions[1]!.eventSchemas);
    expect(known).toContain('SHIPPED');
    await unchangedAfter(t, 'P-1', async () => {
      // Names an object has from its prototype are no event types either.
      for (const type of ['TELEPORTED', 'toString', 'constructor', 'hasOwnProperty', '__proto__']) {
        const body = await invalid(t.send('P-1', type));
        expect(body.detail).toBe(`unknown event type ${JSON.stringify(type)}`);
        expect(body.errors).toEqual([{ path: 'type', message: `expected one of ${known.join(', ')}` }]);
      }
    });
  });

  it('a timer event: 422, the service fires it itself', async () => {
    const t = await testApp();
    await t.create({ id: 'P-2' });
    await unchangedAfter(t, 'P-2', async () => {
      for (const type of ['TIMER.EXPEDITE', 'TIMER.CUSTOMS_REMINDER']) {
        const body = await invalid(t.send('P-2', type));
        expect(body.detail).toBe(`${type} is fired by the service itself when its deadline falls due; clients cannot send it`);
        expect(body.errors).toEqual([{ path: 'type', message: 'internal event' }]);
      }
    });
  });

  it('an invalid payload: 422 naming the event, its field errors under payload', async () => {
    const t = await testApp();
    await t.create({ id: 'P-3' });
    const body = await invalid(t.send('P-3', 'SHIPPED', { carrier: 'SF' }));
    expect(body.detail).toBe('the payload of SHIPPED is not valid');
    expect(body.errors).toEqual([{ path: 'payload.trackingNumber', message: expect.any(String) }]);
    // An event whose payload is all optional may be sent without one.
    expect((await t.send('P-3', 'STOCK_UNAVAILABLE')).status).toBe(200);
  });

  it('an unknown payload field with an empty name: named by the object that holds it, with no empty segment', async () => {
    const t = await testApp();
    await t.create({ id: 'P-6' });
    const body = await invalid(t.send('P-6', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF1', '': 1 }));
    expect(body.errors).toEqual([{ path: 'payload', message: 'unknown field' }]);
  });

  it('an Idempotency-Key reused for another request: 422 on the header', async () => {
    const t = await testApp();
    await t.create({ id: 'P-4' });
    expect((await t.send('P-4', 'SUPPLIER_CONTACTED', { note: 'a' }, { 'idempotency-key': 'k-1' })).status).toBe(200);
    const body = await invalid(t.send('P-4', 'SUPPLIER_CONTACTED', { note: 'b' }, { 'idempotency-key': 'k-1' }));
    expect(body.detail).toBe('this Idempotency-Key was used for a different request');
    expect(body.errors).toEqual([{ path: 'Idempotency-Key', message: 'reused with another event or payload' }]);
  });
});

describe('If-Match that does not name the order\'s version: 412', () => {
  it('names the version the order is at and the ones the request allowed', async () => {
    const t = await testApp();
    await t.create({ id: 'P-5' });
    await unchangedAfter(t, 'P-5', async () => {
      const cases: [string, string][] = [
        ['"7"', 'order P-5 is at version 1, not 7'],
        ['"3-abc", "4-def"', 'order P-5 is at version 1, not 3 or 4'],
        ['W/"1"', 'order P-5 is at version 1, not the version If-Match names (a weak entity tag never matches)'],
      ];
      for (const [header, detail] of cases) {
        const body = await problem(t.send('P-5', 'SUPPLIER_CONTACTED', { note: 'n' }, { 'if-match': header }), 412, '/problems/version-mismatch', 'Version mismatch');
        expect({ header, detail: body.detail }).toEqual({ header, detail });
        expect(body).toMatchObject({ orderId: 'P-5', currentVersion: 1 });
      }
    });
    // One of several tags naming the version is enough; `*` allows any version.
    expect((await t.send('P-5', 'SUPPLIER_CONTACTED', { note: 'n' }, { 'if-match': '"3", "1"' })).status).toBe(200);
    expect((await t.send('P-5', 'SUPPLIER_CONTACTED', { note: 'n' }, { 'if-match': '*' })).status).toBe(200);
  });
});

describe('an event the order\'s state does not take: 409', () => {
  it('names the order, its state and the event, and lists what it takes; no reason when the offered events say enough', async () => {
    const t = await testApp();
    await t.create({ id: 'P-6' });
    const accepted = (await t.get('P-6')).body.acceptedEvents as string[];
    await unchangedAfter(t, 'P-6', async () => {
      const body = await problem(t.send('P-6', 'DELIVERED'), 409, '/problems/event-not-accepted', 'Event not accepted in this state');
      expect(body.detail).toBe(`order P-6 is in preShipment.processing.awaitingShipment, which does not take DELIVERED. It takes: ${accepted.join(', ')}`);
      expect(body).toMatchObject({ orderId: 'P-6', state: 'preShipment.processing.awaitingShipment', event: 'DELIVERED', acceptedEvents: accepted });
      expect(body).not.toHaveProperty('reason');
    });
  });
});

describe('creating an order', () => {
  it('the same id with another body: 409 naming the order and what to do', async () => {
    const t = await testApp();
    await t.create({ id: 'P-7' });
    const body = await problem(t.create({ id: 'P-7', sellerEmail: 'other@shop.example' }), 409, '/problems/conflict', 'Conflict');
    expect(body).toMatchObject({ detail: 'order P-7 exists already with a different body; use another id or send the same body', orderId: 'P-7' });
  });
});

describe('an order this release cannot restore', () => {
  it('says where it is stored, why it cannot be restored and what to run, and keeps the cause for the logs', async () => {
    const t = await testApp();
    await t.create({ id: 'P-8' });
    const record = (await t.store.getOrder('P-8'))!;
    await t.store.commit({
      order: { ...record, version: 2, snapshot: { ...record.snapshot, value: { preShipment: 'vanished' } } },
      expectedVersion: 1,
      history: { orderId: 'P-8', seq: 2, type: 'WRITTEN_ELSEWHERE', payload: {}, fromState: null, toState: 'x', at: 0, idempotencyKey: null, source: 'client', dueAt: null, machineVersion: 2 },
      outbox: [],
      timers: [],
    });
    const reason = "version 2 cannot restore it: State 'vanished' does not exist on 'order.preShipment'";
    const body = await problem(t.get('P-8'), 503, '/problems/unrestorable-order', 'Order cannot be restored by this release');
    expect(body).toMatchObject({
      detail: `order P-8 is stored as order@2 in preShipment.vanished, which this release cannot restore: ${reason}. Run \`npx aftersales doctor\``,
      orderId: 'P-8', machine: 'order', machineVersion: 2, state: 'preShipment.vanished', reason,
    });
    const engine = createEngine({ store: t.store, clock: t.clock, machine: orderMachine() });
    const error = await engine.getOrder('P-8').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).cause).toBeInstanceOf(UnrestorableSnapshotError);
  });

  it('a stored record that is not a snapshot at all is a bug (500), not reported as unrestorable', async () => {
    const t = await testApp();
    await t.create({ id: 'P-9' });
    const record = (await t.store.getOrder('P-9'))!;
    const { machine: _machine, ...unstamped } = record.snapshot;
    const hosted = orderMachine();
    const engine = createEngine({ store: { ...t.store, getOrder: async () => ({ ...record, snapshot: unstamped as never }) }, clock: t.clock, machine: hosted });
    const error = await engine.getOrder('P-9').catch((e: unknown) => e);
    // The error reading it raised, passed on as it is.
    const raised = (() => {
      try {
        versionOf(hosted, unstamped as never);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(raised).toBeInstanceOf(TypeError);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(raised!.message);
  });
});
