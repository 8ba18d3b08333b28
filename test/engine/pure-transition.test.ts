import { initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { orderMachine } from '../../machines/order/index.ts';
import type { OrderEvent } from '../../machines/order/v2/index.ts';
import { currentVersion } from '../../src/engine/hosted-machine.ts';
import { createPureTransition } from '../../src/engine/pure-transition.ts';
import { persist } from '../../src/engine/snapshots.ts';

const input = {
  id: 'P', scope: 'domestic' as const, sellerEmail: 's@shop.example', supplier: { id: 'sup' },
  items: [{ sku: 'a', quantity: 2, unitPrice: 500 }], currency: 'CNY', shipBy: '2026-03-04T00:00:00Z', createdAt: Date.parse('2026-03-02T00:00:00Z'),
};
const at = (n: number) => Date.parse('2026-03-02T00:00:00Z') + n * 3_600_000;
const events: OrderEvent[] = [
  { type: 'TIMER.EXPEDITE', dueAt: at(1), receivedAt: at(1) },
  { type: 'CANCEL_REQUESTED', reason: 'wrong_address', receivedAt: at(2) },
  { type: 'INTERCEPT_FAILED', receivedAt: at(3) },
  { type: 'SHIPPED', carrier: 'SF', trackingNumber: '1', receivedAt: at(4) },
  { type: 'PARCEL_LOST', receivedAt: at(5) },
  { type: 'DELIVERED', receivedAt: at(7) },
  { type: 'ISSUE_REPORTED', kind: 'damaged', items: [{ sku: 'a', quantity: 1 }], receivedAt: at(8) },
  { type: 'EVIDENCE_SUBMITTED', media: [{ kind: 'photo', url: 'https://x.example/1.jpg' }], receivedAt: at(9) },
  { type: 'VERIFICATION_APPROVED', receivedAt: at(10) },
  { type: 'REQUEST_REFUND', receivedAt: at(11) },
  { type: 'REFUND_ISSUED', amount: 500, receivedAt: at(12) },
  { type: 'TIMER.PROTECTION_ENDED', dueAt: at(13), receivedAt: at(13) },
];

describe('the engine transition with a reused scope', () => {
  it('gives the same snapshots and actions as xstate transition()', () => {
    const hosted = orderMachine();
    const version = currentVersion(hosted);
    const { machine } = version;
    const fast = createPureTransition(machine);
    let [a] = initialTransition(machine, input);
    let b = a;
    for (const event of events) {
      const [na, actionsA] = transition(machine, a, event);
      const [nb, actionsB] = fast(b, event);
      expect(persist(hosted, version, nb)).toEqual(persist(hosted, version, na));
      expect(actionsB.map((x) => [x.type, x.params])).toEqual(actionsA.map((x) => [x.type, x.params]));
      a = na;
      b = nb;
    }
    // R11: the refund of the claimed item returns the order to its protection window, which then ends it.
    expect(b.value).toBe('completed');
  });
});
