import { describe, expect, it } from 'vitest';
import { commitAfter, freshStores, seed, snapshotOf, type ContractOptions } from './support.ts';

/** The `MigrationStore` port (the migrator, `doctor`, `/healthz`): counts and batches by machine version, and the migration lock. */
export function migrationStoreContract({ name, create }: ContractOptions) {
  describe(`MigrationStore: ${name}`, () => {
    const fresh = freshStores(create);

    it('counts orders per machine version and state, from the column every commit writes', async () => {
      const store = await fresh();
      expect(await store.versionCensus()).toEqual([]);
      await seed(store, 'V-1');
      await seed(store, 'V-2', { state: 'inTransit' });
      const v3 = await seed(store, 'V-3', { state: 'inTransit' });
      const moved = commitAfter('V-3', v3, { state: 'inTransit' });
      moved.order.snapshot = { ...snapshotOf('inTransit'), machine: { id: 'order', version: 2 } };
      await store.commit(moved);
      expect(await store.versionCensus()).toEqual([
        { machineVersion: 1, state: 'inTransit', count: 1 },
        { machineVersion: 1, state: 'preShipment.processing.awaitingShipment', count: 1 },
        { machineVersion: 2, state: 'inTransit', count: 1 },
      ]);
    });

    it('keeps list flags with each commit, lists by them, and hands out the orders stored without them until filled in', async () => {
      const store = await fresh();
      await seed(store, 'F-1', { listFlags: ['owed'] });
      await seed(store, 'F-2', { listFlags: ['owed', 'other'] }, { listFlags: ['other'] });
      await seed(store, 'F-3', { listFlags: [] });
      const old = await seed(store, 'F-4'); // as stored before the store kept flags
      const ids = async (listFlags: Record<string, boolean>, q: { statePrefix?: string; after?: { id: string } } = {}) =>
        (await store.listOrders({ tenant: 'default', listFlags, limit: 10, ...q })).map((o) => o.id);
      expect(await ids({ owed: true })).toEqual(['F-1']);
      expect(await ids({ other: true })).toEqual(['F-2']);
      expect(await ids({ owed: false })).toEqual(['F-2', 'F-3', 'F-4']);
      expect(await ids({ owed: false, other: false })).toEqual(['F-3', 'F-4']);
      expect(await ids({ owed: false }, { after: { id: 'F-2' } })).toEqual(['F-3', 'F-4']);
      expect(await ids({ owed: true }, { statePrefix: 'inTransit' })).toEqual([]);
      expect((await store.getOrder('F-2'))!.listFlags).toEqual(['other']);
      expect((await store.getOrder('F-4'))!.listFlags).toBeUndefined();

      expect((await store.ordersWithoutListFlags({ limit: 10 })).map((o) => o.id)).toEqual(['F-4']);
      expect(await store.setListFlags('F-4', old.version + 1, ['owed'])).toBe(false); // not the stored version
      expect(await store.setListFlags('F-4', old.version, ['owed'])).toBe(true);
      expect(await store.setListFlags('F-4', old.version, [])).toBe(false); // filled in already
      expect(await store.setListFlags('F-1', 1, [])).toBe(false); // has flags
      expect(await store.ordersWithoutListFlags({ limit: 10 })).toEqual([]);
      expect((await store.getOrder('F-4'))!.listFlags).toEqual(['owed']);
      expect(await ids({ owed: true })).toEqual(['F-1', 'F-4']);
    });

    it('hands out the orders of a version (and state) by id, a page at a time', async () => {
      const store = await fresh();
      for (const id of ['W-3', 'W-1', 'W-4', 'W-2']) await seed(store, id, id === 'W-4' ? { state: 'inTransit' } : {});
      const ids = async (q: Parameters<typeof store.ordersAtVersion>[0]) => (await store.ordersAtVersion(q)).map((o) => o.id);
      expect(await ids({ machineVersion: 1, limit: 3 })).toEqual(['W-1', 'W-2', 'W-3']);
      expect(await ids({ machineVersion: 1, after: 'W-3', limit: 3 })).toEqual(['W-4']);
      expect(await ids({ machineVersion: 1, state: 'inTransit', limit: 10 })).toEqual(['W-4']);
      expect(await ids({ machineVersion: 2, limit: 10 })).toEqual([]);
      expect((await store.ordersAtVersion({ machineVersion: 1, limit: 1 }))[0]).toEqual(await store.getOrder('W-1'));
    });

    it('runs one migration at a time under the lock, and frees it when the work fails', async () => {
      const store = await fresh();
      const log: string[] = [];
      const work = (n: number) => async () => {
        log.push(`start ${n}`);
        await new Promise((resolve) => setTimeout(resolve, 30));
        log.push(`end ${n}`);
        if (n === 1) throw new Error('failed');
        return n;
      };
      const results = await Promise.allSettled([store.withMigrationLock(work(1)), store.withMigrationLock(work(2))]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
      expect(log.slice(0, 2)).toEqual([log[0], log[0]!.replace('start', 'end')]);
      expect(log).toHaveLength(4);
    });
  });
}
