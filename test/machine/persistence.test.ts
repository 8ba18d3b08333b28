import { initialTransition } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  MACHINE_VERSION,
  UnknownMachineVersionError,
  createOrderMachine,
  migrations,
  persist,
  restore,
  statePath,
  type OrderInput,
  type PersistedOrder,
} from '../../machines/order/index.ts';

const input: OrderInput = {
  id: 'S-1', scope: 'domestic', sellerEmail: 's@shop.example', supplier: { id: 'sup' },
  items: [{ sku: 'a', quantity: 1, unitPrice: 100 }], currency: 'CNY', shipBy: '2026-03-04T00:00:00Z', createdAt: 0,
};

function stored() {
  const machine = createOrderMachine();
  return { machine, snapshot: persist(machine, initialTransition(machine, input)[0]) };
}

describe('restoring stored snapshots', () => {
  it('refuses a snapshot of another machine, or of a version it cannot migrate, naming both', () => {
    const { machine, snapshot } = stored();
    for (const found of [{ id: 'order', version: MACHINE_VERSION + 1 }, { id: 'invoice', version: MACHINE_VERSION }, { id: 'order', version: 0 }, { id: 'invoice', version: 0 }]) {
      const attempt = () => restore(machine, { ...snapshot, machine: found });
      expect(attempt, JSON.stringify(found)).toThrow(UnknownMachineVersionError);
      expect(attempt).toThrow(`stored snapshot of machine ${found.id}@${found.version} cannot be migrated to order@${MACHINE_VERSION}`);
    }
  });

  it('migrates an older snapshot step by step before restoring it', () => {
    const { machine, snapshot } = stored();
    const old: PersistedOrder = { ...snapshot, machine: { id: 'order', version: 0 }, context: { ...snapshot.context, sellerEmail: 'old@shop.example' } };
    migrations[0] = (o) => ({ ...o, machine: { id: 'order', version: 1 }, context: { ...o.context, sellerEmail: o.context.sellerEmail.replace('old', 'new') } });
    try {
      const restored = restore(machine, old);
      expect(restored.context.sellerEmail).toBe('new@shop.example');
      expect(statePath(restored.value)).toBe('preShipment.processing.awaitingShipment');
      // A migration of this machine's snapshots does not make another machine's restorable.
      expect(() => restore(machine, { ...old, machine: { id: 'invoice', version: 0 } })).toThrow(UnknownMachineVersionError);
    } finally {
      delete migrations[0];
    }
  });
});

describe('statePath', () => {
  it('dots the path to the active leaf', () => {
    expect(statePath('refund')).toBe('refund');
    expect(statePath({ inTransit: { shipping: 'customsHold' } })).toBe('inTransit.shipping.customsHold');
    expect(statePath({ verification: {} })).toBe('verification');
  });
});
