import { describe, expect, it } from 'vitest';
import { recentEntries } from '../../src/engine/bounded-view.ts';

// Which entries of a long list the view shows (through boundedView: test/engine/bounded-view.test.ts).

const n = (count: number) => Array.from({ length: count }, (_, i) => i);
const even = (i: number) => i % 2 === 0;

describe('recentEntries', () => {
  it('a list no longer than the limit whole; a longer one its most recent, in its own order', () => {
    expect(recentEntries(n(3), 3)).toEqual([0, 1, 2]);
    expect(recentEntries(n(5), 3)).toEqual([2, 3, 4]);
  });

  it('the most recent of the kept entries first, however many are kept, then the most recent of the others', () => {
    expect(recentEntries(n(10), 4, (i) => i === 1)).toEqual([1, 7, 8, 9]);
    // More kept entries than the limit: only the most recent of them.
    expect(recentEntries(n(10), 3, even)).toEqual([4, 6, 8]);
    expect(recentEntries(n(10), 5, even)).toEqual([0, 2, 4, 6, 8]);
  });
});
