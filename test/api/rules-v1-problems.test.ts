import { describe, expect, it } from 'vitest';
import { DAY, type TestApp } from '../support/test-app.ts';
import { testAppV1 as testApp } from '../support/v1-app.ts';

// Version 1 through the API, on a host that serves version 1 only (test/support/v1-app.ts): version 1
// is frozen but still runs the orders pinned to it, so its rules keep their tests. These are the tests
// of version 1 as they stood before version 2 became the default (b1eab33^), unchanged but for the host.

// The problem a seller sees on an order in each state that has one (the seed's rules R1-R9), word
// for word: it is what the seller acts on, so a changed title or recommendation is a change of
// the API. States without a problem show `null`.

// The clock starts 2026-03-02T01:00Z; shipBy is 03-04, so expediting falls due on 03-06, the switch on 03-08.
type Step = [type: string, payload?: unknown] | ['ADVANCE', number];

const toDispute: Step[] = [['SHIPPED', { carrier: 'SF', trackingNumber: '1' }], ['DELIVERED'], ['ISSUE_REPORTED', { kind: 'wrong_item' }]];
const toPlatform: Step[] = [...toDispute, ['EVIDENCE_SUBMITTED', { media: [{ kind: 'photo', url: 'https://img.example/1.jpg' }] }]];

const expected: [state: string, waitsOn: string, steps: Step[], problem: Record<string, unknown> | null][] = [
  ['preShipment.processing.awaitingShipment', 'supplier', [], null],
  ['preShipment.processing.expediting', 'supplier', [['ADVANCE', 4 * DAY]], {
    code: 'shipment_overdue', rule: 'R3', title: 'Shipment is 2 days overdue',
    recommendedAction: 'Contact the supplier at once to expedite the shipment.', recommendedEvents: ['SUPPLIER_CONTACTED', 'SHIPPED'],
  }],
  ['preShipment.processing.stockProblem', 'seller', [['ADVANCE', 6 * DAY]], {
    code: 'stock_problem', rule: 'R4', title: 'Shipment is 4 days overdue: a deeper stock problem',
    recommendedAction: 'Switch to an alternative supplier, or request a refund.', recommendedEvents: ['SWITCH_SUPPLIER', 'REQUEST_REFUND'],
  }],
  ['preShipment.processing.stockUnavailable', 'seller', [['STOCK_UNAVAILABLE']], {
    code: 'stock_unavailable', rule: 'R1', title: 'No stock available',
    recommendedAction: 'Request a refund, or reorder from an alternative supplier (the original order is then refunded).', recommendedEvents: ['REQUEST_REFUND', 'SWITCH_SUPPLIER'],
  }],
  ['preShipment.processing.oversized', 'seller', [['ITEM_OVERSIZED']], {
    code: 'item_oversized', rule: 'R2', title: 'Item is oversized or overweight', recommendedAction: 'Request a refund.', recommendedEvents: ['REQUEST_REFUND'],
  }],
  ['preShipment.processing.supplierUnresponsive', 'seller', [['SUPPLIER_UNRESPONSIVE']], {
    code: 'supplier_unresponsive', rule: 'R5', title: 'Supplier does not respond', recommendedAction: 'Request a refund.', recommendedEvents: ['REQUEST_REFUND'],
  }],
  ['preShipment.intercepting', 'supplier', [['CANCEL_REQUESTED', { reason: 'customer_cancelled' }]], {
    code: 'interception_pending', rule: 'R9', title: 'Cancellation or wrong address on a domestic order: interception under way',
    recommendedAction: 'Report whether the supplier or carrier intercepted the order; a successful interception is refunded.', recommendedEvents: ['INTERCEPT_SUCCEEDED', 'INTERCEPT_FAILED'],
  }],
  ['inTransit.shipping.onTheWay', 'carrier', [['SHIPPED', { carrier: 'SF', trackingNumber: '1' }]], null],
  ['inTransit.shipping.customsHold', 'customs', [['SHIPPED', { carrier: 'SF', trackingNumber: '1' }], ['CUSTOMS_HELD']], {
    code: 'customs_hold', rule: 'R6', title: 'Parcel held in customs',
    recommendedAction: 'Inform the buyer about customs clearance; reminders go to your registered e-mail while the parcel is held.', recommendedEvents: ['CUSTOMS_CLEARED', 'DELIVERED'],
  }],
  ['delivered', 'buyer', toDispute.slice(0, 2), null],
  ['dispute', 'buyer', toDispute, {
    code: 'evidence_needed', rule: 'R7', title: 'Buyer reported wrong, missing or damaged items',
    recommendedAction: 'Collect photo or video evidence from the buyer and submit it for verification.', recommendedEvents: ['EVIDENCE_SUBMITTED'],
  }],
  ['verification.awaitingPlatform', 'platform', toPlatform, {
    code: 'verification_pending', rule: 'R7', title: 'The platform is verifying the evidence',
    recommendedAction: 'Wait for the platform; report its decision.', recommendedEvents: ['VERIFICATION_APPROVED', 'VERIFICATION_REJECTED'],
  }],
  ['verification.awaitingResolution', 'seller', [...toPlatform, ['VERIFICATION_APPROVED']], {
    code: 'resolution_due', rule: 'R7', title: 'Claim verified: reship or refund within 15 working days',
    recommendedAction: 'Choose a reship or a refund of the claimed items and execute it before the resolution deadline.', recommendedEvents: ['REQUEST_RESHIP', 'REQUEST_REFUND'],
  }],
  ['reship', 'supplier', [...toPlatform, ['VERIFICATION_APPROVED'], ['REQUEST_RESHIP']], null],
  ['refund', 'supplier', [['REQUEST_REFUND']], null],
];

async function reach(t: TestApp, id: string, steps: Step[]) {
  await t.create({ id });
  for (const [type, arg] of steps) {
    if (type === 'ADVANCE') await t.advance(arg as number);
    else expect((await t.send(id, type, arg)).status, `${id} ${type}`).toBe(200);
  }
  return (await t.get(id)).body;
}

describe('the problem shown in each state', () => {
  it('is the seed rule with its recommended action and events, or null; the state says whom it waits on', async () => {
    for (const [i, [state, waitsOn, steps, problem]] of expected.entries()) {
      const t = await testApp(); // each its own clock
      const order = await reach(t, `PB-${i}`, steps);
      expect(order.state).toBe(state);
      expect(order.problem, state).toEqual(problem);
      expect(order.waitsOn, state).toBe(waitsOn);
    }
  });

  it('an intercepted order is waited on from the supplier before shipment and from the carrier after', async () => {
    const t = await testApp();
    const pre = await reach(t, 'IC-1', [['CANCEL_REQUESTED', { reason: 'wrong_address' }]]);
    expect(pre).toMatchObject({ waitsOn: 'supplier', description: 'A domestic cancellation or wrong address: the order is being intercepted (R9).' });
    const transit = await reach(t, 'IC-2', [['SHIPPED', { carrier: 'SF', trackingNumber: '2' }], ['CANCEL_REQUESTED', { reason: 'wrong_address' }]]);
    expect(transit).toMatchObject({ waitsOn: 'carrier', description: 'A domestic cancellation or wrong address: the parcel is being intercepted (R9).' });
  });
});
