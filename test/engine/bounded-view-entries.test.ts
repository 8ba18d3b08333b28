import { expect, it } from 'vitest';
import { boundedView } from '../../src/engine/bounded-view.ts';

// What boundedView meets in a view besides lists of objects (test/engine/bounded-view.test.ts):
// an own `__proto__` key (a view may hold what clients sent, and JSON gives an object one), which the
// bounded copy keeps as a key and does not take for its prototype; entries that are not objects.

it('a view with an own __proto__ key is copied with that key, not with it as prototype', () => {
  const view = JSON.parse('{"__proto__": {"polluted": true}, "items": [1, 2, 3]}') as Record<string, unknown>;
  const bounded = boundedView(view, { items: { path: ['items'], description: '' } }, 2);
  expect(Object.hasOwn(bounded, '__proto__')).toBe(true);
  expect((bounded as { polluted?: boolean }).polluted).toBeUndefined();
  expect(JSON.stringify(bounded)).toBe('{"__proto__":{"polluted":true},"items":[2,3],"itemsTotal":3}');
});

it('an entry of a list that is not an object (null, a number) is shown as it is, where the lists inside the others are bounded', () => {
  const view = { items: [null, 7, { evidence: [1, 2, 3] }] };
  expect(boundedView(view, { evidence: { path: ['items', '*', 'evidence'], description: '' } }, 2)).toEqual({
    items: [null, 7, { evidence: [2, 3], evidenceTotal: 3 }],
  });
});

it('a path that names no list inside an entry bounds nothing: one ending in `*`, one starting with it', () => {
  // `['rows', '*']` declares the rows themselves, not a list inside each; `*` at the top names no list's entries.
  const view = { rows: [{ undefined: [1, 2, 3] }], '*': [1, 2, 3] };
  const lists = { rows: { path: ['rows', '*'], description: '' }, star: { path: ['*'], description: '' }, starred: { path: ['*', 'x'], description: '' } };
  expect(boundedView(view, lists, 2)).toEqual(view);
});
