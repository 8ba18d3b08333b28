import { initialTransition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { createOrderMachine, explainRefusal, refusalOf, sampleOrder } from '../../machines/order/v2/index.ts';

// Version 2's refusal reasons, purely: the R15 reason for a supplier refund nobody owes. Through the
// API the check of the event against the order answers first (422, "owes no refund on this order"),
// so only a host calling `refusal` directly sees it.
const createdAt = Date.parse('2026-03-02T01:00:00Z');

describe('version 2 refusal reasons', () => {
  it('a supplier refund where no replaced supplier owes one names R15; where one is owed, no reason', () => {
    const machine = createOrderMachine();
    const [fresh] = initialTransition(machine, { ...sampleOrder({ id: 'P-1' }), createdAt });
    const event = { type: 'SUPPLIER_REFUNDED', supplierId: 'tmall-store-1', amount: 5500, receivedAt: createdAt };
    expect(refusalOf(fresh, event, createdAt)).toEqual({ reason: 'no replaced supplier owes a refund on this order (R15)', acceptedEvents: expect.any(Array) });
    const owing = machine.resolveState({
      value: { preShipment: { processing: 'awaitingShipment' } },
      context: { ...fresh.context, suppliers: [{ id: 'tmall-store-1', status: 'replaced', since: createdAt, replacedAt: createdAt, originalOrderRefund: 'owed' }, { id: 'alt-1', status: 'active', since: createdAt }] },
    });
    expect(explainRefusal(owing, event, [])).toBeUndefined();
  });
});
