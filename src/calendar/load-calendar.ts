/**
 * Loads a {@link WorkingCalendar}: the bundled mainland-China calendar, or a user's own file in
 * the same JSON format, validated with zod.
 *
 * File format:
 * ```json
 * { "name": "cn-mainland", "zone": "Asia/Shanghai",
 *   "sources": { "2025": { "title": "…notice title…", "url": "https://…" } },
 *   "years": { "2025": { "holidays": ["2025-01-01"], "workdays": ["2025-01-26"] } } }
 * ```
 * `sources` is optional; a source may also be a bare URL string. `workdays` may be omitted.
 * Every year key of `years` is a year the calendar covers officially.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { IANAZone } from 'luxon';
import { assertValidZone, isIsoDate } from './working-days.ts';
import type { WorkingCalendar } from './working-days.ts';

/** The zone used when none is configured: the marketplace's. */
export const DEFAULT_ZONE = 'Asia/Shanghai';

/** Where a year's official schedule comes from. */
export interface CalendarSource {
  /** Title of the notice, e.g. 国务院办公厅关于2025年部分节假日安排的通知. */
  title?: string;
  /** URL of the notice. */
  url: string;
}

/** A calendar read from a file, with the sources it cites per covered year. */
export interface LoadedCalendar extends WorkingCalendar {
  /** Source of each covered year's schedule, keyed by year (`"2025"`), where the file names one. */
  sources: Readonly<Record<string, CalendarSource>>;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  // Only judge dates that have the right shape, so a malformed one reports one issue.
  .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || isIsoDate(s), 'not a real calendar date');

const yearKey = z.string().regex(/^\d{4}$/, 'expected a four-digit year');

const yearSchema = z.strictObject({
  holidays: z.array(isoDate),
  workdays: z.array(isoDate).default([]),
});

const sourceSchema = z.union([
  z.url(),
  z.looseObject({ title: z.string().min(1).optional(), url: z.url() }),
]);

const calendarFileSchema = z
  .looseObject({
    name: z.string().min(1, 'expected a non-empty name'),
    zone: z.string().refine((zone) => IANAZone.isValidZone(zone), 'expected an IANA time zone name, e.g. Asia/Shanghai'),
    sources: z.record(yearKey, sourceSchema).optional(),
    years: z.record(yearKey, yearSchema),
  })
  .superRefine((file, ctx) => {
    for (const [year, { holidays, workdays }] of Object.entries(file.years)) {
      const lists = { holidays, workdays };
      for (const [list, dates] of Object.entries(lists)) {
        dates.forEach((date, i) => {
          if (isIsoDate(date) && !date.startsWith(`${year}-`)) {
            ctx.addIssue({ code: 'custom', path: ['years', year, list, i], message: `date is not in ${year}` });
          }
        });
      }
      const off = new Set(holidays);
      workdays.forEach((date, i) => {
        if (off.has(date)) {
          ctx.addIssue({ code: 'custom', path: ['years', year, 'workdays', i], message: `${date} is also listed in holidays` });
        }
      });
    }
  });

type CalendarFile = z.infer<typeof calendarFileSchema>;

/** A calendar file that cannot be read, parsed or validated; the message names the file and the field. */
export class CalendarFileError extends Error {
  override readonly name = 'CalendarFileError';

  /**
   * @param file - the file as the caller named it
   * @param problems - one line per problem, e.g. `years.2027.holidays[3]: expected YYYY-MM-DD`
   */
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`calendar file ${file}: ${problems.join('; ')}`);
  }
}

/** `['years', '2027', 'holidays', 3]` → `years.2027.holidays[3]`. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function parseCalendarFile(text: string, file: string): CalendarFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CalendarFileError(file, [`invalid JSON: ${(err as Error).message}`]);
  }
  const parsed = calendarFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      // A bad record key (e.g. year "25") carries the key schema's own messages.
      const message = issue.code === 'invalid_key' ? issue.issues.map((i) => i.message).join(', ') : issue.message;
      return issue.path.length === 0 ? message : `${formatPath(issue.path)}: ${message}`;
    });
    throw new CalendarFileError(file, problems);
  }
  return parsed.data;
}

function toCalendar(data: CalendarFile, zone: string): LoadedCalendar {
  const years = Object.keys(data.years).map(Number).sort((a, b) => a - b);
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const year of Object.values(data.years)) {
    year.holidays.forEach((d) => holidays.add(d));
    year.workdays.forEach((d) => workdays.add(d));
  }
  const sources: Record<string, CalendarSource> = {};
  for (const [year, source] of Object.entries(data.sources ?? {})) {
    sources[year] = typeof source === 'string' ? { url: source } : { title: source.title, url: source.url };
  }
  return { name: data.name, zone, years, holidays, workdays, sources };
}

const BUNDLED_FILE = new URL('./data/cn-mainland.json', import.meta.url);
let bundled: CalendarFile | undefined;

function readCalendarFile(file: string | URL, label: string): CalendarFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CalendarFileError(label, [`cannot read: ${(err as Error).message}`]);
  }
  return parseCalendarFile(text, label);
}

/**
 * Loads a working calendar.
 *
 * @param file - path of a user calendar file (format: see this module's doc); omit it for the
 *   bundled mainland-China calendar (`cn-mainland`, from the State Council holiday notices)
 * @param zone - IANA time zone that overrides the file's `zone`
 * @returns the calendar; `years` lists the years the file covers, sorted
 * @throws CalendarFileError naming the file and the bad field, e.g.
 *   `calendar file ./x.json: years.2027.holidays[3]: expected YYYY-MM-DD`
 * @throws RangeError if `zone` is given and is not an IANA time zone
 */
export function loadCalendar(file?: string, zone?: string): LoadedCalendar {
  if (zone !== undefined) assertValidZone(zone);
  let data: CalendarFile;
  if (file === undefined) {
    bundled ??= readCalendarFile(BUNDLED_FILE, 'cn-mainland.json (bundled)');
    data = bundled;
  } else {
    data = readCalendarFile(file, file);
  }
  return toCalendar(data, zone ?? data.zone);
}

/**
 * A calendar without holidays: Monday–Friday are working days. It covers no year, so
 * {@link addWorkingDays} reports every year it examines in `uncoveredYears`.
 *
 * @param zone - IANA time zone (default {@link DEFAULT_ZONE})
 * @throws RangeError if `zone` is not an IANA time zone
 */
export const weekendsOnlyCalendar = (zone: string = DEFAULT_ZONE): WorkingCalendar => {
  assertValidZone(zone);
  return { name: 'weekends-only', zone, years: [], holidays: new Set(), workdays: new Set() };
};
