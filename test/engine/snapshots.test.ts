import { initialTransition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { orderMachine } from '../../machines/order/index.ts';
import type { OrderInput } from '../../machines/order/v2/index.ts';
import { currentVersion } from '../../src/engine/hosted-machine.ts';
import { persist, restore, statePath, UnrestorableSnapshotError, versionOf } from '../../src/engine/snapshots.ts';

const input: OrderInput = {
  id: 'S-1', scope: 'domestic', sellerEmail: 's@shop.example', supplier: { id: 'sup' },
  items: [{ sku: 'a', quantity: 1, unitPrice: 100 }], currency: 'CNY', shipBy: '2026-03-04T00:00:00Z', createdAt: 0,
};

function stored() {
  const hosted = orderMachine();
  const version = currentVersion(hosted);
  return { hosted, version, snapshot: persist(hosted, version, initialTransition(version.machine, input)[0]) };
}

describe('restoring stored snapshots', () => {
  it('stamps a stored snapshot with its machine and version, and restores it on that version', () => {
    const { hosted, version, snapshot } = stored();
    expect(snapshot.machine).toEqual({ id: 'order', version: 2 });
    expect(versionOf(hosted, snapshot)).toBe(version);
    const restored = restore(version, snapshot);
    expect(statePath(restored.value)).toBe('preShipment.processing.awaitingShipment');
    expect(persist(hosted, version, restored)).toEqual(snapshot);
  });

  it('refuses a snapshot of another machine, or of a version this code does not have, naming both', () => {
    const { hosted, snapshot } = stored();
    const cases = [
      [{ id: 'order', version: 3 }, 'version 3 is newer than this code (it has order up to version 2)'],
      [{ id: 'invoice', version: 1 }, 'the snapshot belongs to machine invoice, this service hosts order'],
      [{ id: 'order', version: 0 }, 'version 0 is no longer in this code (it has 1, 2)'],
    ] as const;
    for (const [found, reason] of cases) {
      const attempt = () => versionOf(hosted, { ...snapshot, machine: found });
      expect(attempt, JSON.stringify(found)).toThrow(UnrestorableSnapshotError);
      expect(attempt).toThrow(`${found.id}@${found.version} in preShipment.processing.awaitingShipment: ${reason}`);
    }
  });

  it('refuses a state the version does not have, naming it', () => {
    const { version, snapshot } = stored();
    const attempt = () => restore(version, { ...snapshot, value: { preShipment: 'vanished' } });
    expect(attempt).toThrow(UnrestorableSnapshotError);
    expect(attempt).toThrow("order@2 in preShipment.vanished: version 2 cannot restore it: State 'vanished' does not exist on 'order.preShipment'");
  });
});

describe('statePath', () => {
  it('dots the path to the active leaf', () => {
    expect(statePath('refund')).toBe('refund');
    expect(statePath({ inTransit: { shipping: 'customsHold' } })).toBe('inTransit.shipping.customsHold');
    expect(statePath({ verification: {} })).toBe('verification');
  });
});
