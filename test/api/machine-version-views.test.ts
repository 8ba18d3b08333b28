import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { censusSchema, versionChangesSchema, versionListSchema } from '../../src/http/machine-versions-openapi.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { testApp } from '../support/test-app.ts';
import { ticketMachine } from '../support/versions/ticket-machine.ts';
import { orderWithRenamedState } from '../support/versions/renamed-state-v2.ts';

// The version views: each version's diagram, what a version changes of the one before, the
// migration map between them, and the stored orders per version and state, before and after a
// migration. Generic over the hosted machine: shown on a two-version ticket machine, on the order
// machine with a test-only version 2, and on the order machine as it ships (version 1 alone).

describe('a hosted machine with two versions (the ticket machine)', () => {
  async function ticketsOnVersion1() {
    const store = createSqliteStore(new Database(':memory:'));
    const v1 = await testApp({ store, machine: ticketMachine(1) });
    for (const id of ['T-1', 'T-2', 'T-3']) expect((await v1.call('POST', '/orders', { id })).status).toBe(201);
    for (const id of ['T-2', 'T-3']) expect((await v1.send(id, 'GO')).status).toBe(200);
    // The next release has version 2; the orders stay on version 1 until they are migrated.
    return testApp({ store, machine: ticketMachine(2) });
  }

  it('lists the versions and draws each one', async () => {
    const t = await ticketsOnVersion1();
    const list = await t.call('GET', '/machines/ticket/versions');
    expect(list.body).toEqual({
      id: 'ticket',
      current: 2,
      versions: [
        { version: 1, fingerprint: 'test-only', clientEvents: 2, deadlines: 0 },
        { version: 2, fingerprint: 'test-only', clientEvents: 4, deadlines: 0 },
      ],
      migrations: [{ from: 1, to: 2 }],
    });
    expect(versionListSchema.strict().parse(list.body)).toEqual(list.body);
    const doc = (await t.call('GET', '/openapi.json')).body;
    for (const path of ['/machines/ticket/versions', '/machines/ticket/versions/{version}', '/machines/ticket/versions/{version}/changes', '/machines/ticket/census']) {
      expect(Object.keys(doc.paths[path] ?? {}), path).toEqual(['get']);
    }
    expect(doc.paths['/machines/ticket/versions/{version}'].get.parameters).toContainEqual(expect.objectContaining({ name: 'version', in: 'path', required: true }));
    expect((await t.call('GET', '/machines')).body).toEqual({ machines: [{ id: 'ticket', current: 2, versions: [1, 2] }] });
    const keys = async (v: number) => (await t.call('GET', `/machines/ticket/versions/${v}`)).body.root.states.map((s: { key: string }) => s.key);
    expect(await keys(1)).toEqual(['open', 'working', 'closed']);
    expect(await keys(2)).toEqual(['open', 'busy', 'paused', 'closed']);
    expect((await t.call('GET', '/machines/ticket/versions/2')).body).toEqual((await t.call('GET', '/machines/ticket')).body);
    for (const missing of ['3', '0', 'v1', '1.5']) {
      const res = await t.call('GET', `/machines/ticket/versions/${missing}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('says what version 2 adds, removes and renames, and maps the states of version 1 to those of version 2', async () => {
    const t = await ticketsOnVersion1();
    const res = await t.call('GET', '/machines/ticket/versions/2/changes');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      from: 1,
      to: 2,
      states: { added: ['paused'], removed: [], renamed: [{ from: 'working', to: 'busy' }] },
      events: { added: ['PAUSE', 'RESUME'], removed: [], renamed: [{ from: 'GO', to: 'START' }] },
      transitions: {
        added: [
          { source: 'busy', event: 'PAUSE', guard: null, targets: ['paused'] },
          { source: 'paused', event: 'RESUME', guard: null, targets: ['busy'] },
        ],
        removed: [],
      },
      deadlines: { added: [], removed: [] },
      migration: [
        { from: 'open', to: ['open'], by: 'state' },
        { from: 'working', to: ['busy'], by: 'state' },
        { from: 'closed', to: ['closed'], by: 'state' },
      ],
    });
    expect(versionChangesSchema.strict().parse(res.body)).toEqual(res.body);
    const first = await t.call('GET', '/machines/ticket/versions/1/changes');
    expect(first.status).toBe(404);
    expect(first.body.detail).toContain('first version');
  });

  it('counts the orders of each version per state, and where the migration would put them', async () => {
    const t = await ticketsOnVersion1();
    const census = await t.call('GET', '/machines/ticket/census');
    expect(censusSchema.strict().parse(census.body)).toEqual(census.body);
    expect(census.body).toEqual({
      machine: 'ticket',
      newest: 2,
      total: 3,
      versions: [
        { version: 1, known: true, total: 3, states: [{ state: 'open', count: 1 }, { state: 'working', count: 2 }] },
        { version: 2, known: true, total: 0, states: [] },
      ],
      afterMigration: {
        version: 2,
        states: [
          { state: 'busy', count: 2, from: [{ version: 1, state: 'working', count: 2 }] },
          { state: 'open', count: 1, from: [{ version: 1, state: 'open', count: 1 }] },
        ],
        uncertain: [],
        unmigratable: [],
      },
    });
  });

  it('the census is the API\'s data: behind the API tokens when they are set', async () => {
    const t = await testApp({ machine: ticketMachine(2), apiTokens: ['secret'] });
    expect((await t.call('GET', '/machines/ticket/census')).status).toBe(401);
    expect((await t.call('GET', '/machines/ticket/census', undefined, { authorization: 'Bearer secret' })).status).toBe(200);
    expect((await t.call('GET', '/machines/ticket/versions/2/changes')).status).toBe(200);
  });
});

describe('the order machine', () => {
  it('as it ships, with version 2 (issue 12): what version 2 adds, and its orders counted per state', async () => {
    const t = await testApp();
    await t.create({ id: 'O-1' });
    await t.create({ id: 'O-2' });
    await t.send('O-2', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF-2' });
    expect((await t.call('GET', '/machines/order/versions')).body).toMatchObject({ id: 'order', current: 2, versions: [{ version: 1 }, { version: 2 }] });
    expect((await t.call('GET', '/machines/order/versions/2')).body).toEqual((await t.call('GET', '/machines/order')).body);
    const changes = (await t.call('GET', '/machines/order/versions/2/changes')).body;
    expect(changes.states.added).toEqual(expect.arrayContaining(['inTransit.shipping.customsEscalated', 'inTransit.shipping.lost', 'verification.rejected']));
    expect(changes.states.removed).toEqual([]);
    expect(changes.events.added).toEqual(expect.arrayContaining(['PARCEL_LOST', 'SUPPLIER_REFUNDED']));
    // Version 2 keeps every state of version 1 under its name.
    for (const entry of changes.migration) expect(entry.to).toEqual([entry.from]);
    const census = (await t.call('GET', '/machines/order/census')).body;
    expect(census.versions).toContainEqual({ version: 2, known: true, total: 2, states: [{ state: 'inTransit.shipping.onTheWay', count: 1 }, { state: 'preShipment.processing.awaitingShipment', count: 1 }] });
  });

  it('with a version 2 that renames a state: the rename is found from the migration, over every state the model reaches', async () => {
    const t = await testApp({ machine: orderWithRenamedState() });
    const changes = (await t.call('GET', '/machines/order/versions/2/changes')).body;
    expect(changes.states).toEqual({ added: [], removed: [], renamed: [{ from: 'preShipment.processing.stockProblem', to: 'preShipment.processing.stockShortage' }] });
    expect(changes.events).toEqual({ added: [], removed: [], renamed: [] });
    expect(changes.transitions).toEqual({ added: [], removed: [] });
    expect(changes.migration).toContainEqual({ from: 'preShipment.processing.stockProblem', to: ['preShipment.processing.stockShortage'], by: 'model' });
    // Every other state keeps its name; the model reaches most of them with real orders.
    for (const entry of changes.migration) if (entry.from !== 'preShipment.processing.stockProblem') expect(entry.to).toEqual([entry.from]);
    expect(changes.migration.filter((m: { by: string }) => m.by === 'model').length).toBeGreaterThan(15);
  });
});
