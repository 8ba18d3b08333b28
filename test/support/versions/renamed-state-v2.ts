import { createMachine, type AnyStateMachine, type StateValue } from 'xstate';
import { orderMachine } from '../../../machines/order/index.ts';
import type { HostedMachine, MachineVersion, Migration, PersistedSnapshot } from '../../../src/engine/hosted-machine.ts';

/**
 * A test-only second version of the order machine, to show that the migration proof and the
 * migrator work (and fail) before a real version 2 exists: version 1 with the state
 * `preShipment.processing.stockProblem` renamed `stockShortage`, and the migration that renames it
 * in stored snapshots. Nothing under src/ or machines/ knows it.
 */
const FROM = 'stockProblem';
const TO = 'stockShortage';

/** A copy of a machine config with the state renamed: its key, and every transition that targets it. */
function renamed(config: unknown): unknown {
  if (Array.isArray(config)) return config.map(renamed);
  if (!config || typeof config !== 'object') return config;
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => [key === FROM ? TO : key, key === 'target' && value === FROM ? TO : renamed(value)]),
  );
}

const renameValue = (value: StateValue): StateValue =>
  typeof value === 'string' ? (value === FROM ? TO : value) : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renameValue(v as StateValue)]));

/** The migration from version 1: the state's new name in the value and in the history-state references. */
export const renameStockProblem: Migration = {
  from: 1,
  to: 2,
  migrate: (s: PersistedSnapshot) => ({
    ...s,
    value: renameValue(s.value),
    historyValue: Object.fromEntries(Object.entries(s.historyValue).map(([k, nodes]) => [k, nodes.map((n) => ({ id: n.id.replace(`.${FROM}`, `.${TO}`) }))])),
  }),
};

/** Version 2 built from a version 1; `change` alters it further (to make the proof fail on purpose). */
export function renamedStateV2(v1: MachineVersion, change: (v2: MachineVersion) => MachineVersion = (v) => v): MachineVersion {
  const machine = createMachine(renamed(v1.machine.config) as never, v1.machine.implementations as never) as unknown as AnyStateMachine;
  return change({ ...v1, version: 2, machine, fingerprint: 'test-only' });
}

/** The order machine as the first release served it: version 1 only (a store written by it, for the migration tests). */
export function orderVersion1Only(policy?: Record<string, number>): HostedMachine {
  const order = orderMachine(policy ? { policy } : {});
  return { id: order.id, versions: [order.versions[0]!], migrations: [] };
}

/** The order machine with version 1 and this version 2; `migration` and `change` default to the correct ones. */
export function orderWithRenamedState({ migration = renameStockProblem, change, policy }: { migration?: Migration; change?: (v2: MachineVersion) => MachineVersion; policy?: Record<string, number> } = {}): HostedMachine {
  const order = orderMachine(policy ? { policy } : {});
  const v1 = order.versions[0]!;
  return { id: order.id, versions: [v1, renamedStateV2(v1, change)], migrations: [migration] };
}
