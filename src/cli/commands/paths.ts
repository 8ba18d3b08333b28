import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { orderMachine } from '../../../machines/order/index.ts';
import { currentVersion } from '../../engine/hosted-machine.ts';
import { pathsDocument } from '../../model/paths-document.ts';
import type { Command } from '../index.ts';

/** `npx aftersales paths [--out file]`: the generated test paths of the order machine, as JSON. */
export const command: Command = {
  summary: 'export the test paths generated from the order machine (JSON)',
  async run(args) {
    const { values } = parseArgs({ args, options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      process.stdout.write('usage: aftersales paths [--out file]\n\nWrites the shortest paths to every state and the paths that take every transition,\neach step with the order view expected after it. Without --out, prints to stdout.\n');
      return 0;
    }
    const machine = orderMachine();
    const document = pathsDocument(machine.id, currentVersion(machine));
    const json = `${JSON.stringify(document, null, 2)}\n`;
    if (values.out) {
      writeFileSync(values.out, json);
      process.stderr.write(`wrote ${document.counts.shortest} shortest and ${document.counts.transition} transition paths to ${values.out}\n`);
    } else {
      process.stdout.write(json);
    }
    return 0;
  },
};
