import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import { orderMachine } from '../../machines/order/index.ts';
import { listFlags, listFlagsV1, listFlagsV2 } from '../../machines/order/list-flags.ts';
import { sampleOrder } from '../../machines/order/v1/sample-order.ts';
import * as v2 from '../../machines/order/v2/index.ts';
import { viewLists } from '../../machines/order/view-lists.ts';
import { persist } from '../../src/engine/snapshots.ts';

// The order machine as the host serves it (machines/order/index.ts): its versions, the deployment's
// deadline defaults each version records, the migration between them, and what the host lists
// orders by (list flags) and shows bounded (view lists). Pure: no store, no API.

/** A snapshot as far as the list flags read it: its status and its suppliers. */
const snapshotWith = (status: 'active' | 'done', suppliers: Record<string, unknown>[]) => ({ status, context: { suppliers } }) as unknown as AnyMachineSnapshot;
const active = { id: 'sup-2', status: 'active' };
const owed = { id: 'sup-1', status: 'replaced', originalOrderRefund: 'owed' };
const settled = { id: 'sup-0', status: 'replaced', originalOrderRefund: 'settled' };

describe('the hosted order machine', () => {
  it('serves versions 1 and 2, oldest first, each with its own list flags, under the id order', () => {
    const order = orderMachine();
    expect(order.id).toBe('order');
    expect(order.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(order.versions.map((v) => v.listFlags)).toEqual([listFlagsV1, listFlagsV2]);
    expect(order.listFlags).toBe(listFlags);
    expect(order.viewLists).toBe(viewLists);
    expect(order.migrations.map((m) => [m.from, m.to])).toEqual([[1, 2]]);
  });

  it("records the deployment's defaults with each new order, version 1 without version 2's new deadlines", () => {
    const body = sampleOrder({ id: 'P-1' });
    const policy = { expediteAfterDays: 1, customsEscalateAfterDays: 20, supplierRefundRemindDays: 9 };
    const [v1, v2] = orderMachine({ policy }).versions;
    expect(v1!.creationRecord(body as never)).toEqual({ ...body, policyDefaults: { expediteAfterDays: 1 } });
    expect(v2!.creationRecord(body as never)).toEqual({ ...body, policyDefaults: policy });
    // Only version 2's deadlines set: version 1 records no defaults at all.
    const [onlyNew] = orderMachine({ policy: { customsEscalateAfterDays: 20, supplierRefundRemindDays: 9 } }).versions;
    expect(onlyNew!.creationRecord(body as never)).toEqual(body);
    const [none] = orderMachine().versions;
    expect(none!.creationRecord(body as never)).toEqual(body);
  });

  it("migrates a version-1 order with the deployment's defaults of version 2's new deadlines", () => {
    const hosted = orderMachine({ policy: { customsEscalateAfterDays: 20, supplierRefundRemindDays: 9 } });
    const v1 = hosted.versions[0]!;
    const createdAt = Date.parse('2026-03-02T00:00:00Z');
    const [created] = initialTransition(v1.machine, { ...sampleOrder({ id: 'M-1', shipBy: '2026-03-04T00:00:00Z' }), createdAt } as never);
    const [switched] = transition(v1.machine, created, { type: 'SWITCH_SUPPLIER', supplier: { id: 'alt-1' }, receivedAt: createdAt + 1000 } as never);
    const migrated = hosted.migrations[0]!.migrate(persist(hosted, v1, switched));
    const context = migrated.context as { policy: Record<string, number>; deadlines: Record<string, number> };
    expect(context.policy).toMatchObject({ customsEscalateAfterDays: 20, supplierRefundRemindDays: 9 });
    // R15: the owed refund of the replaced supplier is reminded of after the deployment's 9 days.
    expect(context.deadlines.supplierRefundRemindAt).toBe(createdAt + 1000 + 9 * 86_400_000);
  });
});

describe('the list flag supplierRefundOwed', () => {
  it('version 1: an open order with a replaced supplier owing its refund, wherever it is in the list', () => {
    expect(listFlagsV1(snapshotWith('active', [owed, active]))).toEqual(['supplierRefundOwed']);
    expect(listFlagsV1(snapshotWith('active', [settled, owed, active]))).toEqual(['supplierRefundOwed']);
    expect(listFlagsV1(snapshotWith('active', [settled, active]))).toEqual([]);
    expect(listFlagsV1(snapshotWith('active', [active]))).toEqual([]);
    // Ended on version 1 with the refund still owed: not listed (no event can settle it there).
    expect(listFlagsV1(snapshotWith('done', [owed, active]))).toEqual([]);
  });

  it('version 2: an open order with an owed supplier refund, until it is settled', () => {
    expect(listFlagsV2(snapshotWith('active', [owed, active]))).toEqual(['supplierRefundOwed']);
    expect(listFlagsV2(snapshotWith('active', [settled, owed, active]))).toEqual(['supplierRefundOwed']);
    expect(listFlagsV2(snapshotWith('active', [settled, active]))).toEqual([]);
    expect(listFlagsV2(snapshotWith('done', [owed, active]))).toEqual([]);
  });
});

describe("the view's lists", () => {
  it('keep in view the current supplier and every supplier still owing a refund, not those settled', () => {
    const keep = viewLists.suppliers.keep;
    expect([active, owed, settled, { id: 'sup-9', status: 'replaced' }].map(keep)).toEqual([true, true, false, false]);
  });

  it("each names a list in version 2's order view, through every claim for the evidence", () => {
    const createdAt = Date.parse('2026-03-02T00:00:00Z');
    let [s]: [AnyMachineSnapshot, unknown] = initialTransition(v2.createOrderMachine(), { ...v2.sampleOrder({ id: 'L-1' }), createdAt });
    const events = [
      { type: 'SWITCH_SUPPLIER', supplier: { id: 'alt-1' } },
      { type: 'SHIPPED', carrier: 'SF', trackingNumber: 'SF1' },
      { type: 'DELIVERED' },
      { type: 'ISSUE_REPORTED', kind: 'damaged', items: [{ sku: 'plate', quantity: 1 }] },
      { type: 'EVIDENCE_SUBMITTED', media: [{ kind: 'photo', url: 'https://img.example/1.jpg' }] },
    ];
    events.forEach((event, i) => ([s] = transition(v2.createOrderMachine(), s as never, { ...event, receivedAt: createdAt + i + 1 } as never)));
    const view = v2.orderView(s, v2.armedDeadlines(s)) as unknown as Record<string, unknown>;
    const follow = (at: unknown, path: readonly string[]): unknown[] => {
      if (path.length === 0) return [at];
      const [head, ...rest] = path;
      if (head === '*') return (at as unknown[]).flatMap((entry) => follow(entry, rest));
      return follow((at as Record<string, unknown>)[head!], rest);
    };
    for (const [name, list] of Object.entries(viewLists)) {
      const found = follow(view, list.path);
      expect(found.length, name).toBeGreaterThan(0);
      for (const f of found) expect(Array.isArray(f), `${name}: ${list.path.join('.')}`).toBe(true);
    }
    expect(follow(view, viewLists['claims/{claim}/evidence'].path)).toEqual([[expect.objectContaining({ url: 'https://img.example/1.jpg' })]]);
    expect(follow(view, viewLists.suppliers.path)[0]).toHaveLength(2);
  });
});
