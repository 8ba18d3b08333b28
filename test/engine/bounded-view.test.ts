import { describe, expect, it } from 'vitest';
import { boundedView } from '../../src/engine/bounded-view.ts';
import type { ViewList } from '../../src/engine/hosted-machine.ts';

const n = (count: number, f: (i: number) => unknown = (i) => i) => Array.from({ length: count }, (_, i) => f(i));

const lists: Record<string, ViewList> = {
  a: { path: ['a'], description: '' },
  owed: { path: ['pair', 'owed'], description: '' },
  settled: { path: ['pair', 'settled'], description: '' },
  items: { path: ['items'], description: '', keep: (e) => (e as { pinned?: boolean }).pinned === true },
  evidence: { path: ['items', '*', 'evidence'], description: '' },
  lastEvidence: { path: ['last', 'evidence'], description: '' },
};

const view = () => ({
  id: 'x',
  a: n(3),
  pair: { owed: n(25), note: 'kept', settled: n(2) },
  items: n(23, (i) => ({ i, evidence: n(i), pinned: i === 0 })),
  last: { evidence: n(30), at: 1 },
  missing: null,
  tail: true,
});

describe('boundedView', () => {
  it('bounds every declared list, keeps each where it was and puts its total after the other keys, in the order of the lists', () => {
    type Item = { i: number; evidence: number[]; evidenceTotal?: number };
    const bounded = boundedView(view(), lists, 20) as unknown as { pair: object; a: number[]; aTotal: number; items: Item[]; itemsTotal: number; last: object };
    expect(Object.keys(bounded)).toEqual(['id', 'a', 'pair', 'items', 'last', 'missing', 'tail', 'aTotal', 'itemsTotal']);
    expect(Object.keys(bounded.pair)).toEqual(['owed', 'note', 'settled', 'owedTotal', 'settledTotal']);
    expect(bounded.pair).toEqual({ owed: n(20, (i) => i + 5), note: 'kept', settled: n(2), owedTotal: 25, settledTotal: 2 });
    expect(bounded.a).toEqual(n(3));
    expect(bounded.aTotal).toBe(3);
    // The kept entry first among the 20 shown, then the most recent; each shown entry's own list bounded too.
    expect(bounded.items.map((e) => e.i)).toEqual([0, ...n(19, (i) => i + 4)]);
    expect(bounded.itemsTotal).toBe(23);
    const item22 = bounded.items.at(-1)!;
    expect(item22.evidence).toEqual(n(20, (i) => i + 2));
    expect(item22.evidenceTotal).toBe(22);
    expect(Object.keys(bounded.items[0]!)).toEqual(['i', 'evidence', 'pinned', 'evidenceTotal']);
    expect(bounded.last).toEqual({ evidence: n(20, (i) => i + 10), at: 1, evidenceTotal: 30 });
  });

  it('changes nothing of the view it is given, at any depth', () => {
    const given = view();
    const before = JSON.stringify(given);
    const bounded = boundedView(given, lists, 20) as unknown as typeof given;
    expect(JSON.stringify(given)).toBe(before);
    expect(bounded).not.toBe(given);
    expect(bounded.pair).not.toBe(given.pair);
    expect(bounded.items[0]).not.toBe(given.items[0]);
  });

  it('answers the view itself when it has none of the lists, and a list that is not an array as it is', () => {
    const plain = { id: 'x', items: 'none' };
    expect(boundedView(plain, lists, 20)).toBe(plain);
  });
});
