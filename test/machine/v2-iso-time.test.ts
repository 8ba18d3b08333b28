import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoTime } from '../../machines/order/v2/iso-time.ts';

// The order view's times are written by hand (isoTime) for speed: they must read exactly as
// `toISOString` writes them, and anything it does not cover must be `toISOString`'s.
const LAST_FOUR_DIGIT_MS = Date.parse('9999-12-31T23:59:59.999Z');
const native = (ms: number) => new Date(ms).toISOString();

describe('isoTime', () => {
  it('writes what toISOString writes for every whole millisecond from 1970 to the end of 9999', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: LAST_FOUR_DIGIT_MS }), (ms) => isoTime(ms) === native(ms)), { numRuns: 20_000 });
  });

  it('at the edges of days, months, leap years and centuries', () => {
    const edges = ['1970-01-01T00:00:00.000Z', '1999-12-31T23:59:59.999Z', '2000-02-29T12:00:00.000Z', '2000-03-01T00:00:00.000Z', '2024-02-29T23:59:59.999Z',
      '2100-02-28T23:59:59.999Z', '2100-03-01T00:00:00.000Z', '2026-03-02T00:00:00.010Z', '2026-12-31T23:59:59.099Z', '9999-12-31T23:59:59.999Z'];
    for (const edge of edges) {
      const ms = Date.parse(edge);
      for (const near of [ms - 1, ms, ms + 1]) expect(isoTime(near)).toBe(native(near));
    }
  });

  it('leaves other numbers to toISOString: times before 1970 or past 9999, fractions, and NaN, which throws as it does', () => {
    // Before the year 0 toISOString writes a signed six-digit year, which the hand-written digits cannot.
    const beforeYearZero = [Date.parse('-000001-12-31T23:59:59.999Z'), Date.parse('-271821-04-20T00:00:00.000Z'), -8.64e15];
    for (const ms of [-1, -86_400_001, Date.parse('0001-01-01T00:00:00Z'), ...beforeYearZero, LAST_FOUR_DIGIT_MS + 1, 8.64e15, 1.5, 1_796_112_905_524.25]) expect(isoTime(ms)).toBe(native(ms));
    expect(isoTime(beforeYearZero[0]!)).toBe('-000001-12-31T23:59:59.999Z');
    expect(() => isoTime(Number.NaN)).toThrow(RangeError);
    expect(() => isoTime(8.64e15 + 1)).toThrow(RangeError);
  });
});
