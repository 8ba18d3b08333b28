import { describe, expect, it } from 'vitest';
import { loadCalendar } from '../../src/calendar/load-calendar.ts';
import { addWorkingDays, workingDaysCounter, type WorkingDaysResult } from '../../src/calendar/working-days.ts';

describe('workingDaysCounter', () => {
  // About 6,600 comparisons against the day-by-day reference: 20-25 s on a loaded machine, so it
  // has a timeout of its own. The reference is computed once per instant; the counter is asked twice
  // (the second round answers from its cache, which is what this test is about).
  it('answers exactly as addWorkingDays for any instant, however often it is asked', { timeout: 90_000 }, () => {
    const calendar = loadCalendar();
    const count = workingDaysCounter(calendar, { maxEntries: 50 });
    // Every 7 hours 13 minutes across 2025-2027 (day boundaries, holidays, an uncovered year), twice.
    const start = Date.parse('2025-09-20T00:00:00Z');
    const cases: [number, number, WorkingDaysResult][] = [];
    for (let t = start; t < start + 500 * 86_400_000; t += 26_000_000) {
      for (const days of [1, 15]) cases.push([t, days, addWorkingDays(t, days, calendar)]);
    }
    for (let round = 0; round < 2; round++) {
      for (const [t, days, expected] of cases) expect(count(t, days)).toEqual(expected);
    }
  });

  it('names the local day right across daylight-saving changes (it remembers the bounds of the last day asked)', () => {
    // Europe/Berlin: 2026-03-29 has 23 hours, 2026-10-25 has 25; every 20 minutes around both, and back in time too.
    const calendar = { name: 'test', zone: 'Europe/Berlin', years: [2026], holidays: new Set<string>(), workdays: new Set<string>() };
    const count = workingDaysCounter(calendar);
    for (const around of ['2026-03-29T00:00:00Z', '2026-10-25T00:00:00Z']) {
      const instants: number[] = [];
      for (let t = Date.parse(around) - 2 * 86_400_000; t < Date.parse(around) + 2 * 86_400_000; t += 1_200_000) instants.push(t);
      for (const t of [...instants, ...instants.reverse()]) expect(count(t, 1)).toEqual(addWorkingDays(t, 1, calendar));
    }
  });

  it('still refuses bad input', () => {
    const count = workingDaysCounter(loadCalendar());
    expect(() => count(Number.NaN, 15)).toThrow(RangeError);
    expect(() => count(0, -1)).toThrow(RangeError);
  });
});
