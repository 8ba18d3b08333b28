import { describe, expect, it } from 'vitest';
import { loadCalendar } from '../../src/calendar/load-calendar.ts';
import { addWorkingDays, workingDaysCounter } from '../../src/calendar/working-days.ts';

describe('workingDaysCounter', () => {
  it('answers exactly as addWorkingDays for any instant, however often it is asked', () => {
    const calendar = loadCalendar();
    const count = workingDaysCounter(calendar, { maxEntries: 50 });
    // Every 7 hours 13 minutes across 2025-2027 (day boundaries, holidays, an uncovered year), twice.
    const start = Date.parse('2025-09-20T00:00:00Z');
    for (let round = 0; round < 2; round++) {
      for (let t = start; t < start + 500 * 86_400_000; t += 26_000_000) {
        for (const days of [1, 15]) expect(count(t, days)).toEqual(addWorkingDays(t, days, calendar));
      }
    }
  });

  it('still refuses bad input', () => {
    const count = workingDaysCounter(loadCalendar());
    expect(() => count(Number.NaN, 15)).toThrow(RangeError);
    expect(() => count(0, -1)).toThrow(RangeError);
  });
});
