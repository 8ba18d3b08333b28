import { parseArgs } from 'node:util';
import type { HostedMachine } from '../../engine/hosted-machine.ts';
import { classifyCensus, unrestorableCount } from '../../engine/version-census.ts';
import type { MigrationStore } from '../../store/migration-store.ts';
import type { Command } from '../command.ts';
import { publicOrderId, tenantOfKey } from '../../tenancy/order-keys.ts';
import { openForCli } from '../open-for-cli.ts';

/** Every order this release cannot restore, with the reason, and what the store holds per version. */
export async function diagnose(store: MigrationStore, machine: HostedMachine) {
  const report = classifyCensus(machine, await store.versionCensus());
  // Each order by its tenant and the id its tenant knows: two tenants may hold the same id.
  const orders: { tenant: string; orderId: string; machineVersion: number; state: string; reason: string }[] = [];
  for (const group of report.unrestorable) {
    for (let after = ''; ; ) {
      const batch = await store.ordersAtVersion({ machineVersion: group.machineVersion, state: group.state, after, limit: 500 });
      if (batch.length === 0) break;
      for (const o of batch) orders.push({ tenant: tenantOfKey(o.id), orderId: publicOrderId(o.id), machineVersion: group.machineVersion, state: group.state, reason: group.reason });
      after = batch.at(-1)!.id;
    }
  }
  return { report, orders };
}

/** `npx aftersales doctor`: lists the orders this release cannot restore; exits 1 when there are any. */
export const command: Command = {
  summary: 'list the orders this release cannot restore (unknown version or state); exits 1 if any',
  async run(args) {
    const { values } = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      process.stdout.write('usage: aftersales doctor\n\nChecks every stored order against the machine versions of this release (DATABASE_URL or DATABASE_FILE).\n');
      return 0;
    }
    const { store, machine } = await openForCli({ quiet: true });
    try {
      const { report, orders } = await diagnose(store, machine);
      const versions = Object.entries(report.byVersion).map(([v, n]) => `${n} at version ${v}`).join(', ') || 'none';
      process.stdout.write(`${report.total} order(s) of ${machine.id} (this release has versions ${machine.versions.map((v) => v.version).join(', ')}): ${versions}\n`);
      if (report.older > 0) process.stdout.write(`${report.older} order(s) pinned to older versions: \`npx aftersales migrate\` moves them\n`);
      for (const o of orders) process.stdout.write(`cannot restore ${o.orderId} of tenant ${o.tenant}: ${machine.id}@${o.machineVersion} in ${o.state}: ${o.reason}\n`);
      const count = unrestorableCount(report);
      process.stdout.write(count === 0 ? 'every order can be restored\n' : `${count} order(s) cannot be restored by this release\n`);
      return count === 0 ? 0 : 1;
    } finally {
      await store.close();
    }
  },
};
