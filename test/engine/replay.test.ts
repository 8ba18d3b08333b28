import { describe, expect, it } from 'vitest';
import { replayHistory } from '../../src/engine/replay.ts';
import { persist } from '../../src/engine/snapshots.ts';
import { DAY, testApp } from '../support/test-app.ts';
import { orderWithRenamedState } from '../support/versions/renamed-state-v2.ts';

describe('replayHistory: an order rebuilt from its history alone', () => {
  it('equals the stored snapshot: the creation, client events with their payload, timers at their firing time', async () => {
    const t = await testApp();
    await t.create({ id: 'R-1', scope: 'international' }); // v2: customs holds only international parcels
    await t.send('R-1', 'SUPPLIER_CONTACTED', { note: 'asked twice' });
    await t.send('R-1', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF1' });
    await t.send('R-1', 'CUSTOMS_HELD');
    await t.advance(4 * DAY); // a customs reminder fires; the next one is counted from its firing time
    const history = await t.store.history('R-1');
    expect(history.map((h) => h.source)).toEqual(['client', 'client', 'client', 'client', 'timer']);
    const { version, snapshot } = replayHistory(t.app.engine.machine, history);
    expect(version.version).toBe(2);
    expect(persist(t.app.engine.machine, version, snapshot)).toEqual((await t.store.getOrder('R-1'))!.snapshot);
    // Without the payload, or with the timer fired at another time, the rebuilt order differs: each part is used.
    const noPayload = history.map((h) => (h.type === 'SUPPLIER_CONTACTED' ? { ...h, payload: {} } : h));
    expect(replayHistory(t.app.engine.machine, noPayload).snapshot.context).not.toEqual(snapshot.context);
    const firedLater = history.map((h) => (h.source === 'timer' ? { ...h, at: h.at + DAY } : h));
    expect(replayHistory(t.app.engine.machine, firedLater).snapshot.context).not.toEqual(snapshot.context);
  });

  it('refuses a history that does not start with the creation', async () => {
    const t = await testApp();
    await t.create({ id: 'R-2' });
    await t.send('R-2', 'SUPPLIER_CONTACTED', { note: 'n' });
    const history = await t.store.history('R-2');
    expect(() => replayHistory(t.app.engine.machine, history.slice(1))).toThrow('history does not start with ORDER_CREATED');
    expect(() => replayHistory(t.app.engine.machine, [])).toThrow('history does not start with ORDER_CREATED');
  });

  it('refuses a row applied with a version this code lacks, or on another version with no migration recorded', async () => {
    const t = await testApp();
    await t.create({ id: 'R-3' });
    await t.send('R-3', 'SUPPLIER_CONTACTED', { note: 'n' });
    const history = await t.store.history('R-3');
    const hosted = t.app.engine.machine;
    expect(() => replayHistory(hosted, [{ ...history[0]!, machineVersion: 9 }, history[1]!])).toThrow('history #1 (ORDER_CREATED) was applied with order@9, which this code does not have');
    const twoVersions = orderWithRenamedState();
    expect(() => replayHistory(twoVersions, [{ ...history[0]!, machineVersion: 1 }, { ...history[1]!, machineVersion: 2 }])).toThrow(
      'history #2 (SUPPLIER_CONTACTED) ran on version 2, but no migration to it was recorded',
    );
  });
});
