import { describe, expect, it } from 'vitest';
import { testApp } from '../support/test-app.ts';

describe('smoke', () => {
  it('creates an order and ships it', async () => {
    const t = await testApp();
    const created = await t.create({ id: 'A-1' });
    expect(created.status).toBe(201);
    expect(created.body.state).toBe('preShipment.processing.awaitingShipment');
    const shipped = await t.send('A-1', 'SHIPPED', { carrier: 'SF', trackingNumber: 'SF1' });
    expect(shipped.status).toBe(200);
    expect(shipped.body.state).toBe('inTransit.shipping.onTheWay');
    expect(shipped.headers.get('etag')).toBe('"2"');
  });
});
