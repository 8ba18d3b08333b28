import { initialTransition, type AnyMachineSnapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import { orderMachine } from '../../machines/order/index.ts';
import type { OrderInput } from '../../machines/order/v2/index.ts';
import { currentVersion } from '../../src/engine/hosted-machine.ts';
import { persist, restore, statePath, UnrestorableSnapshotError, versionOf } from '../../src/engine/snapshots.ts';
import { shortestGraphPaths } from '../../src/model/paths.ts';

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

  it('restores what resolveState answers, for every state of the model of each version (final and history states included)', () => {
    const hosted = orderMachine();
    const parts = (s: AnyMachineSnapshot) => {
      const { status, value, _nodes, tags, context, historyValue, children, output, error, machine } = s as AnyMachineSnapshot & { _nodes: unknown };
      return { status, value, _nodes, tags, context, historyValue, children, output, error, machine };
    };
    for (const version of hosted.versions) {
      const reached = shortestGraphPaths(version).flatMap((p) => [p.start, ...p.steps.map((s) => s.state)]);
      expect(reached.some((s) => s.status === 'done')).toBe(true);
      expect(reached.some((s) => Object.keys(s.historyValue).length > 0)).toBe(true);
      for (const snapshot of reached) {
        const stored = JSON.parse(JSON.stringify(persist(hosted, version, snapshot)));
        const historyValue = Object.fromEntries(
          Object.entries(stored.historyValue as Record<string, { id: string }[]>).map(([k, nodes]) => [k, nodes.map((n) => version.machine.getStateNodeById(n.id))]),
        );
        // As stored, and stored as active (a final state is done whatever the row says, as resolveState decides).
        for (const status of [stored.status, 'active']) {
          const resolved = version.machine.resolveState({ value: stored.value, context: stored.context, status, historyValue } as never);
          // Twice: the second comes from the structure the first computed.
          for (let i = 0; i < 2; i++) expect(parts(restore(version, { ...stored, status })), `v${version.version} ${statePath(snapshot.value)}`).toEqual(parts(resolved));
        }
      }
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
