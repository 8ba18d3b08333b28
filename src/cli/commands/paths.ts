import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readConfig } from '../../config.ts';
import { currentVersion } from '../../engine/hosted-machine.ts';
import { pathsDocument } from '../../model/paths-document.ts';
import { pathsLines } from '../../model/paths-lines.ts';
import { orderMachineFrom } from '../../order-wiring.ts';
import type { Command } from '../command.ts';

const usage = `usage: aftersales paths [--out file] [--format json|jsonl] [--version n]

Writes the shortest paths to every state and the paths that take every transition, each step with
the order view expected after it (deadlines with their due times), as one JSON document, or as JSON
Lines (--format jsonl, or an --out file ending in .jsonl): one line per step, the order's creation
first (step 0). --version: the paths of that version of the order machine (default: the newest).
Working days are counted on the calendar of CALENDAR_FILE/CALENDAR_ZONE, as by npm start.
Without --out, prints to stdout.
`;

/** `npx aftersales paths [--out file] [--format json|jsonl] [--version n]`: the generated test paths of the order machine. */
export const command: Command = {
  summary: 'export the test paths generated from the order machine (JSON or JSON Lines)',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: { out: { type: 'string', short: 'o' }, format: { type: 'string' }, version: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      process.stdout.write(usage);
      return 0;
    }
    const format = values.format ?? (values.out?.endsWith('.jsonl') ? 'jsonl' : 'json');
    if (format !== 'json' && format !== 'jsonl') {
      process.stderr.write(`aftersales paths: --format is json or jsonl, not ${format}\n`);
      return 2;
    }
    const { machine } = orderMachineFrom(readConfig());
    const version = values.version === undefined ? currentVersion(machine) : machine.versions.find((v) => String(v.version) === values.version);
    if (!version) {
      process.stderr.write(`aftersales paths: ${machine.id} has no version ${values.version} (this release has ${machine.versions.map((v) => v.version).join(', ')})\n`);
      return 2;
    }
    const document = pathsDocument(machine.id, version);
    const text = format === 'json' ? `${JSON.stringify(document, null, 2)}\n` : pathsLines(document).map((line) => `${JSON.stringify(line)}\n`).join('');
    if (values.out) {
      writeFileSync(values.out, text);
      process.stderr.write(`wrote ${document.counts.shortest} shortest and ${document.counts.transition} transition paths of ${machine.id}@${version.version} to ${values.out}\n`);
    } else {
      process.stdout.write(text);
    }
    return 0;
  },
};
