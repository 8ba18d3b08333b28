import { parseArgs } from 'node:util';
import { orderMachine } from '../../../machines/order/index.ts';
import { fingerprintOf } from '../../model/fingerprint.ts';
import type { Command } from '../command.ts';

/** `npx aftersales fingerprint`: each version's fingerprint, computed and as committed. Exits 1 when one differs. */
export const command: Command = {
  summary: 'print the fingerprint of each order machine version, and whether it matches the committed one',
  async run(args) {
    const { values } = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      process.stdout.write('usage: aftersales fingerprint\n\nA version whose definition changed without a new version number answers "changed" (exit 1).\n');
      return 0;
    }
    const machine = orderMachine();
    let changed = 0;
    for (const version of machine.versions) {
      const computed = fingerprintOf(version);
      const same = computed === version.fingerprint;
      if (!same) changed++;
      process.stdout.write(`${machine.id}@${version.version}  ${computed}  ${same ? 'as committed' : `changed (committed: ${version.fingerprint})`}\n`);
    }
    return changed === 0 ? 0 : 1;
  },
};
