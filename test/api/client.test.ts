import { describe, expect, it } from 'vitest';
import { AftersalesProblem, createClient } from '../../src/client/index.ts';
import { orderBody, testApp } from '../support/test-app.ts';

describe('the typed client', () => {
  it('creates, sends, reads and lists through the API, and throws refusals as problems', async () => {
    const t = await testApp();
    const client = createClient({ baseUrl: 'http://aftersales.test', fetch: (input, init) => Promise.resolve(t.app.fetch(new Request(input, init))) });
    const created = await client.createOrder(orderBody({ id: 'CL-1', scope: 'international' }) as Parameters<typeof client.createOrder>[0]);
    expect(created.state).toBe('preShipment.processing.awaitingShipment');
    const shipped = await client.send('CL-1', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF9' }, { idempotencyKey: 'k-1', ifMatch: 1 });
    expect(shipped).toMatchObject({ state: 'inTransit.shipping.onTheWay', version: 2 });
    expect((await client.send('CL-1', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF9' }, { idempotencyKey: 'k-1' })).version).toBe(2);
    expect((await client.getOrder('CL-1')).shipments).toHaveLength(1);
    expect((await client.history('CL-1')).map((h) => h.type)).toEqual(['ORDER_CREATED', 'SHIPPED']);
    // A history of several pages is read whole; a page is a page.
    await client.send('CL-1', 'CUSTOMS_HELD', {});
    expect((await client.history('CL-1', { pageSize: 1 })).map((h) => h.seq)).toEqual([1, 2, 3]);
    const first = await client.historyPage('CL-1', { limit: 2 });
    expect(first.history.map((h) => h.seq)).toEqual([1, 2]);
    expect((await client.historyPage('CL-1', { cursor: first.nextCursor!, limit: 2 })).history.map((h) => h.seq)).toEqual([3]);
    expect((await client.listOrders({ state: 'inTransit' })).orders.map((o) => o.id)).toEqual(['CL-1']);
    await client.createOrder(orderBody({ id: 'CL-2' }) as Parameters<typeof client.createOrder>[0]);
    await client.send('CL-2', 'SWITCH_SUPPLIER', { supplier: { id: 'alt-1' } });
    expect((await client.listOrders({ supplierRefundOwed: true })).orders.map((o) => o.id)).toEqual(['CL-2']);
    expect((await client.listOrders({ supplierRefundOwed: false })).orders.map((o) => o.id)).toEqual(['CL-1']);

    const refused = await client.send('CL-1', 'CANCEL_REQUESTED', { reason: 'wrong_address' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AftersalesProblem);
    expect((refused as AftersalesProblem).problem).toMatchObject({ status: 409, reason: expect.stringContaining('R10') });
    const stale = await client.send('CL-1', 'CUSTOMS_HELD', {}, { ifMatch: 1 }).catch((e: unknown) => e);
    expect((stale as AftersalesProblem).problem.status).toBe(412);
  });
});
