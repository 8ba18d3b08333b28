import { expect, it } from 'vitest';
import { boundedView } from '../../src/engine/bounded-view.ts';

// A view may hold what clients sent, and JSON gives an object an own `__proto__` key: the bounded
// copy keeps it as a key, as the view had it, and does not take it for the copy's prototype.

it('a view with an own __proto__ key is copied with that key, not with it as prototype', () => {
  const view = JSON.parse('{"__proto__": {"polluted": true}, "items": [1, 2, 3]}') as Record<string, unknown>;
  const bounded = boundedView(view, { items: { path: ['items'], description: '' } }, 2);
  expect(Object.hasOwn(bounded, '__proto__')).toBe(true);
  expect((bounded as { polluted?: boolean }).polluted).toBeUndefined();
  expect(JSON.stringify(bounded)).toBe('{"__proto__":{"polluted":true},"items":[2,3],"itemsTotal":3}');
});
