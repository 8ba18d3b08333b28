import { initialTransition } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { HostedMachine, MachineVersion } from '../../src/engine/hosted-machine.ts';
import { listFlagsOf } from '../../src/engine/hosted-machine.ts';
import { nextCommit } from '../../src/engine/next-commit.ts';
import type { OrderRecord } from '../../src/store/records.ts';
import { tinyMachine } from '../support/versions/tiny-machine.ts';

// The list flags a commit stores (GET /orders?<flag>=true; through the API:
// test/api/supplier-refund-owed.test.ts): computed by the order's version, sorted, once each, and
// written only when they changed, so that an unchanged order rewrites no index rows.

const tiny = tinyMachine();
const [snapshot] = initialTransition(tiny.versions[0]!.machine, { createdAt: 0 });
const event = { type: 'E', payload: {}, at: 5, idempotencyKey: null, source: 'client' as const, dueAt: null };

function commitWith(flags: string[] | undefined, before: string[] | undefined, prev = true) {
  const version: MachineVersion = { ...tiny.versions[0]!, ...(flags ? { listFlags: () => flags } : {}) };
  const hosted: HostedMachine = { ...tiny, versions: [version] };
  const record = { id: 'F-1', version: 1, state: 'waiting', createHash: 'h', createdAt: 0, updatedAt: 0, nextDeadlineAt: null, ...(before ? { listFlags: before } : {}) } as OrderRecord;
  return nextCommit({ hosted, version, prev: prev ? record : null, id: 'F-1', createHash: 'h', next: snapshot, armed: [], actions: [], event });
}

describe('the list flags of a commit', () => {
  it('are the version\'s, sorted and once each; none when the version has none', () => {
    expect(listFlagsOf({ ...tiny.versions[0]!, listFlags: () => ['b', 'a', 'b'] }, snapshot)).toEqual(['a', 'b']);
    expect(listFlagsOf(tiny.versions[0]!, snapshot)).toEqual([]);
    expect(commitWith(['b', 'a'], undefined).order.listFlags).toEqual(['a', 'b']);
  });

  it('are written on creation, and after an event only when they changed', () => {
    const written = (flags: string[] | undefined, before: string[] | undefined, prev = true) => {
      const commit = commitWith(flags, before, prev);
      return 'listFlags' in commit ? commit.listFlags : 'unchanged';
    };
    expect(written(['a'], undefined, false)).toEqual(['a']);
    expect(written(undefined, undefined, false)).toEqual([]);
    expect(written(['a'], ['a'])).toBe('unchanged');
    expect(written(['b', 'a'], ['a', 'b'])).toBe('unchanged');
    expect(written(undefined, [])).toBe('unchanged');
    // Changed: another flag, one more, one fewer, or an order stored before flags were kept.
    expect(written(['b'], ['a'])).toEqual(['b']);
    expect(written(['a', 'b'], ['a'])).toEqual(['a', 'b']);
    expect(written(['a'], ['a', 'b'])).toEqual(['a']);
    expect(written(undefined, ['a'])).toEqual([]);
    expect(written(undefined, undefined)).toEqual([]);
  });
});
