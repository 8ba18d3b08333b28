import { describe, it, expect } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addWorkingDays, isWorkingDay } from '../../src/calendar/working-days.ts';
import type { WorkingCalendar } from '../../src/calendar/working-days.ts';
import { CalendarFileError, loadCalendar, weekendsOnlyCalendar } from '../../src/calendar/load-calendar.ts';

// Instants are written with explicit offsets and parsed by Date.parse, so the expected values do
// not depend on luxon or on the machine's time zone. Asia/Shanghai is UTC+8 all year (no DST).
const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad test instant ${iso}`);
  return ms;
};
const iso = (ms: number): string => new Date(ms).toISOString();

const cn = loadCalendar();
const weekendsShanghai = weekendsOnlyCalendar();
const weekendsBerlin = weekendsOnlyCalendar('Europe/Berlin');
const weekendsUtc = weekendsOnlyCalendar('UTC');

interface Case {
  name: string;
  calendar: WorkingCalendar;
  from: string;
  days: number;
  /** Expected dueAt as a UTC ISO string. */
  due: string;
  uncovered: number[];
}

// Weekday anchors used below (checked against the weekdays printed in the State Council notices):
// 2025-01-01 Wed, 2025-03-01 Sat, 2025-09-01 Mon, 2025-10-01 Wed, 2026-01-01 Thu, 2027-01-01 Fri.
const cases: Case[] = [
  {
    // Thu 2025-03-06. Fri 03-07 = 1; Sat 03-08, Sun 03-09 skipped; Mon 03-10 = 2; Tue 03-11 = 3.
    // No holiday in March 2025. Due at Wed 03-12 00:00 +08 = 03-11 16:00Z.
    name: 'plain weekend (Shanghai, cn-mainland)',
    calendar: cn,
    from: '2025-03-06T10:00:00+08:00',
    days: 3,
    due: '2025-03-11T16:00:00.000Z',
    uncovered: [],
  },
  {
    // Fri 2025-09-26. Sat 09-27 off; Sun 09-28 adjusted working day (调休) = 1; Mon 09-29 = 2;
    // Tue 09-30 = 3; Wed 10-01 … Wed 10-08 National Day + Mid-Autumn holidays; Thu 10-09 = 4;
    // Fri 10-10 = 5; Sat 10-11 adjusted working day = 6. Due Sun 10-12 00:00 +08 = 10-11 16:00Z.
    name: 'National Day 2025 with both adjusted working weekend days',
    calendar: cn,
    from: '2025-09-26T12:00:00+08:00',
    days: 6,
    due: '2025-10-11T16:00:00.000Z',
    uncovered: [],
  },
  {
    // Same start, R7's 15 days: 09-28, 09-29, 09-30 = 3; 10-09, 10-10, 10-11 = 6;
    // Mon 10-13 … Fri 10-17 = 11; Mon 10-20 … Thu 10-23 = 15. Due Fri 10-24 00:00 +08 = 10-23 16:00Z.
    name: 'R7: 15 working days across National Day 2025',
    calendar: cn,
    from: '2025-09-26T12:00:00+08:00',
    days: 15,
    due: '2025-10-23T16:00:00.000Z',
    uncovered: [],
  },
  {
    // Control for the case above with no holidays: 09-29 … 10-03 = 5; 10-06 … 10-10 = 10;
    // 10-13 … 10-17 = 15. Due Sat 10-18 00:00 +08 = 10-17 16:00Z. 2025 is uncovered here.
    name: 'same 15 days with a weekends-only calendar',
    calendar: weekendsShanghai,
    from: '2025-09-26T12:00:00+08:00',
    days: 15,
    due: '2025-10-17T16:00:00.000Z',
    uncovered: [2025],
  },
  {
    // Fri 2025-01-24 18:00 +08. Sat 01-25 off; Sun 01-26 adjusted working day = 1; Mon 01-27 = 2;
    // Tue 01-28 … Tue 02-04 Spring Festival; Wed 02-05 = 3; Thu 02-06 = 4; Fri 02-07 = 5.
    // Due Sat 02-08 00:00 +08 = 02-07 16:00Z.
    name: 'Spring Festival 2025',
    calendar: cn,
    from: '2025-01-24T18:00:00+08:00',
    days: 5,
    due: '2025-02-07T16:00:00.000Z',
    uncovered: [],
  },
  {
    // One more: Sat 2025-02-08 is an adjusted working day = 6. Due Sun 02-09 00:00 +08 = 02-08 16:00Z.
    name: 'Spring Festival 2025 ending on the adjusted working Saturday',
    calendar: cn,
    from: '2025-01-24T18:00:00+08:00',
    days: 6,
    due: '2025-02-08T16:00:00.000Z',
    uncovered: [],
  },
  {
    // Thu 2026-02-12. Fri 02-13 = 1; Sat 02-14 adjusted working day = 2; Sun 02-15 … Mon 02-23
    // Spring Festival (9 days); Tue 02-24 = 3. Due Wed 02-25 00:00 +08 = 02-24 16:00Z.
    name: 'Spring Festival 2026',
    calendar: cn,
    from: '2026-02-12T09:00:00+08:00',
    days: 3,
    due: '2026-02-24T16:00:00.000Z',
    uncovered: [],
  },
  {
    // Wed 2025-12-31. Thu 2026-01-01 … Sat 01-03 New Year holidays; Sun 01-04 adjusted working
    // day = 1. Due Mon 01-05 00:00 +08 = 01-04 16:00Z. Both years are covered.
    name: 'New Year 2026 across the year boundary',
    calendar: cn,
    from: '2025-12-31T10:00:00+08:00',
    days: 1,
    due: '2026-01-04T16:00:00.000Z',
    uncovered: [],
  },
  {
    // 15:59:59.999Z is Sun 2025-03-02 23:59:59.999 in Shanghai. Next day Mon 03-03 = 1.
    // Due Tue 03-04 00:00 +08 = 03-03 16:00Z.
    name: 'just before local midnight in Shanghai (Sunday)',
    calendar: cn,
    from: '2025-03-02T15:59:59.999Z',
    days: 1,
    due: '2025-03-03T16:00:00.000Z',
    uncovered: [],
  },
  {
    // 16:00:00.000Z is Mon 2025-03-03 00:00 in Shanghai: Monday itself does not count.
    // Next day Tue 03-04 = 1. Due Wed 03-05 00:00 +08 = 03-04 16:00Z.
    name: 'exactly local midnight in Shanghai (Monday)',
    calendar: cn,
    from: '2025-03-02T16:00:00.000Z',
    days: 1,
    due: '2025-03-04T16:00:00.000Z',
    uncovered: [],
  },
  {
    // In UTC the same instant is still Sun 2025-03-02 16:00. Mon 03-03 = 1. Due Tue 03-04 00:00Z.
    name: 'the Shanghai-midnight instant in UTC is still Sunday',
    calendar: weekendsUtc,
    from: '2025-03-02T16:00:00.000Z',
    days: 1,
    due: '2025-03-04T00:00:00.000Z',
    uncovered: [2025],
  },
  {
    // Berlin, DST starts Sun 2025-03-30 02:00 CET -> 03:00 CEST. Fri 03-28 10:00 +01.
    // Sat 03-29, Sun 03-30 off; Mon 03-31 = 1. Due Tue 04-01 00:00 +02 (CEST) = 03-31 22:00Z
    // (a fixed +01 offset would give 23:00Z).
    name: 'Europe/Berlin across the spring DST change',
    calendar: weekendsBerlin,
    from: '2025-03-28T10:00:00+01:00',
    days: 1,
    due: '2025-03-31T22:00:00.000Z',
    uncovered: [2025],
  },
  {
    // Berlin, DST ends Sun 2025-10-26 03:00 CEST -> 02:00 CET. Fri 10-24 10:00 +02.
    // Sat 10-25, Sun 10-26 off; Mon 10-27 = 1. Due Tue 10-28 00:00 +01 (CET) = 10-27 23:00Z.
    name: 'Europe/Berlin across the autumn DST change',
    calendar: weekendsBerlin,
    from: '2025-10-24T10:00:00+02:00',
    days: 1,
    due: '2025-10-27T23:00:00.000Z',
    uncovered: [2025],
  },
  {
    // 2027 has no published notice, so it is not covered: weekends only. Fri 2027-02-05.
    // Sat 02-06, Sun 02-07 off; Mon 02-08 … Fri 02-12 = 5 (though Spring Festival 2027 will fall
    // there). Due Sat 02-13 00:00 +08 = 02-12 16:00Z.
    name: 'uncovered year 2027 counts weekends only',
    calendar: cn,
    from: '2027-02-05T12:00:00+08:00',
    days: 5,
    due: '2027-02-12T16:00:00.000Z',
    uncovered: [2027],
  },
  {
    // Wed 2026-12-30. Thu 12-31 = 1 (covered, no holiday); Fri 2027-01-01 = 2 (uncovered, so
    // counted); Sat 01-02, Sun 01-03 off; Mon 01-04 = 3. Due Tue 01-05 00:00 +08 = 01-04 16:00Z.
    name: 'from a covered into an uncovered year',
    calendar: cn,
    from: '2026-12-30T12:00:00+08:00',
    days: 3,
    due: '2027-01-04T16:00:00.000Z',
    uncovered: [2027],
  },
  {
    // 0 days: nothing is counted, due at the end of the start's local day (Sun 03-02 in
    // Shanghai): Mon 03-03 00:00 +08 = 03-02 16:00Z. No day examined, nothing uncovered.
    name: '0 days: end of the local start day',
    calendar: cn,
    from: '2025-03-02T15:59:59.999Z',
    days: 0,
    due: '2025-03-02T16:00:00.000Z',
    uncovered: [],
  },
  {
    // 0 days on the weekends-only calendar: no day is examined, so no year is reported either.
    name: '0 days on an uncovered calendar reports nothing',
    calendar: weekendsShanghai,
    from: '2025-03-06T10:00:00+08:00',
    days: 0,
    due: '2025-03-06T16:00:00.000Z',
    uncovered: [],
  },
];

describe('addWorkingDays', () => {
  it.each(cases)('$name', ({ calendar, from, days, due, uncovered }) => {
    const result = addWorkingDays(at(from), days, calendar);
    expect(iso(result.dueAt)).toBe(due);
    expect(result.uncoveredYears).toEqual(uncovered);
  });

  it('the bundled calendar and weekends-only disagree across a holiday', () => {
    // Guards against a calendar whose holidays are silently ignored.
    const from = at('2025-09-26T12:00:00+08:00');
    expect(addWorkingDays(from, 15, cn).dueAt).not.toBe(addWorkingDays(from, 15, weekendsShanghai).dueAt);
  });

  it('zone overrides the local day: the same instant in Berlin and Shanghai', () => {
    // 2025-03-06T22:30Z is Thu 23:30 in Berlin (+01) but Fri 06:30 in Shanghai (+08).
    // Berlin: Fri 03-07 = 1 -> due Sat 03-08 00:00 +01 = 03-07 23:00Z.
    // Shanghai: Sat, Sun off; Mon 03-10 = 1 -> due Tue 03-11 00:00 +08 = 03-10 16:00Z.
    const from = at('2025-03-06T22:30:00Z');
    expect(iso(addWorkingDays(from, 1, weekendsBerlin).dueAt)).toBe('2025-03-07T23:00:00.000Z');
    expect(iso(addWorkingDays(from, 1, loadCalendar(undefined, 'Europe/Berlin')).dueAt)).toBe('2025-03-07T23:00:00.000Z');
    expect(iso(addWorkingDays(from, 1, cn).dueAt)).toBe('2025-03-10T16:00:00.000Z');
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e9])('rejects days = %s', (days) => {
    expect(() => addWorkingDays(at('2025-03-06T10:00:00+08:00'), days, cn)).toThrow(RangeError);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, 9e15])('rejects fromMs = %s', (fromMs) => {
    expect(() => addWorkingDays(fromMs, 1, cn)).toThrow(RangeError);
  });

  it('rejects an invalid zone with a clear RangeError', () => {
    const bad: WorkingCalendar = { ...weekendsShanghai, zone: 'Mars/Olympus_Mons' };
    expect(() => addWorkingDays(at('2025-03-06T10:00:00+08:00'), 1, bad)).toThrow(RangeError);
    expect(() => addWorkingDays(at('2025-03-06T10:00:00+08:00'), 1, bad)).toThrow(/Mars\/Olympus_Mons/);
    expect(() => weekendsOnlyCalendar('Not/AZone')).toThrow(RangeError);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2025-09-28', true], // Sunday, adjusted working day before National Day 2025
    ['2025-10-11', true], // Saturday, adjusted working day after National Day 2025
    ['2025-10-08', false], // Wednesday, last day of the National Day + Mid-Autumn holidays
    ['2025-10-09', true], // Thursday, ordinary working day
    ['2025-03-08', false], // Saturday, ordinary weekend
    ['2024-02-09', true], // Friday, 除夕 2024: the notice only recommends it as a day off
    ['2027-02-08', true], // Monday in uncovered 2027: weekends only
  ] as const)('%s -> %s', (date, expected) => {
    expect(isWorkingDay(date, cn)).toBe(expected);
  });

  it.each(['2025-02-30', '2025-1-5', '', '20250105'])('rejects %j', (date) => {
    expect(() => isWorkingDay(date, cn)).toThrow(RangeError);
  });
});

describe('bundled cn-mainland calendar', () => {
  it('covers exactly the years verified from State Council notices', () => {
    expect(cn.name).toBe('cn-mainland');
    expect(cn.zone).toBe('Asia/Shanghai');
    expect(cn.years).toEqual([2023, 2024, 2025, 2026]);
    expect(Object.keys(cn.sources).sort()).toEqual(['2023', '2024', '2025', '2026']);
    for (const source of Object.values(cn.sources)) {
      expect(source.url).toMatch(/^https:\/\/www\.gov\.cn\//);
      expect(source.title).toMatch(/^国务院办公厅关于\d{4}年部分节假日安排的通知/);
    }
  });

  it('has the day counts of each notice', () => {
    // Holidays / adjusted working days, summed from each notice's items:
    // 2023: 2 (元旦, 12-31 is in 2022) + 7 + 1 + 5 + 3 + 8 = 26 / 2 + 2 + 1 + 2 = 7
    // 2024: 1 + 8 + 3 + 5 + 1 + 3 + 7 = 28 / 2 + 1 + 2 + 1 + 2 = 8
    // 2025: 1 + 8 + 3 + 5 + 3 + 8 = 28 / 2 + 1 + 2 = 5
    // 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7 = 33 / 1 + 2 + 1 + 2 = 6
    const count = (set: ReadonlySet<string>, year: number) => [...set].filter((d) => d.startsWith(`${year}-`)).length;
    expect([2023, 2024, 2025, 2026].map((y) => count(cn.holidays, y))).toEqual([26, 28, 28, 33]);
    expect([2023, 2024, 2025, 2026].map((y) => count(cn.workdays, y))).toEqual([7, 8, 5, 6]);
  });

  it('lists only Saturdays and Sundays as adjusted working days', () => {
    // Every notice labels its 上班 days 周六/周日 (星期六/星期日); a typo would land on a weekday.
    for (const date of cn.workdays) {
      expect([0, 6], date).toContain(new Date(`${date}T00:00:00Z`).getUTCDay());
    }
  });
});

describe('loadCalendar with a user file', () => {
  const withFile = (content: unknown, run: (file: string) => void): void => {
    const dir = mkdtempSync(join(tmpdir(), 'aftersales-calendar-'));
    try {
      const file = join(dir, 'calendar.json');
      writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
      run(file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  const valid = {
    name: 'acme-de',
    zone: 'Europe/Berlin',
    sources: { '2025': 'https://example.org/holidays-2025' },
    years: { '2025': { holidays: ['2025-12-25', '2025-12-26'] } },
  };

  it('loads a valid file and uses it', () => {
    withFile(valid, (file) => {
      const cal = loadCalendar(file);
      expect(cal.name).toBe('acme-de');
      expect(cal.zone).toBe('Europe/Berlin');
      expect(cal.years).toEqual([2025]);
      expect(cal.workdays.size).toBe(0);
      expect(cal.sources['2025']).toEqual({ url: 'https://example.org/holidays-2025' });
      // Wed 2025-12-24 12:00 +01: Thu 12-25, Fri 12-26 holidays; Sat, Sun off; Mon 12-29 = 1.
      // Due Tue 12-30 00:00 +01 = 12-29 23:00Z.
      expect(iso(addWorkingDays(at('2025-12-24T12:00:00+01:00'), 1, cal).dueAt)).toBe('2025-12-29T23:00:00.000Z');
      // The zone argument overrides the file's zone.
      expect(loadCalendar(file, 'Asia/Tokyo').zone).toBe('Asia/Tokyo');
    });
  });

  it('names the file and the bad field', () => {
    const bad = {
      ...valid,
      years: { '2027': { holidays: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-2-8'], workdays: [] } },
    };
    withFile(bad, (file) => {
      expect(() => loadCalendar(file)).toThrow(CalendarFileError);
      expect(() => loadCalendar(file)).toThrow(`calendar file ${file}: years.2027.holidays[3]: expected YYYY-MM-DD`);
    });
  });

  it.each([
    ['a bad zone', { ...valid, zone: 'Europe/Berlinn' }, 'zone: expected an IANA time zone'],
    ['an impossible date', { ...valid, years: { '2025': { holidays: ['2025-02-30'] } } }, 'years.2025.holidays[0]: not a real calendar date'],
    ['a date outside its year', { ...valid, years: { '2025': { holidays: ['2026-01-01'] } } }, 'years.2025.holidays[0]: date is not in 2025'],
    ['a day both off and on', { ...valid, years: { '2025': { holidays: ['2025-10-11'], workdays: ['2025-10-11'] } } }, 'years.2025.workdays[0]: 2025-10-11 is also listed in holidays'],
    ['a bad year key', { ...valid, years: { '25': { holidays: [] } } }, 'years.25: expected a four-digit year'],
    ['missing holidays', { ...valid, years: { '2025': { workdays: [] } } }, 'years.2025.holidays:'],
  ])('rejects %s', (_label, content, message) => {
    withFile(content, (file) => {
      expect(() => loadCalendar(file)).toThrow(`calendar file ${file}: `);
      expect(() => loadCalendar(file)).toThrow(message);
    });
  });

  it('rejects invalid JSON and a missing file, naming the file', () => {
    withFile('{ "name": ', (file) => {
      expect(() => loadCalendar(file)).toThrow(`calendar file ${file}: invalid JSON`);
    });
    const missing = join(tmpdir(), 'aftersales-calendar-does-not-exist.json');
    expect(() => loadCalendar(missing)).toThrow(`calendar file ${missing}: cannot read`);
  });

  it('rejects an invalid zone override', () => {
    expect(() => loadCalendar(undefined, 'Asia/Shangai')).toThrow(RangeError);
  });
});
