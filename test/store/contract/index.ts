import type { Store } from '../../../src/store/store.ts';
import { backlogStoreContract } from './backlog-store.ts';
import { engineStoreContract } from './engine-store.ts';
import { migrationStoreContract } from './migration-store.ts';
import { orderQueriesContract } from './order-queries.ts';
import { outboxStoreContract } from './outbox-store.ts';
import { subscriptionStoreContract } from './subscription-store.ts';
import { tenantStoreContract } from './tenant-store.ts';
import type { ContractOptions } from './support.ts';

/**
 * Every port's contract suite, for one adapter: its test file calls this with a factory of
 * migrated, empty stores; server-backed adapters decide themselves whether they can run.
 */
export function storeContracts(options: ContractOptions & { additionalTests?: (ctx: { create: () => Promise<Store> }) => void }) {
  engineStoreContract(options);
  orderQueriesContract(options);
  outboxStoreContract(options);
  subscriptionStoreContract(options);
  migrationStoreContract(options);
  backlogStoreContract(options);
  tenantStoreContract(options);
  options.additionalTests?.({ create: options.create });
}
