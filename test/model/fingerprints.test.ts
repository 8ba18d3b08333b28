import { describe, expect, it } from 'vitest';
import { orderMachine } from '../../machines/order/index.ts';
import { command } from '../../src/cli/commands/fingerprint.ts';
import type { MachineVersion } from '../../src/engine/hosted-machine.ts';
import { fingerprintOf } from '../../src/model/fingerprint.ts';

const machine = orderMachine();
const v1 = machine.versions[0]! as MachineVersion;

describe('version fingerprints', () => {
  it('each version in the tree still hashes to the fingerprint it committed (a change needs a new version)', () => {
    expect(machine.versions.map((v) => v.version)).toEqual([1, 2]);
    for (const version of machine.versions) expect(fingerprintOf(version), `order@${version.version}`).toBe(version.fingerprint);
  });

  it('changes with the behaviour, the statechart, the schemas, the deadline table or the e-mails', () => {
    const changed: [string, MachineVersion][] = [
      ['a guard', { ...v1, machine: v1.machine.provide({ guards: { isDomestic: () => true } }) }],
      ['an assignment', { ...v1, machine: v1.machine.provide({ actions: { escalate: () => {} } }) }],
      ['a state description', { ...v1, machine: v1.machine.provide({}), view: (s, armed, accepted) => ({ ...v1.view(s, armed, accepted), description: 'changed' }) }],
      ['a deadline table', { ...v1, deadlines: { ...v1.deadlines, evidenceDueAt: 'TIMER.EVIDENCE_LATE' } }],
      ['an event schema', { ...v1, eventSchemas: { ...v1.eventSchemas, SHIPPED: v1.eventSchemas.DELIVERED! } }],
      ['an e-mail', { ...v1, effects: { ...v1.effects, sendCustomsReminder: { kind: 'customs.reminder' } } }],
    ];
    const before = fingerprintOf(v1);
    for (const [what, version] of changed) expect(fingerprintOf(version), what).not.toBe(before);
  });

  it('`aftersales fingerprint` prints each version and exits 0 while all match', async () => {
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => (lines.push(chunk), true)) as typeof process.stdout.write;
    try {
      expect(await command.run([])).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    expect(lines.join('')).toBe(`order@1  ${v1.fingerprint}  as committed\norder@2  ${machine.versions[1]!.fingerprint}  as committed\n`);
  });
});
