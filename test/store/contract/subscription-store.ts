import { describe, expect, it } from 'vitest';
import { freshStores, type ContractOptions } from './support.ts';

const T = 1_700_000_000_000;

/** The `SubscriptionStore` port (webhook routes, delivery worker). */
export function subscriptionStoreContract({ name, create }: ContractOptions) {
  describe(`SubscriptionStore: ${name}`, () => {
    const fresh = freshStores(create);

    it('keeps webhook subscriptions', async () => {
      const store = await fresh();
      const s = { id: 's1', tenant: 'default', url: 'https://h.example/x', events: ['*'], secret: 'whsec_abc', description: null, createdAt: T };
      await store.createSubscription(s);
      await store.createSubscription({ ...s, id: 's2', events: ['state.changed'], createdAt: T + 1 });
      expect(await store.getSubscription('s1')).toEqual(s);
      expect((await store.listSubscriptions()).map((x) => x.id)).toEqual(['s1', 's2']);
      await store.createSubscription({ ...s, id: 's3', tenant: 'shop-b', createdAt: T + 2 });
      expect((await store.listSubscriptions('default')).map((x) => x.id)).toEqual(['s1', 's2']);
      expect(await store.listSubscriptions('shop-b')).toEqual([{ ...s, id: 's3', tenant: 'shop-b', createdAt: T + 2 }]);
      expect((await store.listSubscriptions()).map((x) => x.id)).toEqual(['s1', 's2', 's3']);
      expect(await store.deleteSubscription('s1')).toBe(true);
      expect(await store.deleteSubscription('s1')).toBe(false);
      expect(await store.getSubscription('s1')).toBeUndefined();
    });
  });
}
