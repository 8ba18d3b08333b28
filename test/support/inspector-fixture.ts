import { expect } from 'vitest';
import { DAY, testApp } from './test-app.ts';

/** An order id long enough to test that the list wraps rather than cuts. */
export const LONG_ID = 'SHOP-EU-WEST-2026-03-0000001234567-REPLACEMENT-OF-B-2002';

/**
 * The service with orders a developer would look at: `A-1001` just created; `B-2002` through
 * shipping, a customs hold with a timer reminder, delivery, a damage claim and its evidence (its
 * reminder webhook failed once, then was delivered); `C-3003` switched supplier (the old one owes
 * the refund); a long id in a long-named state. Webhooks go to an injected `fetch`.
 */
export async function inspectorFixture() {
  const received: string[] = [];
  const t = await testApp({
    delivery: {
      backoffBaseMs: 1000,
      random: () => 0.5,
      fetch: async (url) => {
        received.push(String(url));
        return new Response('', { status: received.length === 1 ? 503 : 200 });
      },
    },
  });
  const ok = async (res: Promise<{ status: number; text: string }>) => expect((await res).status, (await res).text).toBeLessThan(300);
  await ok(t.call('POST', '/webhooks', { url: 'https://hooks.example/aftersales', events: ['customs.reminder'] }));
  await ok(t.create({ id: 'A-1001' }));
  await ok(t.create({ id: 'B-2002', scope: 'international' }));
  await ok(t.send('B-2002', 'SHIPPED', { carrier: 'SF Express', trackingNumber: 'SF100' }));
  await ok(t.send('B-2002', 'CUSTOMS_HELD', { note: 'held at Shanghai customs' }));
  expect(await t.advance(3 * DAY)).toBe(1);
  await ok(t.send('B-2002', 'CUSTOMS_CLEARED', {}));
  await ok(t.send('B-2002', 'DELIVERED', {}));
  await ok(t.send('B-2002', 'ISSUE_REPORTED', { kind: 'damaged', items: [{ sku: 'plate', quantity: 1 }], description: 'plate arrived in pieces' }));
  // The API refuses links that are not http(s) (422), but an order stored before that check, or written
  // through the engine by another tool, may hold one: the inspector must still show it as text, never as
  // a link. So this one goes to the engine directly, past the HTTP layer's check.
  await t.app.engine.send('B-2002', 'EVIDENCE_SUBMITTED', {
    media: [
      { kind: 'photo', url: 'https://evidence.example/plate.jpg' },
      { kind: 'video', url: 'javascript:alert(document.cookie)' },
    ],
  });
  await ok(t.create({ id: 'C-3003' }));
  await ok(t.send('C-3003', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-store-7', name: 'Alternative Store 7' } }));
  await ok(t.create({ id: LONG_ID }));
  await ok(t.send(LONG_ID, 'SUPPLIER_UNRESPONSIVE', { note: 'no answer for three days' }));
  // Deliver the outbox: the reminder webhook fails once (503), then goes through.
  await t.app.deliveryWorker.runOnce();
  t.clock.advance(1000);
  await t.app.deliveryWorker.runOnce();
  expect(received).toHaveLength(3); // two reminders (on hold, then by the timer); the first retried once
  return t;
}
