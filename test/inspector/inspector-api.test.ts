import { describe, expect, it } from 'vitest';
import { createOrderMachine } from '../../machines/order/v1/index.ts';
import { machineGraphSchema } from '../../src/http/machine-graph-schema.ts';
import { DAY, testApp } from '../support/test-app.ts';

/** Reads server-sent events from a response body until `count` messages arrived. */
async function readEvents(res: Response, count: number) {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const messages: { event: string; data: Record<string, unknown> }[] = [];
  let buffer = '';
  while (messages.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    const blocks = buffer.split('\n\n');
    buffer = blocks.pop()!;
    for (const block of blocks) {
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data) messages.push({ event, data: JSON.parse(data) });
    }
  }
  return { messages, reader };
}

describe('GET /machines/order', () => {
  it('describes the machine the service runs: nesting, transitions with guards, deadlines', async () => {
    const t = await testApp();
    const res = await t.call('GET', '/machines/order');
    expect(res.status).toBe(200);
    expect(machineGraphSchema.safeParse(res.body).success).toBe(true);
    const find = (path: string) => {
      const walk = (s: { path: string; states: unknown[] }): unknown => (s.path === path ? s : s.states.map((c) => walk(c as never)).find(Boolean));
      return walk(res.body.root) as Record<string, never> & { transitions: { event: string; guard: string | null; targets: string[]; timer: boolean }[] };
    };
    expect(res.body.root.states.map((s: { key: string }) => s.key)).toEqual(Object.keys(createOrderMachine().root.states));
    expect(find('preShipment.processing')).toMatchObject({ type: 'compound', initial: 'preShipment.processing.awaitingShipment' });
    expect(find('preShipment.processing').transitions).toContainEqual(expect.objectContaining({ event: 'CANCEL_REQUESTED', guard: 'isDomestic', targets: ['preShipment.intercepting'], timer: false }));
    expect(find('preShipment.processing.awaitingShipment')).toMatchObject({ deadlines: [{ name: 'expediteAt', event: 'TIMER.EXPEDITE' }, { name: 'switchSupplierAt', event: 'TIMER.SWITCH_SUPPLIER' }] });
    expect(find('preShipment.processing.awaitingShipment').transitions).toContainEqual(expect.objectContaining({ event: 'TIMER.EXPEDITE', timer: true, targets: ['preShipment.processing.expediting'] }));
    expect(find('inTransit.shipping.customsHold')).toMatchObject({ problem: { code: 'customs_hold', rule: 'R6' } });
    expect(find('refunded')).toMatchObject({ type: 'final' });
    const doc = (await t.call('GET', '/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/machines/order', '/orders/{id}/stream']));
  });
});

describe('GET /orders/:id/stream', () => {
  it('answers 404 as problem+json for an unknown order', async () => {
    const t = await testApp();
    const res = await t.call('GET', '/orders/nope/stream');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(t.app.events.subscribers).toBe(0);
  });

  it('sends ready, then one change per commit from clients and from the timer sweeper', async () => {
    const t = await testApp();
    await t.create({ id: 'S-1', scope: 'international' });
    const res = await t.app.request('/orders/S-1/stream');
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reading = readEvents(res, 4);
    await expect.poll(() => t.app.events.subscribers).toBe(1);
    await t.send('S-1', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF1' });
    await t.send('S-1', 'CUSTOMS_HELD', {});
    await t.send('S-1', 'DELIVERED', { at: 'not a time' }); // 422: changes nothing, so no message
    expect(await t.advance(3 * DAY)).toBe(1);
    const { messages, reader } = await reading;
    expect(messages).toEqual([
      { event: 'ready', data: { orderId: 'S-1', version: 1, state: 'preShipment.processing.awaitingShipment' } },
      { event: 'change', data: { orderId: 'S-1', version: 2, type: 'SHIPPED', fromState: 'preShipment.processing.awaitingShipment', toState: 'inTransit.shipping.onTheWay', source: 'client' } },
      { event: 'change', data: { orderId: 'S-1', version: 3, type: 'CUSTOMS_HELD', fromState: 'inTransit.shipping.onTheWay', toState: 'inTransit.shipping.customsHold', source: 'client' } },
      { event: 'change', data: { orderId: 'S-1', version: 4, type: 'TIMER.CUSTOMS_REMINDER', fromState: 'inTransit.shipping.customsHold', toState: 'inTransit.shipping.customsHold', source: 'timer' } },
    ]);
    await reader.cancel();
    await expect.poll(() => t.app.events.subscribers).toBe(0);
  });

  it('ends open streams when the service closes them (shutdown)', async () => {
    const t = await testApp();
    await t.create({ id: 'S-2' });
    const res = await t.app.request('/orders/S-2/stream');
    const { reader } = await readEvents(res, 1);
    t.app.events.close();
    for (;;) if ((await reader.read()).done) break;
    expect(t.app.events.subscribers).toBe(0);
  });
});
