import { assign, fromCallback, initialTransition, setup, transition, type AnyActorRef } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { HostedMachine } from '../../src/engine/hosted-machine.ts';
import { persist, restore, statePath, UnrestorableSnapshotError, versionOf } from '../../src/engine/snapshots.ts';
import { tinyMachine } from '../support/versions/tiny-machine.ts';

// What the host's own machines never have (test/engine/snapshots.test.ts covers theirs): a snapshot
// with child actors, persisted as XState persists it.

describe('persist: a snapshot with child actors', () => {
  it('is persisted by XState (actor references in context replaced, history by id), stamped, without the children', () => {
    const machine = setup({ actors: { child: fromCallback(() => () => {}) } }).createMachine({
      id: 'p',
      context: { n: 1, ref: undefined as AnyActorRef | undefined },
      initial: 'work',
      states: {
        work: { initial: 'w1', states: { w1: { on: { NEXT: 'w2' } }, w2: {}, hist: { type: 'history' } }, on: { PAUSE: 'paused' } },
        paused: { entry: assign({ ref: ({ spawn }) => spawn('child', { id: 'kid' }) }), on: { RESUME: 'work.hist' } },
      },
    });
    const tiny = tinyMachine();
    const version = { ...tiny.versions[0]!, version: 4, machine };
    const hosted: HostedMachine = { ...tiny, id: 'p', versions: [version] };
    let [snapshot] = initialTransition(machine);
    for (const type of ['NEXT', 'PAUSE']) [snapshot] = transition(machine, snapshot, { type });
    expect(Object.keys(snapshot.children)).toEqual(['kid']);
    expect(persist(hosted, version, snapshot)).toEqual({
      machine: { id: 'p', version: 4 },
      status: 'active',
      value: 'paused',
      historyValue: { 'p.work.hist': [{ id: 'p.work.w2' }] },
      context: { n: 1, ref: { xstate$$type: 1, id: 'kid' } },
    });
  });
});

describe('statePath', () => {
  it('of a value naming no state is empty; a state without a value is a leaf', () => {
    expect(statePath({})).toBe('');
    expect(statePath({ refund: undefined } as never)).toBe('refund');
  });
});

describe('restore and its error, beyond test/engine/snapshots.test.ts', () => {
  it('a stored snapshot without a status is restored active, as resolveState does', () => {
    const hosted = tinyMachine();
    const version = hosted.versions[0]!;
    const stored = persist(hosted, version, initialTransition(version.machine, { createdAt: 0 })[0]);
    expect(restore(version, { ...stored, status: undefined as never }).status).toBe('active');
    expect(version.machine.resolveState({ value: stored.value, context: stored.context } as never).status).toBe('active');
  });

  it('a state the version lacks: the error keeps what XState threw as its cause', () => {
    const hosted = tinyMachine();
    const version = hosted.versions[0]!;
    const stored = persist(hosted, version, initialTransition(version.machine, { createdAt: 0 })[0]);
    const error = (() => {
      try {
        restore(version, { ...stored, value: 'vanished' });
      } catch (e) {
        return e as UnrestorableSnapshotError;
      }
    })();
    expect(error).toBeInstanceOf(UnrestorableSnapshotError);
    expect(error!.cause).toBeInstanceOf(Error);
    expect(error!.reason).toBe(`version 1 cannot restore it: ${(error!.cause as Error).message}`);
  });

  it('is an UnrestorableSnapshotError by name too (as logs show it)', () => {
    const hosted = tinyMachine();
    const attempt = () => versionOf(hosted, { machine: { id: 'tiny', version: 7 }, status: 'active', value: 'waiting', historyValue: {}, context: {} });
    expect(attempt).toThrow(UnrestorableSnapshotError);
    expect(attempt).toThrow('tiny@7 in waiting: version 7 is newer than this code (it has tiny up to version 1): a newer release wrote it');
    // A definition without versions has none up to 0 (a start refuses it before: currentVersion).
    expect(() => versionOf({ ...hosted, versions: [] }, { machine: { id: 'tiny', version: 1 }, status: 'active', value: 'waiting', historyValue: {}, context: {} })).toThrow(
      'version 1 is newer than this code (it has tiny up to version 0)',
    );
    try {
      attempt();
    } catch (error) {
      expect((error as Error).name).toBe('UnrestorableSnapshotError');
    }
  });
});
