import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { orderMachine } from '../../../machines/order/index.ts';
import { currentVersion } from '../../engine/hosted-machine.ts';
import { machineGraph } from '../../inspector/machine-graph.ts';
import { toMermaid } from '../../inspector/mermaid.ts';
import { drawStatechart, type ElkLike } from '../../inspector/public/statechart.js';
import type { Command } from '../command.ts';

// elkjs is CommonJS whose typings declare an ES default export; load it the way Node sees it.
const ELK = createRequire(import.meta.url)('elkjs/lib/elk.bundled.js') as new () => ElkLike;

/** `aftersales diagram [--out docs/]`: the order machine as Mermaid and SVG, for docs. No browser needed. */
export const command: Command = {
  summary: 'write the order machine as Mermaid (order-machine.mmd) and SVG (order-machine.svg)',
  async run(args) {
    const { values } = parseArgs({ args, options: { out: { type: 'string', default: 'docs' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      process.stdout.write('usage: aftersales diagram [--out DIR]   (default DIR: docs)\n');
      return 0;
    }
    const machine = orderMachine();
    const graph = machineGraph(machine.id, currentVersion(machine));
    const svg = await drawStatechart(graph, new ELK());
    await mkdir(values.out, { recursive: true });
    const files = [join(values.out, 'order-machine.mmd'), join(values.out, 'order-machine.svg')];
    await writeFile(files[0]!, toMermaid(graph));
    await writeFile(files[1]!, `${svg}\n`);
    process.stdout.write(`${files.join('\n')}\n`);
    return 0;
  },
};
