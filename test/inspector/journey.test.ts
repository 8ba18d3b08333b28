import { describe, expect, it } from 'vitest';
import { journeySteps } from '../../src/inspector/public/journey.js';
import { testApp } from '../support/test-app.ts';

/** The transitions an order took, as the inspector numbers them on the diagram. */
async function journeyOf(events: [string, unknown?][]) {
  const t = await testApp();
  expect((await t.create({ id: 'J-1' })).status).toBe(201);
  for (const [type, payload] of events) expect((await t.send('J-1', type, payload ?? {})).status, type).toBe(200);
  const graph = (await t.call('GET', '/machines/order')).body;
  const steps = journeySteps(graph, (await t.history('J-1')).body.history);
  return steps.map((s) => [s.seq, s.type, s.transition && `${s.transition.source} → ${s.transition.target ?? '(stays)'}`]);
}

describe('the journey drawn on the diagram', () => {
  it('finds the transition each step took: declared on an ancestor, into a history state, or staying put', async () => {
    expect(
      await journeyOf([
        ['SUPPLIER_CONTACTED'],
        ['CANCEL_REQUESTED', { reason: 'wrong_address' }],
        ['INTERCEPT_FAILED'],
        ['SHIPPED', { carrier: 'SF', trackingNumber: 'T1' }],
      ]),
    ).toEqual([
      [1, 'ORDER_CREATED', null],
      [2, 'SUPPLIER_CONTACTED', 'preShipment.processing.awaitingShipment → (stays)'],
      [3, 'CANCEL_REQUESTED', 'preShipment.processing → preShipment.intercepting'],
      [4, 'INTERCEPT_FAILED', 'preShipment.intercepting → preShipment.processing.hist'],
      [5, 'SHIPPED', 'preShipment.processing → inTransit'],
    ]);
  });

  it('tells apart transitions on one event by where they led (a part of a refund, then the rest)', async () => {
    expect(
      await journeyOf([
        ['REQUEST_REFUND', {}],
        ['REFUND_ISSUED', { amount: 1000 }],
        ['REFUND_ISSUED', { amount: 4500 }],
      ]),
    ).toEqual([
      [1, 'ORDER_CREATED', null],
      // Version 2 declares a refund in each pre-shipment state (its default reason comes from the problem at hand, R14).
      [2, 'REQUEST_REFUND', 'preShipment.processing.awaitingShipment → refund'],
      [3, 'REFUND_ISSUED', 'refund → (stays)'],
      [4, 'REFUND_ISSUED', 'refund → refunded'],
    ]);
  });
});
