import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { entryBounder, listAt } from '../../src/engine/bounded-view.ts';
import { createEngine } from '../../src/engine/engine.ts';
import type { HostedMachine, ViewList } from '../../src/engine/hosted-machine.ts';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { tinyMachine } from '../support/versions/tiny-machine.ts';

// One of the view's growing lists, whole (what `GET /orders/{id}/<list>` pages through; through the
// API: test/api/bounded-view.test.ts), and how each entry of such a page is bounded.

const n = (count: number) => Array.from({ length: count }, (_, i) => i);

/** The tiny machine with a view of 23 items, item i holding i notes; both lists declared. */
function withLists(): HostedMachine {
  const tiny = tinyMachine();
  const version = { ...tiny.versions[0]!, view: () => ({ items: n(23).map((i) => ({ i, notes: n(i) })) }) };
  const viewLists: Record<string, ViewList> = {
    items: { path: ['items'], description: 'items' },
    'items/{item}/notes': { path: ['items', '*', 'notes'], description: 'notes of an item' },
    absent: { path: ['nowhere'], description: 'a list this view does not have' },
  };
  return { ...tiny, versions: [version], viewLists };
}

async function engineOn(machine: HostedMachine) {
  const store = createSqliteStore(new Database(':memory:'));
  await store.migrate();
  const engine = createEngine({ store, clock: createManualClock(), machine });
  await engine.createOrder({ id: 'L-1' });
  return engine;
}

describe('engine.getViewList', () => {
  it('answers a list whole, not bounded as the view shows it, each entry\'s own lists bounded, with the order\'s version', async () => {
    const engine = await engineOn(withLists());
    const view = await engine.getOrder('L-1');
    expect((view.items as unknown[]).length).toBe(20);
    const found = await engine.getViewList('L-1', 'items');
    expect(found).toMatchObject({ version: 1 });
    const { entries } = found as { entries: { i: number; notes: number[]; notesTotal: number }[] };
    expect(entries.map((e) => e.i)).toEqual(n(23));
    expect(entries[22]).toEqual({ i: 22, notes: n(20).map((i) => i + 2), notesTotal: 22 });
    expect(entries[3]).toEqual({ i: 3, notes: n(3), notesTotal: 3 });
  });

  it('a list inside an entry: the entry at each index; missing when the order has no such entry', async () => {
    const engine = await engineOn(withLists());
    expect(await engine.getViewList('L-1', 'items/{item}/notes', [22])).toEqual({ entries: n(22), version: 1 });
    expect(await engine.getViewList('L-1', 'items/{item}/notes', [0])).toEqual({ entries: [], version: 1 });
    expect(await engine.getViewList('L-1', 'items/{item}/notes', [23])).toEqual({ missing: true });
  });

  it('a list the order\'s view does not have, or a machine without lists: empty', async () => {
    expect(await (await engineOn(withLists())).getViewList('L-1', 'absent')).toEqual({ entries: [], version: 1 });
    expect(await (await engineOn(tinyMachine())).getViewList('L-1', 'items')).toEqual({ entries: [], version: 1 });
  });

  it('the order must exist', async () => {
    const engine = await engineOn(tinyMachine());
    await expect(engine.getViewList('nobody', 'items')).rejects.toMatchObject({ problem: { status: 404 } });
  });
});

describe('entryBounder: the lists inside each entry of a list', () => {
  const entry = () => ({ notes: [1, 2, 3], a: { b: [1, 2, 3] }, x: [1, 2, 3], y: [1, 2, 3] });
  const list = (...path: string[]): ViewList => ({ path, description: '' });

  it('bounds the lists declared under the list\'s entries, at any depth, and no other', () => {
    const lists = {
      notes: list('group', 'items', '*', 'notes'),
      deep: list('group', 'items', '*', 'a', 'b'),
      // Not inside an entry of group.items: another list's entries, or beside the list.
      otherList: list('group', 'others', '*', 'x'),
      elsewhere: list('other', 'items', '*', 'y'),
      beside: list('group', 'items', 'x'),
      besideDeeper: list('group', 'items', 'meta', 'x'),
    };
    const bound = entryBounder(['group', 'items'], lists, 2);
    expect(bound(entry())).toEqual({ notes: [2, 3], a: { b: [2, 3], bTotal: 3 }, x: [1, 2, 3], y: [1, 2, 3], notesTotal: 3 });
    expect(bound('not an object')).toBe('not an object');
    expect(entryBounder(['items'], { notes: list('items', '*', 'notes'), other: list('others', '*', 'x') }, 2)(entry())).toEqual({ ...entry(), notes: [2, 3], notesTotal: 3 });
  });

  it('leaves an entry as it is when no list is declared inside the entries', () => {
    const given = entry();
    expect(entryBounder(['items'], { items: list('items'), x: list('x') })(given)).toBe(given);
    expect(entryBounder(['items'])(given)).toBe(given);
  });
});

describe('listAt: the list at a path of a view', () => {
  const view = { a: [{ b: [[0], [1, 2]] }, { b: [[3]] }], c: { d: [4] }, e: 5 };

  it('follows keys, and each `*` takes the next index', () => {
    expect(listAt(view, ['c', 'd'])).toEqual([4]);
    expect(listAt(view, ['a', '*', 'b'], [1])).toEqual([[3]]);
    expect(listAt(view, ['a', '*', 'b', '*'], [0, 1])).toEqual([1, 2]);
    expect(listAt(view, ['a', '*', 'b', '*'], [1, 0])).toEqual([3]);
  });

  it('is undefined where the view has no list: a missing key or entry, a `*` without its index, a value that is no list', () => {
    expect(listAt(view, ['x', 'd'])).toBeUndefined();
    expect(listAt(view, ['a', '*', 'b'], [2])).toBeUndefined();
    expect(listAt(view, ['a', '*', 'b', '*'], [0])).toBeUndefined();
    expect(listAt(view, ['a', '*'])).toBeUndefined();
    expect(listAt(view, ['e'])).toBeUndefined();
    expect(listAt(view, ['c', '*'], [0])).toBeUndefined();
    expect(listAt(view, ['a', 'b'], [0])).toBeUndefined();
  });
});
