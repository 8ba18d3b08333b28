import { expect, it } from 'vitest';
import { onBothStores } from '../support/both-stores.ts';
import { testApp } from '../support/test-app.ts';

onBothStores('postgres-history-paging', (open) => {
  it('pages an order history oldest first with a cursor and a Link header, as the other lists do', async () => {
    const t = await testApp({ store: await open() });
    expect((await t.create({ id: 'H-1' })).status).toBe(201);
    for (let i = 0; i < 6; i++) expect((await t.send('H-1', 'SUPPLIER_CONTACTED', { note: `call ${i}` })).status).toBe(200);

    const whole = await t.call('GET', '/orders/H-1/history');
    expect(whole.body.history.map((h: { seq: number }) => h.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(whole.body.nextCursor).toBeNull();
    expect(whole.headers.get('link')).toBeNull();

    const seen: number[] = [];
    let path = '/orders/H-1/history?limit=3';
    for (let pages = 0; pages < 5; pages++) {
      const page = await t.call('GET', path);
      expect(page.status).toBe(200);
      seen.push(...page.body.history.map((h: { seq: number }) => h.seq));
      if (page.body.nextCursor === null) break;
      const link = /^<([^>]+)>; rel="next"$/.exec(page.headers.get('link') ?? '')![1]!;
      expect(link).toBe(`/orders/H-1/history?limit=3&cursor=${page.body.nextCursor}`);
      path = link;
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect((await t.call('GET', '/orders/H-1/history?limit=7')).body.nextCursor).toBeNull();
  });

  it('refuses a bad limit, a cursor it did not give out, and an unknown parameter with 422; a missing order is 404', async () => {
    const t = await testApp({ store: await open() });
    await t.create({ id: 'H-2' });
    for (const query of ['limit=0', 'limit=1001', 'limit=x', 'cursor=not-a-cursor', `cursor=${Buffer.from('{"seq":-1}').toString('base64url')}`, 'sort=desc']) {
      const res = await t.call('GET', `/orders/H-2/history?${query}`);
      expect(res.status, query).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await t.call('GET', '/orders/none/history?limit=5')).status).toBe(404);
  });
});
