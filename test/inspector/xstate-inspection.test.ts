import type { AddressInfo } from 'node:net';
import { createWebSocketInspector } from '@statelyai/inspect';
import { WebSocketServer } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { orderMachine } from '../../machines/order/index.ts';
import { statePath } from '../../src/engine/snapshots.ts';
import { stateValueOf, TIMER_SOURCE, xstateInspection } from '../../src/inspector/xstate-inspection.ts';
import { DAY, testApp } from '../support/test-app.ts';

interface Received { type: string; sessionId: string; name?: string; definition?: string; event?: { type: string }; sourceId?: string; snapshot?: { value: Parameters<typeof statePath>[0]; status: string; context?: { orderId?: string } } }

/** A local receiver, as Stately's tools or any XState v5 inspector would run. */
async function receiver() {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const messages: Received[] = [];
  wss.on('connection', (socket) => socket.on('message', (data) => messages.push(JSON.parse(String(data)))));
  return { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, messages, close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('XState inspection protocol', () => {
  it('streams actor, event and snapshot events that match each order’s history', async () => {
    const rx = await receiver();
    cleanups.push(rx.close);
    const machine = orderMachine();
    const inspector = createWebSocketInspector({ url: rx.url });
    cleanups.push(() => inspector.stop());
    const t = await testApp({ machine, engineOptions: { onCommit: xstateInspection({ inspector, machine }) } });

    await t.create({ id: 'I-1', scope: 'international' });
    await t.create({ id: 'I-2' });
    await t.send('I-1', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF1' }, { 'idempotency-key': 'k-1' });
    await t.send('I-1', 'CUSTOMS_HELD', {});
    expect(await t.advance(3 * DAY)).toBeGreaterThan(0); // the sweeper fires the customs reminder
    await t.send('I-1', 'CUSTOMS_CLEARED', { note: 'released' });
    await t.send('I-1', 'DELIVERED');
    await t.send('I-2', 'STOCK_UNAVAILABLE');
    expect((await t.send('I-2', 'SHIPPED', { carrier: 'x' })).status).toBe(422); // refused: must not be reported

    for (const id of ['I-1', 'I-2']) {
      const history = (await t.history(id)).body.history as { type: string; toState: string; source: string }[];
      // 1 actor + (event + snapshot) per history entry
      await expect.poll(() => rx.messages.filter((m) => m.sessionId === id).length, { timeout: 5000 }).toBe(1 + 2 * history.length);
      const mine = rx.messages.filter((m) => m.sessionId === id);
      const [actor, ...rest] = mine;
      expect(actor).toMatchObject({ type: '@xstate.actor', sessionId: id, snapshot: { status: 'active', value: { preShipment: { processing: 'awaitingShipment' } } } });
      expect(JSON.parse(actor!.definition!)).toMatchObject({ id: 'order', initial: 'preShipment' });
      expect(rest.map((m) => m.type)).toEqual(history.flatMap(() => ['@xstate.event', '@xstate.snapshot']));
      const events = rest.filter((m) => m.type === '@xstate.event');
      const snapshots = rest.filter((m) => m.type === '@xstate.snapshot');
      expect(events.map((m) => m.event!.type)).toEqual(history.map((h) => (h.type === 'ORDER_CREATED' ? 'xstate.init' : h.type)));
      expect(events.map((m) => (m.sourceId === TIMER_SOURCE ? 'timer' : 'client'))).toEqual(history.map((h) => h.source));
      expect(snapshots.map((m) => statePath(m.snapshot!.value))).toEqual(history.map((h) => h.toState));
      expect(snapshots.map((m) => m.event!.type)).toEqual(events.map((m) => m.event!.type));
      expect(snapshots.at(-1)!.snapshot!.context!.orderId).toBe(id);
    }
    expect(rx.messages.filter((m) => m.type === '@xstate.actor')).toHaveLength(2);
  });

  it('announces an order first touched after a restart in the state it was in', () => {
    const calls: { kind: string; value: unknown }[] = [];
    const inspector = {
      actor: (_: unknown, snapshot?: { value?: unknown }) => calls.push({ kind: 'actor', value: snapshot?.value }),
      event: (_: unknown, event: { type: string }) => calls.push({ kind: 'event', value: event.type }),
      snapshot: (_: unknown, snapshot: { value?: unknown }) => calls.push({ kind: 'snapshot', value: snapshot.value }),
    };
    const machine = orderMachine();
    const onCommit = xstateInspection({ inspector, machine });
    const snapshot = { status: 'active', value: stateValueOf('inTransit.shipping.customsHold'), context: {} } as never;
    onCommit({ orderId: 'X', version: 3, event: { type: 'CUSTOMS_HELD' } as never, fromState: 'inTransit.shipping.onTheWay', toState: 'inTransit.shipping.customsHold', snapshot, source: 'client', machineVersion: 1 });
    onCommit({ orderId: 'X', version: 4, event: { type: 'CUSTOMS_CLEARED' } as never, fromState: 'inTransit.shipping.customsHold', toState: 'inTransit.shipping.onTheWay', snapshot, source: 'client', machineVersion: 1 });
    expect(calls.map((c) => c.kind)).toEqual(['actor', 'event', 'snapshot', 'event', 'snapshot']);
    expect(calls[0]!.value).toEqual({ inTransit: { shipping: 'onTheWay' } });
  });
});
