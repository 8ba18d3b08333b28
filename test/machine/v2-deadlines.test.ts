import type { AnyMachineSnapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import { armedDeadlines, statePath, type OrderContext } from '../../machines/order/v2/index.ts';
import { walk, type Step } from '../support/v2-walk.ts';

// Version 2's armed deadlines, purely: which due times the order's state arms, in the order they fall due.
const run = (steps: Step[]) => walk(steps, { order: { id: 'D-1' } }).snapshot;

const names = (snapshot: AnyMachineSnapshot) => armedDeadlines(snapshot).map((d) => [d.name, d.event]);

describe('version 2: armed deadlines', () => {
  it('before shipment: expedite, then the supplier switch, in the order they fall due', () => {
    expect(armedDeadlines(run([]))).toEqual([
      { name: 'expediteAt', dueAt: Date.parse('2026-03-06T00:00:00Z'), event: 'TIMER.EXPEDITE' },
      { name: 'switchSupplierAt', dueAt: Date.parse('2026-03-08T00:00:00Z'), event: 'TIMER.SWITCH_SUPPLIER' },
    ]);
  });

  it('a missed resolution deadline is not armed again, but the protection window after the refund is', () => {
    const approved: Step[] = [
      { type: 'SHIPPED', carrier: 'SF', trackingNumber: 'SF1' },
      { type: 'DELIVERED' },
      { type: 'ISSUE_REPORTED', kind: 'damaged', items: [{ sku: 'plate', quantity: 1 }] },
      { type: 'EVIDENCE_SUBMITTED', media: [{ kind: 'photo', url: 'https://img.example/1.jpg' }] },
      { type: 'VERIFICATION_APPROVED' },
    ];
    const due = (run(approved).context as OrderContext).deadlines.resolutionDueAt!;
    expect(names(run(approved))).toEqual([['resolutionDueAt', 'TIMER.RESOLUTION_DUE']]);
    const missed = [...approved, { type: 'TIMER.RESOLUTION_DUE', dueAt: due, receivedAt: due }];
    const escalated = run(missed);
    expect((escalated.context as OrderContext).escalatedAt).toBe(due);
    expect(names(escalated)).toEqual([]);
    const requested = run([...missed, { type: 'REQUEST_REFUND', receivedAt: due + 1 }]);
    expect(names(requested)).toEqual([]);
    // Paid: back in the protection window, which arms its end although the claim's deadline escalated.
    const refunded = run([...missed, { type: 'REQUEST_REFUND', receivedAt: due + 1 }, { type: 'REFUND_ISSUED', amount: 3000, receivedAt: due + 2 }]);
    expect(refunded.value).toBe('delivered');
    expect(names(refunded)).toEqual([['protectionEndsAt', 'TIMER.PROTECTION_ENDED']]);
  });
});

describe('version 2: the dotted state path the model paths name states by', () => {
  it('is the active leaf under its parents, as the API shows the state', () => {
    expect(statePath('refunded')).toBe('refunded');
    expect(statePath({ inTransit: { shipping: 'customsHold' } })).toBe('inTransit.shipping.customsHold');
    expect(statePath({ preShipment: 'intercepting' })).toBe('preShipment.intercepting');
    expect(statePath(run([{ type: 'STOCK_UNAVAILABLE' }]).value)).toBe('preShipment.processing.stockUnavailable');
    // A parent whose child has no active state of its own is named alone.
    expect(statePath({ delivered: {} })).toBe('delivered');
  });
});
