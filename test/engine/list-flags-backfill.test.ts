import { initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { HostedMachine, MachineVersion } from '../../src/engine/hosted-machine.ts';
import { backfillListFlags } from '../../src/engine/list-flags-backfill.ts';
import { persist } from '../../src/engine/snapshots.ts';
import type { OrderRecord } from '../../src/store/records.ts';
import { tinyMachine } from '../support/versions/tiny-machine.ts';

// The list flags of orders stored before the store kept them, filled in at start
// (test/fixtures/v1-fixture.test.ts does it on the previous release's database).

const tiny = tinyMachine();
const base = tiny.versions[0]!;
/** The tiny machine with two flags on a finished order, named out of order (the store keeps them sorted). */
const version: MachineVersion = { ...base, listFlags: (s) => (s.status === 'done' ? ['settled', 'closed', 'settled'] : []) };
const hosted: HostedMachine = { ...tiny, versions: [version] };

function record(id: string, { finished = false, machineVersion = 1 } = {}): OrderRecord {
  let [snapshot] = initialTransition(version.machine, { createdAt: 0 });
  if (finished) [snapshot] = transition(version.machine, snapshot, { type: 'FINISH', receivedAt: 1 });
  const stored = persist(hosted, version, snapshot);
  return { id, version: 3, state: String(snapshot.value), snapshot: { ...stored, machine: { id: 'tiny', version: machineVersion } }, createHash: 'h', nextDeadlineAt: null, createdAt: 0, updatedAt: 0 };
}

/** A store holding `records` without flags, read in batches by id; `moved` are orders an event changed since the read. */
function storeOf(records: OrderRecord[], moved: string[] = []) {
  const queries: { after?: string; limit: number }[] = [];
  const set: [string, number, readonly string[]][] = [];
  return {
    queries,
    set,
    store: {
      ordersWithoutListFlags: async (query: { after?: string; limit: number }) => {
        queries.push(query);
        return records.filter((r) => r.id > (query.after ?? '')).slice(0, query.limit);
      },
      setListFlags: async (id: string, v: number, flags: readonly string[]) => {
        set.push([id, v, flags]);
        return !moved.includes(id);
      },
    },
  };
}

describe('backfillListFlags', () => {
  it('fills in each order\'s flags, sorted and once each, batch after batch; counts those filled and those flagged', async () => {
    const s = storeOf([record('a', { finished: true }), record('b'), record('c', { finished: true }), record('d'), record('e', { finished: true })]);
    expect(await backfillListFlags({ store: s.store, machine: hosted, batchSize: 2 })).toEqual({ filled: 5, flagged: 3, unrestorable: 0 });
    expect(s.queries).toEqual([{ after: '', limit: 2 }, { after: 'b', limit: 2 }, { after: 'd', limit: 2 }, { after: 'e', limit: 2 }]);
    expect(s.set).toEqual([
      ['a', 3, ['closed', 'settled']],
      ['b', 3, []],
      ['c', 3, ['closed', 'settled']],
      ['d', 3, []],
      ['e', 3, ['closed', 'settled']],
    ]);
  });

  it('counts neither an order an event moved on meanwhile (it has its flags) nor one this code cannot restore (left for doctor)', async () => {
    const s = storeOf([record('a', { finished: true }), record('b', { finished: true, machineVersion: 9 }), record('c', { finished: true }), record('d')], ['c']);
    expect(await backfillListFlags({ store: s.store, machine: hosted })).toEqual({ filled: 2, flagged: 1, unrestorable: 1 });
    expect(s.set.map(([id]) => id)).toEqual(['a', 'c', 'd']);
    expect(s.queries).toEqual([{ after: '', limit: 500 }, { after: 'd', limit: 500 }]);
  });

  it('a record that is not a stored snapshot at all is a bug: the error is passed on', async () => {
    const broken = { ...record('a'), snapshot: { value: 'waiting' } as never };
    await expect(backfillListFlags({ store: storeOf([broken]).store, machine: hosted })).rejects.toBeInstanceOf(TypeError);
  });

  it('an order whose version has no list flags gets none', async () => {
    const s = storeOf([record('a', { finished: true })]);
    expect(await backfillListFlags({ store: s.store, machine: tiny })).toEqual({ filled: 1, flagged: 0, unrestorable: 0 });
    expect(s.set).toEqual([['a', 3, []]]);
  });
});
