import { describe, expect, it } from 'vitest';
import type { ApiKeyRecord } from '../../../src/tenancy/key-secrets.ts';
import type { OrderRecord } from '../../../src/store/records.ts';
import { freshStores, seed, T0, type ContractOptions } from './support.ts';

const key = (over: Partial<ApiKeyRecord> = {}): ApiKeyRecord => ({
  id: 'key_1', tenant: 'shop-a', name: null, scopes: ['orders:read'], secretHash: 'h1', createdAt: T0, revokedAt: null, ...over,
});

/**
 * Tenants (`tenancy/order-keys.ts`): orders of a tenant other than the default are stored as
 * `<tenant>/<id>`; lists and deliveries never cross tenants; the `KeyStore` port keeps API keys.
 */
export function tenantStoreContract({ name, create }: ContractOptions) {
  describe(`Tenants and KeyStore: ${name}`, () => {
    const fresh = freshStores(create);

    it("lists only the tenant's orders, by state, by id and by deadline, and pages within the tenant", async () => {
      const store = await fresh();
      for (const id of ['X-1', 'X-2']) await seed(store, id, { timers: [{ name: 'x', dueAt: T0 + 10 }] });
      for (const id of ['shop-a/X-1', 'shop-a/X-3', 'shop-b/X-1', 'shop-ab/X-0']) await seed(store, id, { timers: [{ name: 'x', dueAt: T0 + 5 }] });
      const ids = (os: OrderRecord[]) => os.map((o) => o.id);
      expect(ids(await store.listOrders({ tenant: 'default', limit: 10 }))).toEqual(['X-1', 'X-2']);
      expect(ids(await store.listOrders({ tenant: 'shop-a', limit: 10 }))).toEqual(['shop-a/X-1', 'shop-a/X-3']);
      expect(ids(await store.listOrders({ tenant: 'shop-a', limit: 10, after: { id: 'shop-a/X-1' } }))).toEqual(['shop-a/X-3']);
      expect(ids(await store.listOrders({ tenant: 'shop-b', limit: 10, after: { id: 'shop-a/X-1' } }))).toEqual(['shop-b/X-1']);
      expect(ids(await store.listOrders({ tenant: 'shop-a', statePrefix: 'preShipment', limit: 10 }))).toEqual(['shop-a/X-1', 'shop-a/X-3']);
      expect(ids(await store.listOrders({ tenant: 'shop-b', deadlineBefore: T0 + 100, limit: 10 }))).toEqual(['shop-b/X-1']);
      expect(ids(await store.listOrders({ tenant: 'default', deadlineBefore: T0 + 100, limit: 10 }))).toEqual(['X-1', 'X-2']);
      expect(await store.listOrders({ tenant: 'shop-c', limit: 10 })).toEqual([]);
    });

    it("lists only the deliveries of the tenant's orders", async () => {
      const store = await fresh();
      const delivery = (id: string, orderId: string) => ({
        id, notificationId: `n-${id}`, orderId, seq: 1, kind: 'state.changed', channel: 'webhook' as const, target: 's', message: {}, createdAt: T0,
      });
      await store.dispatch([{ source: { orderId: 'none', seq: 1 }, deliveries: [delivery('d1', 'X-1'), delivery('d2', 'shop-a/X-1'), delivery('d3', 'shop-b/X-1')] }]);
      const listed = async (tenant?: string) => (await store.listDeliveries({ ...(tenant ? { tenant } : {}), limit: 10 })).map((d) => d.id).sort();
      expect(await listed('default')).toEqual(['d1']);
      expect(await listed('shop-a')).toEqual(['d2']);
      expect(await listed()).toEqual(['d1', 'd2', 'd3']);
      expect(await store.listDeliveries({ tenant: 'shop-a', orderId: 'shop-b/X-1', limit: 10 })).toEqual([]);
    });

    it('keeps API keys by secret hash, lists them by tenant, and revokes each once', async () => {
      const store = await fresh();
      expect(await store.hasActiveKeys()).toBe(false);
      await store.createKey(key());
      await store.createKey(key({ id: 'key_2', tenant: 'shop-b', name: 'desk', scopes: ['orders:read', 'admin'], secretHash: 'h2', createdAt: T0 + 1 }));
      expect(await store.hasActiveKeys()).toBe(true);
      expect(await store.keyBySecretHash('h2')).toEqual(key({ id: 'key_2', tenant: 'shop-b', name: 'desk', scopes: ['orders:read', 'admin'], secretHash: 'h2', createdAt: T0 + 1 }));
      expect(await store.keyBySecretHash('nope')).toBeUndefined();
      expect((await store.listKeys()).map((k) => k.id)).toEqual(['key_1', 'key_2']);
      expect((await store.listKeys('shop-a')).map((k) => k.id)).toEqual(['key_1']);
      expect(await store.revokeKey('key_1', T0 + 5, 'shop-b')).toBe(false);
      expect(await store.revokeKey('key_1', T0 + 5)).toBe(true);
      expect(await store.revokeKey('key_1', T0 + 6)).toBe(false);
      expect((await store.keyBySecretHash('h1'))?.revokedAt).toBe(T0 + 5);
      expect(await store.revokeKey('key_2', T0 + 7, 'shop-b')).toBe(true);
      expect(await store.hasActiveKeys()).toBe(false);
      await expect(store.createKey(key({ id: 'key_3' }))).rejects.toThrow();
    });
  });
}
