import { parseArgs } from 'node:util';
import { createMigrator, type MigrationReport } from '../../engine/migrator.ts';
import type { Command } from '../command.ts';
import { openForCli } from '../open-for-cli.ts';

/** The report as lines: per version and state, how many orders move (or would move) where, and which cannot. */
export function formatReport(machineId: string, report: MigrationReport): string {
  const verb = report.dryRun ? 'would move' : 'moved';
  const lines = report.groups.map((g) => {
    const moved = Object.entries(g.to).map(([state, n]) => `${n} to ${state}`).join(', ') || 'none';
    const failed = g.failed.length ? `; ${g.failed.length} cannot: ${g.failed.map((f) => `${f.orderId} of tenant ${f.tenant} (${f.reason})`).join('; ')}` : '';
    return `${machineId}@${g.fromVersion} ${g.fromState}: ${verb} to version ${g.toVersion}: ${moved}${failed}`;
  });
  const total = `${report.migrated} order(s) ${verb} to ${machineId}@${report.target}, ${report.failed} cannot`;
  return `${[...lines, total].join('\n')}\n`;
}

/** `npx aftersales migrate [--dry-run] [--json]`: moves the orders of older machine versions to the newest. */
export const command: Command = {
  summary: 'migrate orders of older machine versions to the newest (--dry-run: report only)',
  async run(args) {
    const { values } = parseArgs({ args, options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      process.stdout.write(
        'usage: aftersales migrate [--dry-run] [--json]\n\n' +
          'Migrates every order of an older version of the machine to the newest, in batches, one transaction per\n' +
          'order (snapshot, state, timers, and a MACHINE_MIGRATED history row). --dry-run reports per version and\n' +
          'state how many orders would move where, and which cannot, and writes nothing. Exits 1 if any cannot.\n' +
          'Uses the database of DATABASE_URL or DATABASE_FILE, as `npm start` does.\n',
      );
      return 0;
    }
    const { store, machine, clock, logger } = await openForCli();
    try {
      const report = await createMigrator({ store, machine, clock, logger }).run({ dryRun: values['dry-run'] ?? false });
      process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(machine.id, report));
      return report.failed > 0 ? 1 : 0;
    } finally {
      await store.close();
    }
  },
};
