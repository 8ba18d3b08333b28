import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { orderMachine } from '../../machines/order/index.ts';
import { currentVersion } from '../../src/engine/hosted-machine.ts';
import { command } from '../../src/cli/commands/diagram.ts';
import { machineGraph, type StateDef } from '../../src/inspector/machine-graph.ts';

const order = orderMachine();
const graph = machineGraph(order.id, currentVersion(order));
const all = (s: StateDef): StateDef[] => [s, ...s.states.flatMap(all)];
const states = all(graph.root).filter((s) => s.path !== '');
const transitions = states.flatMap((s) => s.transitions.flatMap((t) => t.targets.map((target) => ({ from: s.path, to: target, label: `${t.event}${t.guard ? ` [${t.guard}]` : ''}` }))));
const id = (path: string) => path.replace(/\./g, '_');

describe('npx aftersales diagram', () => {
  const out = mkdtempSync(join(tmpdir(), 'diagram-'));
  const written = command.run(['--out', out]);

  it('writes Mermaid with every state (nested as composites) and every transition', async () => {
    expect(await written).toBe(0);
    const mmd = readFileSync(join(out, 'order-machine.mmd'), 'utf8');
    expect(mmd.startsWith('stateDiagram-v2\n')).toBe(true);
    for (const s of states) expect(mmd).toContain(s.type === 'history' ? `state "H" as ${id(s.path)}` : `state "${s.key}" as ${id(s.path)}`);
    for (const s of states.filter((s) => s.states.length > 0)) expect(mmd).toMatch(new RegExp(`state ${id(s.path)} \\{\\n\\s+\\[\\*\\] --> ${id(s.initial!)}\\n`));
    for (const t of transitions) expect(mmd).toContain(`${id(t.from)} --> ${id(t.to)} : ${t.label}\n`);
    expect(mmd).toContain('preShipment_processing_awaitingShipment : ◷ expediteAt → TIMER.EXPEDITE');
    expect(mmd.match(/-->/g)?.length).toBe(transitions.length + states.filter((s) => s.initial).length + 1 + states.filter((s) => s.type === 'final').length);
  });

  it('writes an SVG with a box per state and a labelled edge per transition', async () => {
    await written;
    const svg = readFileSync(join(out, 'order-machine.svg'), 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const s of states) expect(svg).toContain(`data-path="${s.path}"`);
    expect(svg.match(/<g class="edge[^"]*" data-event=/g)?.length).toBe(transitions.length);
    expect(svg).toContain('>TIMER.EXPEDITE</text>');
  });

  it('matches the committed docs and the lifecycle guide (run `npx aftersales diagram` after changing the machine)', async () => {
    await written;
    const mmd = readFileSync(join(out, 'order-machine.mmd'), 'utf8');
    expect(readFileSync('docs/order-machine.mmd', 'utf8')).toBe(mmd);
    expect(readFileSync('docs/order-machine.svg', 'utf8')).toBe(readFileSync(join(out, 'order-machine.svg'), 'utf8'));
    expect(readFileSync('docs/lifecycle.md', 'utf8')).toContain(`\`\`\`mermaid\n${mmd}\`\`\``);
  });
});
