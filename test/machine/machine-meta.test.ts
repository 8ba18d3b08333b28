import { describe, expect, it } from 'vitest';
import type { AnyStateNode } from 'xstate';
import * as v1 from '../../machines/order/v1/index.ts';
import * as v2 from '../../machines/order/v2/index.ts';
import type { StateMeta } from '../../machines/order/v1/index.ts';

const walk = (n: AnyStateNode): AnyStateNode[] => [n, ...Object.values(n.states).flatMap(walk)];
// Built inside each test, not at module load, so that mutation testing can tell which tests run
// the machine's definition (code run at import time makes every mutant in it "static").
function machineNodes(version: typeof v1 | typeof v2) {
  const machine = version.createOrderMachine();
  const nodes = walk(machine.root);
  return { machine, nodes, leaves: nodes.filter((n) => n.type === 'atomic') };
}
const metaOf = (n: AnyStateNode) => n.meta as StateMeta | undefined;
const ancestors = (n: AnyStateNode): AnyStateNode[] => (n.parent ? [n.parent, ...ancestors(n.parent)] : []);

// Version 2 adds a lost parcel and an escalated customs hold (R13), and a rejected claim that returns to delivered.
describe.each([
  { name: 'version 1', version: v1, atomicStates: 16 },
  { name: 'version 2', version: v2, atomicStates: 19 },
])('the order machine ($name) declares what it waits for', ({ version, atomicStates }) => {
  it('every atomic state that waits on someone arms a deadline or says why not (DOMAIN.md invariant)', () => {
    const { leaves } = machineNodes(version);
    expect(leaves).toHaveLength(atomicStates);
    const missing = leaves.filter((n) => metaOf(n)?.waitsOn && !(metaOf(n)?.deadlines?.length || metaOf(n)?.noDeadlineReason)).map((n) => n.id);
    expect(missing).toEqual([]);
    const silent = leaves.filter((n) => !metaOf(n)?.description).map((n) => n.id);
    expect(silent).toEqual([]);
    const notWaiting = leaves.filter((n) => !metaOf(n)?.waitsOn && n.parent?.id === 'order' && !['order.refunded', 'order.completed'].includes(n.id)).map((n) => n.id);
    expect(notWaiting).toEqual([]);
  });

  it('every state node but the root and the history nodes describes itself (the machine graph shows it)', () => {
    const { machine, nodes } = machineNodes(version);
    const undescribed = nodes.filter((n) => n !== machine.root && n.type !== 'history' && !metaOf(n)?.description?.trim()).map((n) => n.id);
    expect(undescribed).toEqual([]);
    expect(nodes.filter((n) => metaOf(n)?.noDeadlineReason !== undefined && !metaOf(n)?.noDeadlineReason?.trim()).map((n) => n.id)).toEqual([]);
  });

  it('every deadline a state arms is handled by that state, so a due timer can always fire', () => {
    const { leaves } = machineNodes(version);
    for (const leaf of leaves) {
      for (const name of metaOf(leaf)?.deadlines ?? []) {
        const event = (version.deadlineEvents as Record<string, string>)[name]!;
        const handled = [leaf, ...ancestors(leaf)].some((n) => n.on[event] !== undefined);
        expect(handled, `${leaf.id} arms ${name} but does not handle ${event}`).toBe(true);
      }
    }
  });

  it('uses no delayed transitions, delayed raises or invoked actors (deadlines are data)', () => {
    const { nodes } = machineNodes(version);
    for (const n of nodes) {
      expect(n.after, n.id).toEqual([]);
      expect(n.invoke, n.id).toEqual([]);
    }
  });

  it('has the public top-level states of DOMAIN.md, and no others', () => {
    const { machine, nodes } = machineNodes(version);
    expect(Object.keys(machine.root.states)).toEqual(['preShipment', 'inTransit', 'delivered', 'dispute', 'verification', 'reship', 'refund', 'refunded', 'completed']);
    expect(nodes.filter((n) => n.type === 'final').map((n) => n.id)).toEqual(['order.refunded', 'order.completed']);
  });
});
