import { describe, expect, it } from 'vitest';
import { orderBody, testApp, type TestApp } from '../support/test-app.ts';

async function unchanged(t: TestApp, id: string, action: () => Promise<unknown>) {
  const before = await t.get(id);
  const history = await t.history(id);
  const outbox = await t.store.outbox(id);
  await action();
  expect((await t.get(id)).body).toEqual(before.body);
  expect((await t.history(id)).body).toEqual(history.body);
  expect(await t.store.outbox(id)).toEqual(outbox);
}

function expectProblem(res: { status: number; headers: Headers; body: Record<string, unknown> }, status: number, type: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(res.body).toMatchObject({ status, type, title: expect.any(String), detail: expect.any(String), requestId: expect.any(String) });
}

describe('creating orders', () => {
  it('answers 201 with the view and a Location; the same body again answers 200 with the same order', async () => {
    const t = await testApp();
    const body = orderBody({ id: 'C-1' });
    const first = await t.call('POST', '/orders', body);
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe('/orders/C-1');
    expect(first.headers.get('etag')).toMatch(/^"1-/);
    expect(first.body).toMatchObject({ id: 'C-1', version: 1, state: 'preShipment.processing.awaitingShipment', money: { paid: 5500, refundable: 5500 } });
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await t.call('POST', '/orders', reordered);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  it('answers 409 for the same id with a different body, and keeps the first order', async () => {
    const t = await testApp();
    await t.create({ id: 'C-2' });
    const res = await t.create({ id: 'C-2', sellerEmail: 'other@shop.example' });
    expectProblem(res, 409, '/problems/conflict');
    expect((await t.get('C-2')).body.sellerEmail).toBe('seller@shop.example');
  });

  it('lists every invalid field at once', async () => {
    const t = await testApp();
    const res = await t.call('POST', '/orders', { ...orderBody(), id: '', scope: 'galactic', items: [{ sku: 'x', quantity: 0, unitPrice: 1.5 }], currency: 'yuan', sellerEmail: 'nope', extra: 1 });
    expectProblem(res, 422, '/problems/invalid-input');
    const paths = new Set((res.body.errors as { path: string }[]).map((e) => e.path));
    expect([...paths].sort()).toEqual(['currency', 'extra', 'id', 'items.0.quantity', 'items.0.unitPrice', 'scope', 'sellerEmail']);
    expect(res.body.errors).toContainEqual({ path: 'extra', message: 'unknown field' });
    expect((await t.call('GET', '/orders')).body.orders).toEqual([]);
  });

  it('answers 400 for malformed JSON, 415 for another content type, 413 for a huge body', async () => {
    const t = await testApp();
    expectProblem(await t.call('POST', '/orders', '{"id": ', {}), 400, '/problems/malformed-request');
    const text = await t.app.request('/orders', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(orderBody()) });
    expect(text.status).toBe(415);
    expect(text.headers.get('content-type')).toBe('application/problem+json');
    const huge = await t.call('POST', '/orders', { ...orderBody(), padding: 'x'.repeat(70_000) });
    expectProblem(huge, 413, '/problems/payload-too-large');
    const declared = await t.call('POST', '/orders', orderBody(), { 'content-length': '70000' });
    expectProblem(declared, 413, '/problems/payload-too-large');
    expect((await t.call('GET', '/orders')).body.orders).toEqual([]);
  });
});

describe('sending events', () => {
  it('answers 404 for an unknown order', async () => {
    const t = await testApp();
    const res = await t.send('nope', 'SHIPPED', { carrier: 'SF', trackingNumber: '1' });
    expectProblem(res, 404, '/problems/not-found');
    expectProblem(await t.get('nope'), 404, '/problems/not-found');
    expectProblem(await t.history('nope'), 404, '/problems/not-found');
  });

  it('answers 409 with the accepted events for an event the state does not take, and changes nothing', async () => {
    const t = await testApp();
    await t.create({ id: 'E-1' });
    await unchanged(t, 'E-1', async () => {
      const res = await t.send('E-1', 'DELIVERED');
      expectProblem(res, 409, '/problems/event-not-accepted');
      expect(res.body.acceptedEvents).toEqual([
        'SHIPPED', 'STOCK_UNAVAILABLE', 'ITEM_OVERSIZED', 'SUPPLIER_CONTACTED', 'SUPPLIER_UNRESPONSIVE', 'SWITCH_SUPPLIER', 'REQUEST_REFUND', 'CANCEL_REQUESTED',
      ]);
      expect(res.body.detail).toContain('preShipment.processing.awaitingShipment');
    });
  });

  it('answers 422 with field errors for an invalid payload, an unknown type, or a timer event', async () => {
    const t = await testApp();
    await t.create({ id: 'E-2' });
    await unchanged(t, 'E-2', async () => {
      const bad = await t.send('E-2', 'SHIPPED', { carrier: '', extra: true });
      expectProblem(bad, 422, '/problems/invalid-input');
      expect((bad.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(['payload.carrier', 'payload.extra', 'payload.trackingNumber']);
      const unknown = await t.send('E-2', 'TELEPORTED');
      expectProblem(unknown, 422, '/problems/invalid-input');
      expect(unknown.body.errors[0].message).toContain('SHIPPED');
      const timer = await t.send('E-2', 'TIMER.EXPEDITE');
      expectProblem(timer, 422, '/problems/invalid-input');
      expect(timer.body.detail).toMatch(/fired by the service itself/);
      expectProblem(await t.call('POST', '/orders/E-2/events', { payload: {} }), 422, '/problems/invalid-input');
      const evidence = await t.send('E-2', 'EVIDENCE_SUBMITTED', { media: [] });
      expectProblem(evidence, 422, '/problems/invalid-input');
    });
  });

  it('If-Match applies only at the given version (412 otherwise)', async () => {
    const t = await testApp();
    await t.create({ id: 'E-3' });
    await unchanged(t, 'E-3', async () => {
      const res = await t.send('E-3', 'STOCK_UNAVAILABLE', undefined, { 'if-match': '"7"' });
      expectProblem(res, 412, '/problems/version-mismatch');
      expect(res.body.currentVersion).toBe(1);
      expectProblem(await t.send('E-3', 'STOCK_UNAVAILABLE', undefined, { 'if-match': 'yesterday' }), 400, '/problems/malformed-request');
    });
    const ok = await t.send('E-3', 'STOCK_UNAVAILABLE', undefined, { 'if-match': '"1"' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toMatch(/^"2-/);
  });

  it('an Idempotency-Key replays the first answer and applies once; reusing it for another event is refused', async () => {
    const t = await testApp();
    await t.create({ id: 'E-4' });
    const key = { 'idempotency-key': 'ship-E-4-1' };
    const first = await t.send('E-4', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF1' }, key);
    t.clock.advance(60_000);
    const retry = await t.send('E-4', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF1' }, key);
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    const history = (await t.history('E-4')).body.history;
    expect(history.map((h: { type: string }) => h.type)).toEqual(['ORDER_CREATED', 'SHIPPED']);
    expect(history[1].idempotencyKey).toBe('ship-E-4-1');
    const other = await t.send('E-4', 'CUSTOMS_HELD', undefined, key);
    expectProblem(other, 422, '/problems/invalid-input');
    expect((await t.get('E-4')).body.version).toBe(2);
  });

  it('refuses every event once the order is closed, saying so', async () => {
    const t = await testApp();
    await t.create({ id: 'E-5' });
    await t.send('E-5', 'REQUEST_REFUND');
    await t.send('E-5', 'REFUND_ISSUED', { amount: 5500 });
    const res = await t.send('E-5', 'SHIPPED', { carrier: 'SF', trackingNumber: '1' });
    expectProblem(res, 409, '/problems/event-not-accepted');
    expect(res.body.acceptedEvents).toEqual([]);
    expect(res.body.reason).toMatch(/lifecycle has ended/);
  });
});

describe('reading', () => {
  it('GET /orders/:id carries the version in its ETag', async () => {
    const t = await testApp();
    await t.create({ id: 'G-1' });
    await t.send('G-1', 'SHIPPED', { carrier: 'SF', trackingNumber: '1' });
    const res = await t.get('G-1');
    expect(res.headers.get('etag')).toMatch(/^"2-/);
    expect(res.body).toMatchObject({ version: 2, machine: { id: 'order', version: 2 }, waitsOn: 'carrier' });
  });

  it('GET /orders lists by state prefix with cursor paging, and by next deadline (the at-risk list)', async () => {
    const t = await testApp();
    // L-4 is international: only an international parcel is held in customs (R13).
    for (const id of ['L-1', 'L-2', 'L-3', 'L-4', 'L-5']) await t.create({ id, shipBy: `2026-03-0${id.at(-1)}T00:00:00Z`, ...(id === 'L-4' ? { scope: 'international' } : {}) });
    await t.send('L-2', 'SHIPPED', { carrier: 'SF', trackingNumber: '2' });
    await t.send('L-4', 'SHIPPED', { carrier: 'SF', trackingNumber: '4' });
    await t.send('L-4', 'CUSTOMS_HELD');

    const transit = await t.call('GET', '/orders?state=inTransit');
    expect(transit.body.orders.map((o: { id: string }) => o.id)).toEqual(['L-2', 'L-4']);
    const customs = await t.call('GET', '/orders?state=inTransit.shipping.customsHold');
    expect(customs.body.orders.map((o: { id: string }) => o.id)).toEqual(['L-4']);
    expect((await t.call('GET', '/orders?state=inTrans')).body.orders).toEqual([]);

    const page1 = await t.call('GET', '/orders?state=preShipment&limit=2');
    expect(page1.body.orders.map((o: { id: string }) => o.id)).toEqual(['L-1', 'L-3']);
    const page2 = await t.call('GET', `/orders?state=preShipment&limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.orders.map((o: { id: string }) => o.id)).toEqual(['L-5']);
    expect(page2.body.nextCursor).toBeNull();

    // Next deadlines: L-1 expedite at 03-03, L-3 at 03-05, L-4 customs reminder at 03-05T01:00, L-5 at 03-07.
    const risk = await t.call('GET', '/orders?deadlineBefore=2026-03-06T00:00:00Z&limit=2');
    expect(risk.body.orders.map((o: { id: string; nextDeadlineAt: string }) => [o.id, o.nextDeadlineAt])).toEqual([
      ['L-1', '2026-03-03T00:00:00.000Z'],
      ['L-3', '2026-03-05T00:00:00.000Z'],
    ]);
    const risk2 = await t.call('GET', `/orders?deadlineBefore=2026-03-06T00:00:00Z&limit=2&cursor=${risk.body.nextCursor}`);
    expect(risk2.body.orders.map((o: { id: string }) => o.id)).toEqual(['L-4']);

    expectProblem(await t.call('GET', '/orders?limit=0'), 422, '/problems/invalid-input');
    expectProblem(await t.call('GET', '/orders?cursor=garbage'), 422, '/problems/invalid-input');
    expectProblem(await t.call('GET', '/orders?state=in%20transit'), 422, '/problems/invalid-input');
    expectProblem(await t.call('GET', '/orders?sort=id'), 422, '/problems/invalid-input');
  });

  it('serves the OpenAPI document generated from the schemas, a docs page and a health check', async () => {
    const t = await testApp();
    const doc = await t.call('GET', '/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths).sort()).toEqual(['/admin/keys', '/admin/keys/{id}', '/deliveries', '/deliveries/{id}', '/deliveries/{id}/retry', '/healthz', '/machines', '/machines/order', '/machines/order/census', '/machines/order/paths', '/machines/order/versions', '/machines/order/versions/{version}', '/machines/order/versions/{version}/changes', '/orders', '/orders/{id}', '/orders/{id}/claim/evidence', '/orders/{id}/claims', '/orders/{id}/claims/{claim}/evidence', '/orders/{id}/events', '/orders/{id}/history', '/orders/{id}/notifications', '/orders/{id}/refunds', '/orders/{id}/shipments', '/orders/{id}/stream', '/orders/{id}/supplier-refunds-owed', '/orders/{id}/supplier-refunds-settled', '/orders/{id}/suppliers', '/readyz', '/webhooks', '/webhooks/{id}', '/webhooks/{id}/deliveries']);
    const create = doc.body.paths['/orders'].post.requestBody.content['application/json'].schema;
    expect(create.required).toEqual(expect.arrayContaining(['id', 'scope', 'sellerEmail', 'supplier', 'items', 'currency', 'shipBy']));
    expect(create.properties.scope.enum).toEqual(['domestic', 'international']);
    expect(doc.body.components.schemas.EventRequest.oneOf).toContainEqual({ $ref: '#/components/schemas/IssueReportedEvent' });
    const docs = await t.app.request('/docs');
    expect(docs.headers.get('content-type')).toMatch(/text\/html/);
    expect(await docs.text()).toContain('/openapi.json');
    expect((await t.call('GET', '/healthz')).body).toMatchObject({ status: 'ok', timers: { fired: 0 } });
    expectProblem(await t.call('GET', '/nowhere'), 404, '/problems/not-found');
  });
});
