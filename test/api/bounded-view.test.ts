import { expect, it } from 'vitest';
import { VIEW_LIST_LIMIT } from '../../src/engine/bounded-view.ts';
import { onBothStores } from '../support/both-stores.ts';
import { testApp, type TestApp } from '../support/test-app.ts';

/**
 * The order view stays bounded however many events an order takes: each list that grows with
 * events shows its most recent entries (the current supplier and those still owing a refund first)
 * and its total, and `GET /orders/{id}/<list>` pages through the whole list. Before this, 2,000
 * SWITCH_SUPPLIER events made the view and every event answer about 595 KB. On SQLite and PostgreSQL.
 */
const BOUND = 16 * 1024;
const bytes = (text: string) => Buffer.byteLength(text);

/** Every entry of a list, following nextCursor and the Link header, with the size of each page. */
async function wholeList(t: TestApp, path: string) {
  const entries: unknown[] = [];
  let next: string | null = path;
  let pages = 0;
  while (next !== null) {
    const res = await t.call('GET', next);
    expect(res.status, res.text).toBe(200);
    entries.push(...res.body.entries);
    pages++;
    next = res.body.nextCursor === null ? null : /^<([^>]+)>; rel="next"$/.exec(res.headers.get('link') ?? '')![1]!;
    if (res.body.nextCursor !== null) expect(next).toContain(`cursor=${res.body.nextCursor}`);
  }
  return { entries, pages };
}

const ids = (entries: unknown[]) => (entries as { id?: string; supplierId?: string }[]).map((e) => e.id ?? e.supplierId);

onBothStores('postgres-bounded-view', (open) => {
  it(
    'answers 2,000 supplier switches with views under 16 KB each, and pages through every supplier apart',
    async () => {
      const t = await testApp({ store: await open() });
      expect((await t.create({ id: 'S-many' })).status).toBe(201);
      let largest = 0;
      for (let i = 0; i < 2000; i++) {
        const res = await t.send('S-many', 'SWITCH_SUPPLIER', { supplier: { id: `alt-${i}`, name: `Alternative supplier ${i}` } });
        expect(res.status, res.text).toBe(200);
        largest = Math.max(largest, bytes(res.text));
      }
      expect(largest).toBeLessThan(BOUND);

      const view = await t.get('S-many');
      expect(view.status).toBe(200);
      expect(bytes(view.text)).toBeLessThan(BOUND);
      expect(view.body.suppliersTotal).toBe(2001);
      expect(view.body.suppliers).toHaveLength(VIEW_LIST_LIMIT);
      // The most recent: the current supplier last, and the replaced ones before it, each owing its refund.
      expect(ids(view.body.suppliers)).toEqual(Array.from({ length: VIEW_LIST_LIMIT }, (_, i) => `alt-${1980 + i}`));
      expect(view.body.suppliers.at(-1).status).toBe('active');
      expect(view.body.supplierRefunds.owedTotal).toBe(2000);
      expect(view.body.supplierRefunds.owed).toHaveLength(VIEW_LIST_LIMIT);
      expect(view.body.supplierRefunds.settledTotal).toBe(0);
      expect(view.body.shipmentsTotal).toBe(0);
      // Still a cache hit while nothing changed.
      expect((await t.call('GET', '/orders/S-many', undefined, { 'if-none-match': view.headers.get('etag')! })).status).toBe(304);

      const suppliers = await wholeList(t, '/orders/S-many/suppliers?limit=1000');
      expect(suppliers.pages).toBe(3);
      expect(ids(suppliers.entries)).toEqual(['tmall-store-1', ...Array.from({ length: 2000 }, (_, i) => `alt-${i}`)]);
      const owed = await wholeList(t, '/orders/S-many/supplier-refunds-owed');
      expect(owed.pages).toBe(20);
      expect(ids(owed.entries)).toEqual(['tmall-store-1', ...Array.from({ length: 1999 }, (_, i) => `alt-${i}`)]);
      const first = await t.call('GET', '/orders/S-many/suppliers?limit=2');
      expect(first.body).toMatchObject({ orderId: 'S-many', version: 2001, total: 2001 });
      expect(bytes(first.text)).toBeLessThan(1024);
    },
    600_000,
  );

  it('keeps the current supplier and every supplier still owing a refund in view, however many were settled since', async () => {
    const t = await testApp({ store: await open() });
    await t.create({ id: 'S-settled' });
    for (let i = 0; i < 30; i++) expect((await t.send('S-settled', 'SWITCH_SUPPLIER', { supplier: { id: `alt-${i}` } })).status).toBe(200);
    // Every replaced supplier but the first two refunds the seller.
    for (let i = 1; i < 29; i++) {
      const res = await t.send('S-settled', 'SUPPLIER_REFUNDED', { supplierId: `alt-${i}`, amount: 5500, reference: `R-${i}` });
      expect(res.status, res.text).toBe(200);
    }
    const { body } = await t.get('S-settled');
    expect(body.suppliersTotal).toBe(31);
    expect(body.suppliers).toHaveLength(VIEW_LIST_LIMIT);
    // The two owing a refund (the oldest) and the current one, then the most recent settled ones.
    expect(ids(body.suppliers)).toEqual(['tmall-store-1', 'alt-0', ...Array.from({ length: 17 }, (_, i) => `alt-${12 + i}`), 'alt-29']);
    expect(body.supplierRefunds.owed.map((o: { supplierId: string }) => o.supplierId)).toEqual(['tmall-store-1', 'alt-0']);
    expect(body.supplierRefunds.owedTotal).toBe(2);
    expect(body.supplierRefunds.settledTotal).toBe(28);
    expect(ids(body.supplierRefunds.settled)).toEqual(Array.from({ length: VIEW_LIST_LIMIT }, (_, i) => `alt-${9 + i}`));
    const settled = await wholeList(t, '/orders/S-settled/supplier-refunds-settled?limit=10');
    expect(settled.pages).toBe(3);
    expect((settled.entries as { reference: string }[]).map((r) => r.reference)).toEqual(Array.from({ length: 28 }, (_, i) => `R-${i + 1}`));
    // A list no longer than the view shows is shown whole, its total beside it.
    const fresh = (await t.create({ id: 'S-fresh' })).body;
    expect(fresh.suppliers).toHaveLength(1);
    expect(fresh.suppliersTotal).toBe(1);
    expect(fresh.money.refundsTotal).toBe(0);
    expect(fresh.claimsTotal).toBe(0);
  });

  it('bounds the evidence of each claim, however often the buyer adds to it, and pages through it by claim', async () => {
    const t = await testApp({ store: await open() });
    await t.create({ id: 'E-1' });
    for (const [type, payload] of [
      ['SHIPPED', { carrier: 'SF Express', trackingNumber: 'SF1' }],
      ['DELIVERED', {}],
      ['ISSUE_REPORTED', { kind: 'damaged', items: [{ sku: 'plate', quantity: 1 }], description: 'in pieces' }],
    ] as const) expect((await t.send('E-1', type, payload)).status).toBe(200);
    const media = (n: number) => Array.from({ length: 50 }, (_, i) => ({ kind: 'photo', url: `https://evidence.example/claims/plate/photo-${n}-${i}-${'x'.repeat(60)}.jpg` }));
    let largest = 0;
    for (let n = 0; n < 41; n++) {
      const res = await t.send('E-1', 'EVIDENCE_SUBMITTED', { media: media(n) });
      expect(res.status, res.text).toBe(200);
      largest = Math.max(largest, bytes(res.text));
    }
    expect(largest).toBeLessThan(BOUND);
    const view = await t.get('E-1');
    expect(bytes(view.text)).toBeLessThan(BOUND);
    expect(view.body.claims[0].evidenceTotal).toBe(2050);
    expect(view.body.claims[0].evidence).toHaveLength(VIEW_LIST_LIMIT);
    expect(view.body.claim.evidenceTotal).toBe(2050);
    expect(view.body.claim.evidence.at(-1).url).toContain('photo-40-49-');
    const all = await wholeList(t, '/orders/E-1/claims/0/evidence?limit=1000');
    expect(all.entries).toHaveLength(2050);
    expect((all.entries as { url: string }[])[0]!.url).toContain('photo-0-0-');
    expect((await wholeList(t, '/orders/E-1/claim/evidence?limit=1000')).entries).toEqual(all.entries);
    // A page of claims shows each claim's evidence bounded, as the view does.
    const claims = await t.call('GET', '/orders/E-1/claims');
    expect(bytes(claims.text)).toBeLessThan(BOUND);
    expect(claims.body.entries[0]).toMatchObject({ evidenceTotal: 2050, evidence: view.body.claims[0].evidence });
    // A claim the order does not have is not found; a position that is not a number is invalid.
    const none = await t.call('GET', '/orders/E-1/claims/1/evidence');
    expect([none.status, none.headers.get('content-type')]).toEqual([404, 'application/problem+json']);
    const bad = await t.call('GET', '/orders/E-1/claims/first/evidence');
    expect([bad.status, bad.body.errors]).toEqual([422, [{ path: 'path.claim', message: 'a whole number from 0' }]]);
  });

  it('refuses a bad limit, a cursor it did not give out and an unknown parameter with 422 problems; a missing order is a 404 problem', async () => {
    const t = await testApp({ store: await open() });
    await t.create({ id: 'S-bad' });
    for (const query of ['limit=0', 'limit=1001', 'limit=x', 'cursor=not-a-cursor', `cursor=${Buffer.from('{"from":-1}').toString('base64url')}`, 'sort=desc']) {
      const res = await t.call('GET', `/orders/S-bad/suppliers?${query}`);
      expect(res.status, query).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.type).toBe('/problems/invalid-input');
    }
    const missing = await t.call('GET', '/orders/none/claims');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    // A cursor past the end is an empty last page.
    const past = await t.call('GET', `/orders/S-bad/suppliers?cursor=${Buffer.from('{"from":5}').toString('base64url')}`);
    expect(past.body).toMatchObject({ total: 1, entries: [], nextCursor: null });
  });
});
