import { describe, expect, it } from 'vitest';
import { orderMachine } from '../../machines/order/index.ts';
import type { MachineVersion } from '../../src/engine/hosted-machine.ts';
import { proveEveryMigration } from '../support/migration-proof.ts';
import { orderWithRenamedState, renameStockProblem } from '../support/versions/renamed-state-v2.ts';

describe('the migration proof, from the old version\'s graph', () => {
  it('holds for every pair of consecutive versions of the order machine', () => {
    const order = orderMachine();
    const reports = proveEveryMigration(order);
    // One report per pair: version 1 to 2 (issue 12).
    expect(reports).toHaveLength(order.versions.length - 1);
    for (const r of reports) {
      expect(r.failures).toEqual([]);
      expect(r.proven).toBe(Object.values(r.states).reduce((a, b) => a + b, 0));
    }
    // Exact counts for 1→2, like the path counts: every abstract state of version 1's graph, and the events each then takes on version 2.
    expect(reports[0]).toMatchObject({ from: 1, to: 2, states: { domestic: 73, international: 49, 'switch-first': 12 }, proven: 134, eventsTaken: 329 });
  });

  it('holds for a version 2 that renames a state, with the migration that renames it', () => {
    const [report] = proveEveryMigration(orderWithRenamedState());
    expect(report!.failures).toEqual([]);
    // Exact counts, like the path counts: a change of the model or the machine shows here in review.
    expect(report!.states).toEqual({ domestic: 73, international: 49, 'switch-first': 12 });
    expect(report!.proven).toBe(134);
    expect(report!.eventsTaken).toBe(311);
  });

  it('fails when the migration forgets the renamed state, naming each state it cannot restore', () => {
    const [report] = proveEveryMigration(orderWithRenamedState({ migration: { ...renameStockProblem, migrate: (s) => s } }));
    // The state itself (three variants), and an interception that would return to it (a history-state reference).
    expect(report!.failures).toHaveLength(5);
    expect(report!.failures.every((f) => /stockProblem/.test(f) && /does not restore/.test(f))).toBe(true);
    expect(report!.failures.filter((f) => /"returnsTo":"order.preShipment.processing.stockProblem"/.test(f))).toHaveLength(2);
    expect(report!.proven).toBe(129);
  });

  it('fails when the migration loses money, when the new version arms a deadline its table lacks, or accepts what it does not take', () => {
    const losesRefunds = { ...renameStockProblem, migrate: (s: Parameters<typeof renameStockProblem.migrate>[0]) => {
      const migrated = renameStockProblem.migrate(s);
      return { ...migrated, context: { ...(migrated.context as object), refunds: [] } };
    } };
    const money = proveEveryMigration(orderWithRenamedState({ migration: losesRefunds }))[0]!;
    expect(money.failures.some((f) => /amounts changed/.test(f))).toBe(true);

    const noResolutionDeadline = (v2: MachineVersion): MachineVersion => {
      const { resolutionDueAt: _dropped, ...deadlines } = v2.deadlines;
      return { ...v2, deadlines };
    };
    const deadlines = proveEveryMigration(orderWithRenamedState({ change: noResolutionDeadline }))[0]!;
    expect(deadlines.failures.some((f) => /arms resolutionDueAt \(TIMER.RESOLUTION_DUE\), which version 2's deadline table does not have/.test(f))).toBe(true);

    const claimsShipped = (v2: MachineVersion): MachineVersion => ({ ...v2, acceptedEvents: (s, at) => [...new Set([...v2.acceptedEvents(s, at), 'SHIPPED'])] });
    const events = proveEveryMigration(orderWithRenamedState({ change: claimsShipped }))[0]!;
    expect(events.failures.some((f) => /accepts \[.*SHIPPED.*\] but takes/.test(f))).toBe(true);
  });
});
