import { initialTransition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { orderMachine } from '../../machines/order/index.ts';
import { dryRun } from '../../src/engine/dry-run.ts';
import { canonicalJson, requestHash } from '../../src/engine/hash.ts';
import { currentVersion, type HostedMachine } from '../../src/engine/hosted-machine.ts';
import { instanceView } from '../../src/engine/instance-view.ts';
import { migrateSnapshot } from '../../src/engine/migrate-snapshot.ts';
import { nextCommit } from '../../src/engine/next-commit.ts';
import { createOrderQueue, OrderQueueFullError } from '../../src/engine/order-queue.ts';
import { persist, UnrestorableSnapshotError } from '../../src/engine/snapshots.ts';
import { cachedCensus, classifyCensus, hasState, unrestorableCount } from '../../src/engine/version-census.ts';
import { zodIssues } from '../../src/engine/zod-issues.ts';
import type { OrderRecord } from '../../src/store/records.ts';
import { orderWithRenamedState } from '../support/versions/renamed-state-v2.ts';

// The engine's parts, each on its own: what the engine relies on them for.

const T0 = Date.parse('2026-03-02T00:00:00Z');
const input = {
  id: 'U-1', scope: 'international' as const, sellerEmail: 's@shop.example', supplier: { id: 'sup' },
  items: [{ sku: 'a', quantity: 1, unitPrice: 500 }], currency: 'CNY', shipBy: '2026-03-04T00:00:00Z', createdAt: T0,
};

describe('canonicalJson and requestHash: equal requests hash equally', () => {
  it('sorts object keys at every depth, keeps array order, drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined, e: 'x' }, null, 3], c: { z: true, y: false } })).toBe(
      '{"a":[{"d":2,"e":"x"},null,3],"b":1,"c":{"y":false,"z":true}}',
    );
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson('a"b')).toBe('"a\\"b"');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(0)).toBe('0');
    // Keys that only differ in case or length are ordered as strings are.
    expect(canonicalJson({ aa: 1, B: 2, a: 3 })).toBe('{"B":2,"a":3,"aa":1}');
  });

  it('hashes the same request written in another key order alike, another value not', () => {
    const a = requestHash({ type: 'SHIPPED', payload: { carrier: 'SF', trackingNumber: '1' } });
    expect(requestHash({ payload: { trackingNumber: '1', carrier: 'SF' }, type: 'SHIPPED' })).toBe(a);
    expect(requestHash({ type: 'SHIPPED', payload: { carrier: 'SF', trackingNumber: '2' } })).not.toBe(a);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('zodIssues: field errors with dotted paths', () => {
  const schema = z.strictObject({ carrier: z.string().min(1), items: z.array(z.strictObject({ sku: z.string() })) });

  it('prefixes the path, names each unknown key as its own field, and calls the root (body)', () => {
    const result = schema.safeParse({ carrier: '', items: [{ sku: 1, colour: 'red', size: 'L' }], extra: 1 });
    expect(result.success).toBe(false);
    const issues = zodIssues(result.error!, 'payload');
    expect(issues.map((i) => i.path)).toEqual(['payload.carrier', 'payload.items.0.sku', 'payload.items.0.colour', 'payload.items.0.size', 'payload.extra']);
    expect(issues.filter((i) => i.message === 'unknown field').map((i) => i.path)).toEqual(['payload.items.0.colour', 'payload.items.0.size', 'payload.extra']);
    expect(zodIssues(schema.safeParse(42).error!).map((i) => i.path)).toEqual(['(body)']);
    expect(zodIssues(schema.safeParse({ carrier: 'SF', items: [], x: 1 }).error!)).toEqual([{ path: 'x', message: 'unknown field' }]);
    expect(zodIssues(schema.safeParse(null).error!, 'payload').map((i) => i.path)).toEqual(['payload']);
  });
});

describe('the order queue: one task at a time per order', () => {
  it('runs the tasks of one order in turn, other orders alongside, and forgets an order once drained', async () => {
    const queue = createOrderQueue();
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = queue.run('A', async () => {
      log.push('A1 start');
      await gate;
      log.push('A1 end');
      return 1;
    });
    const second = queue.run('A', async () => {
      log.push('A2');
      return 2;
    });
    const other = queue.run('B', async () => {
      log.push('B1');
      return 3;
    });
    expect(queue.size).toBe(3);
    expect(await other).toBe(3);
    expect(log).toEqual(['A1 start', 'B1']);
    release();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(log).toEqual(['A1 start', 'B1', 'A1 end', 'A2']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(queue.size).toBe(0);
  });

  it('a task queued while the order\'s last one still runs waits for it, however many ran before', async () => {
    const queue = createOrderQueue();
    const log: string[] = [];
    const gates = [0, 1].map(() => {
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      return { gate, open };
    });
    const a1 = queue.run('A', async () => { await gates[0]!.gate; log.push('A1'); });
    const a2 = queue.run('A', async () => { log.push('A2 start'); await gates[1]!.gate; log.push('A2 end'); });
    gates[0]!.open();
    await a1;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log).toEqual(['A1', 'A2 start']);
    const a3 = queue.run('A', async () => { log.push('A3'); });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log).toEqual(['A1', 'A2 start']);
    gates[1]!.open();
    await Promise.all([a2, a3]);
    expect(log).toEqual(['A1', 'A2 start', 'A2 end', 'A3']);
  });

  it('tells each task how the one ahead ended, and a failure does not stop the next', async () => {
    const queue = createOrderQueue();
    const boom = new Error('boom');
    const seen: unknown[] = [];
    const failing = queue.run('A', async (ahead) => {
      seen.push(ahead);
      throw boom;
    });
    const next = queue.run('A', async (ahead) => {
      seen.push(ahead);
      return 'ok';
    });
    await expect(failing).rejects.toBe(boom);
    expect(await next).toBe('ok');
    expect(seen).toEqual([{}, { error: boom }]);
  });

  it('refuses a task when maxWaiting wait already for that order, saying how many', async () => {
    const queue = createOrderQueue({ maxWaiting: 2 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const runs = [queue.run('A', () => gate), queue.run('A', async () => {})];
    const refused = await queue.run('A', async () => {}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OrderQueueFullError);
    expect(refused).toMatchObject({ name: 'OrderQueueFullError', orderId: 'A', waiting: 2, message: '2 requests are already waiting for order A' });
    expect(await queue.run('B', async () => 'other order')).toBe('other order');
    release();
    await Promise.all(runs);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await queue.run('A', async () => 'again')).toBe('again');
  });
});

describe('the census of stored orders', () => {
  const hosted = orderWithRenamedState();

  it('counts per version, the orders on older versions, and those this code cannot restore with why', () => {
    const report = classifyCensus(hosted, [
      { machineVersion: 0, state: 'preShipment', count: 1 },
      { machineVersion: 1, state: 'preShipment.processing.stockProblem', count: 2 },
      { machineVersion: 1, state: 'refund', count: 1 },
      { machineVersion: 2, state: 'preShipment.processing.stockShortage', count: 4 },
      { machineVersion: 2, state: 'preShipment.processing.stockProblem', count: 1 },
      { machineVersion: 3, state: 'refund', count: 5 },
      { machineVersion: 3, state: 'refunded', count: 1 },
    ]);
    expect(report).toEqual({
      newest: 2, total: 15, byVersion: { 0: 1, 1: 3, 2: 5, 3: 6 }, older: 3, newer: 6,
      unrestorable: [
        { machineVersion: 0, state: 'preShipment', count: 1, reason: 'version 0 is no longer in this code' },
        { machineVersion: 2, state: 'preShipment.processing.stockProblem', count: 1, reason: 'version 2 has no state preShipment.processing.stockProblem' },
        { machineVersion: 3, state: 'refund', count: 5, reason: 'version 3 is newer than this code (it has order up to version 2): a newer release wrote it' },
        { machineVersion: 3, state: 'refunded', count: 1, reason: 'version 3 is newer than this code (it has order up to version 2): a newer release wrote it' },
      ],
    });
    expect(unrestorableCount(report)).toBe(8);
    expect(classifyCensus(hosted, [])).toEqual({ newest: 2, total: 0, byVersion: {}, older: 0, newer: 0, unrestorable: [] });
  });

  it('knows a state by its dotted path, compound states included', () => {
    const [v1, v2] = hosted.versions;
    expect(hasState(v1!, 'preShipment.processing.stockProblem')).toBe(true);
    expect(hasState(v2!, 'preShipment.processing.stockProblem')).toBe(false);
    expect(hasState(v2!, 'preShipment.processing')).toBe(true);
    expect(hasState(v2!, 'nowhere')).toBe(false);
  });

  it('is taken again only once the last one is ttlMs old, and a failed one is not kept', async () => {
    let now = 0;
    let calls = 0;
    let fail = false;
    const store = {
      versionCensus: async () => {
        calls += 1;
        if (fail) throw new Error('database gone');
        return [{ machineVersion: 2, state: 'refund', count: calls }];
      },
    };
    const census = cachedCensus({ store, machine: hosted, clock: { now: () => now }, ttlMs: 1000 });
    expect((await census()).total).toBe(1);
    now = 999;
    expect((await census()).total).toBe(1);
    now = 1000;
    expect((await census()).total).toBe(2);
    fail = true;
    now = 2000;
    await expect(census()).rejects.toThrow('database gone');
    fail = false;
    expect((await census()).total).toBe(4); // asked again at once, not 1000 ms later
    expect(calls).toBe(4);
  });
});

describe('migrateSnapshot', () => {
  const hosted = orderWithRenamedState();
  const [v1, v2] = hosted.versions as [typeof hosted.versions[0], typeof hosted.versions[0]];
  const stored = () => {
    const [snapshot] = initialTransition(v1.machine, input);
    return persist(hosted, v1, snapshot);
  };

  it('takes a snapshot one version at a time, stamping each step; one on the target already is unchanged', () => {
    const migrated = migrateSnapshot(hosted, stored());
    expect(migrated.machine).toEqual({ id: 'order', version: 2 });
    expect(migrated.value).toEqual(stored().value);
    expect(migrateSnapshot(hosted, stored(), v1)).toEqual(stored());
    const v3 = { ...v2, version: 3 };
    const seen: number[] = [];
    const three: HostedMachine = {
      id: 'order',
      versions: [v1, v2, v3],
      migrations: [
        { from: 2, to: 3, migrate: (s) => (seen.push(s.machine.version), { ...s, context: { ...(s.context as object), three: true } }) },
        { from: 1, to: 2, migrate: (s) => (seen.push(s.machine.version), s) },
      ],
    };
    const twice = migrateSnapshot(three, stored());
    expect(seen).toEqual([1, 2]);
    expect(twice.machine).toEqual({ id: 'order', version: 3 });
    expect(twice.context).toMatchObject({ three: true });
    expect(migrateSnapshot(three, stored(), v2).machine).toEqual({ id: 'order', version: 2 });
  });

  it('refuses when a step is missing or skips a version, naming the step', () => {
    const cases: HostedMachine[] = [
      { ...hosted, migrations: [] },
      { ...hosted, migrations: [{ from: 1, to: 3, migrate: (s) => s }] },
      { id: 'order', versions: [v1, { ...v2, version: 3 }], migrations: [{ from: 1, to: 3, migrate: (s) => s }] },
    ];
    for (const machine of cases) {
      const attempt = () => migrateSnapshot(machine, stored());
      expect(attempt).toThrow(UnrestorableSnapshotError);
      expect(attempt).toThrow('order@1 in preShipment.processing.awaitingShipment: no migration from version 1 to 2');
    }
  });
});

describe('nextCommit: everything one event changes', () => {
  const hosted = orderMachine();
  const version = currentVersion(hosted);
  const [created, createActions] = initialTransition(version.machine, input);
  const armed = version.armedDeadlines(created);
  const event = { type: 'ORDER_CREATED', payload: {}, at: T0, idempotencyKey: null, source: 'client' as const, dueAt: null };

  it('a creation: version 1, no expected version, its deadlines as timers, the earliest as next deadline', () => {
    const commit = nextCommit({ hosted, version, prev: null, id: 'U-1', createHash: 'h', next: created, armed, actions: createActions, event });
    expect(armed.length).toBeGreaterThan(0);
    expect(commit.order).toMatchObject({ id: 'U-1', version: 1, state: 'preShipment.processing.awaitingShipment', createHash: 'h', nextDeadlineAt: armed[0]!.dueAt, createdAt: T0, updatedAt: T0 });
    expect(commit.expectedVersion).toBeNull();
    expect(commit.history).toEqual({ ...event, orderId: 'U-1', seq: 1, fromState: null, toState: 'preShipment.processing.awaitingShipment', machineVersion: 2 });
    expect(commit.timers).toEqual(armed.map((d) => ({ orderId: 'U-1', name: d.name, event: d.event, dueAt: d.dueAt })));
  });

  it('a next event: one version more, the creation time kept; only the effects become outbox rows, params or {}', () => {
    const prev = nextCommit({ hosted, version, prev: null, id: 'U-1', createHash: 'h', next: created, armed, actions: [], event }).order;
    const at = T0 + 1000;
    const actions = [
      { type: 'sendCustomsReminder', params: { trackingNumber: 'SF1' } },
      { type: 'xstate.assign', params: { ignored: true } },
      { type: 'requestRefund' },
    ];
    const commit = nextCommit({ hosted, version, prev: { ...prev, version: 4 }, id: 'U-1', createHash: 'h', next: created, armed: [], actions, event: { ...event, type: 'X', at } });
    expect(commit.order).toMatchObject({ version: 5, createdAt: T0, updatedAt: at, nextDeadlineAt: null });
    expect(commit.expectedVersion).toBe(4);
    expect(commit.history).toMatchObject({ seq: 5, fromState: prev.state, at });
    expect(commit.outbox.map(({ id: _id, ...row }) => row)).toEqual([
      { orderId: 'U-1', seq: 5, action: 'sendCustomsReminder', payload: { trackingNumber: 'SF1' }, createdAt: at },
      { orderId: 'U-1', seq: 5, action: 'requestRefund', payload: {}, createdAt: at },
    ]);
    expect(new Set(commit.outbox.map((o) => o.id)).size).toBe(2);
    expect(commit.timers).toEqual([]);
  });
});

describe('the order view', () => {
  const hosted = orderMachine();
  const version = currentVersion(hosted);

  it('an order at rest is open, a final one closed; times as ISO strings, the machine it is pinned to', () => {
    const [snapshot] = initialTransition(version.machine, input);
    const record: OrderRecord = {
      id: 'U-1', version: 3, state: 'preShipment.processing.awaitingShipment', snapshot: persist(hosted, version, snapshot), createHash: 'h',
      nextDeadlineAt: null, createdAt: T0, updatedAt: T0 + 1500,
    };
    const view = instanceView(record, version, snapshot, [], ['SHIPPED']);
    expect(view).toMatchObject({
      id: 'U-1', state: 'preShipment.processing.awaitingShipment', status: 'open', acceptedEvents: ['SHIPPED'], version: 3,
      machine: { id: 'order', version: 2 }, createdAt: '2026-03-02T00:00:00.000Z', updatedAt: '2026-03-02T00:00:01.500Z',
    });
    expect(instanceView(record, version, { ...snapshot, status: 'done' } as never, [], []).status).toBe('closed');
  });
});

describe('the answer of a dry run', () => {
  const version = currentVersion(orderMachine());
  const record = { state: 'inTransit.shipping.onTheWay', version: 2 } as OrderRecord;

  it('names each effect\'s notification kind and whether it is e-mailed; deadlines as ISO times', () => {
    const answer = dryRun({
      record, version, event: { type: 'E', payload: { a: 1 } }, order: { id: 'x' } as never, replayed: false,
      effects: [
        { action: 'sendCustomsReminder', payload: { trackingNumber: 'SF1' } },
        { action: 'requestRefund', payload: {} },
        { action: 'notAnEffect', payload: { p: 1 } },
      ],
      armed: [{ name: 'customsReminderAt', event: 'TIMER.CUSTOMS_REMINDER', dueAt: T0 + 500 }],
    });
    expect(answer).toEqual({
      dryRun: true, event: { type: 'E', payload: { a: 1 } }, from: { state: 'inTransit.shipping.onTheWay', version: 2 }, order: { id: 'x' }, replayed: false,
      effects: [
        { action: 'sendCustomsReminder', params: { trackingNumber: 'SF1' }, kind: 'customs.reminder', email: true },
        { action: 'requestRefund', params: {}, kind: 'refund.requested', email: false },
        // An action the version does not list as an effect is named by itself and not e-mailed.
        { action: 'notAnEffect', params: { p: 1 }, kind: 'notAnEffect', email: false },
      ],
      deadlines: [{ name: 'customsReminderAt', event: 'TIMER.CUSTOMS_REMINDER', dueAt: '2026-03-02T00:00:00.500Z' }],
    });
    expect(dryRun({ record, version, event: { type: 'E', payload: {} }, order: {} as never, effects: [], armed: [], replayed: true })).toMatchObject({ replayed: true, effects: [], deadlines: [] });
  });
});

describe('currentVersion', () => {
  it('is the last version; a definition without versions is refused, naming the machine', () => {
    const hosted = orderWithRenamedState();
    expect(currentVersion(hosted)).toBe(hosted.versions[1]);
    expect(() => currentVersion({ id: 'invoice', versions: [], migrations: [] })).toThrow('machine invoice has no version');
  });
});
