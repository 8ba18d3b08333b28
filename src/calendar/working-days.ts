/**
 * Working-day arithmetic over a holiday calendar in an IANA time zone (rule R7:
 * reship or refund within 15 working days after a verified dispute).
 *
 * All zone arithmetic goes through luxon; there are no hand-written offsets.
 */
import { DateTime, IANAZone } from 'luxon';

/**
 * A holiday calendar. All dates are `YYYY-MM-DD` calendar dates local to `zone`.
 */
export interface WorkingCalendar {
  /** Short identifier, e.g. `cn-mainland`. */
  name: string;
  /** IANA time zone in which dates are local, e.g. `Asia/Shanghai`. */
  zone: string;
  /** The years whose official schedule the calendar covers. */
  years: readonly number[];
  /** Days off that would otherwise be working days (public holidays and their bridge days). */
  holidays: ReadonlySet<string>;
  /** Saturdays/Sundays that are official working days (adjusted working days, 调休). */
  workdays: ReadonlySet<string>;
}

/** The result of {@link addWorkingDays}. */
export interface WorkingDaysResult {
  /** Epoch ms of the end of the last counted working day: local 00:00 of the next calendar day. */
  dueAt: number;
  /** Sorted, unique years of the examined days that the calendar does not cover. */
  uncoveredYears: number[];
}

/** Upper bound for `days`, so a bad input cannot spin the loop for hours (about 40 years). */
export const MAX_WORKING_DAYS = 10_000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Throws a `RangeError` unless `zone` is a valid IANA time zone name.
 *
 * @param zone - the zone name to check, e.g. `Asia/Shanghai`
 * @param what - what the zone is, for the error message
 */
export function assertValidZone(zone: unknown, what = 'time zone'): asserts zone is string {
  if (typeof zone !== 'string' || zone.trim() === '' || !IANAZone.isValidZone(zone)) {
    throw new RangeError(`invalid ${what}: ${JSON.stringify(zone)} is not an IANA time zone name (e.g. "Asia/Shanghai")`);
  }
}

/**
 * Whether a `YYYY-MM-DD` string names a real calendar date (`2025-02-30` does not).
 *
 * @param date - the string to check
 */
export function isIsoDate(date: string): boolean {
  return ISO_DATE.test(date) && DateTime.fromISO(date, { zone: 'UTC' }).isValid;
}

/** Working-day rule on an already parsed date; `weekday` is ISO (1 = Monday … 7 = Sunday). */
function isWorking(isoDate: string, weekday: number, calendar: WorkingCalendar): boolean {
  if (calendar.workdays.has(isoDate)) return true;
  return weekday < 6 && !calendar.holidays.has(isoDate);
}

/**
 * Whether a local calendar date is a working day in `calendar`: it is one if it is listed in
 * `workdays` (an adjusted working Saturday/Sunday), otherwise if it is a Monday–Friday that is
 * not listed in `holidays`. For a year outside `calendar.years` the calendar knows no holidays,
 * so only weekends are days off.
 *
 * @param date - a `YYYY-MM-DD` date, local to `calendar.zone`
 * @param calendar - the holiday calendar
 * @throws RangeError if `date` is not a real `YYYY-MM-DD` date
 */
export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  if (typeof date !== 'string' || !isIsoDate(date)) {
    throw new RangeError(`invalid date: ${JSON.stringify(date)} (expected a real date as YYYY-MM-DD)`);
  }
  // The weekday of a calendar date does not depend on the zone.
  return isWorking(date, DateTime.fromISO(date, { zone: 'UTC' }).weekday, calendar);
}

/**
 * Adds `days` working days to an instant, in the calendar's time zone.
 *
 * Semantics:
 * - Take the local date of `fromMs` in `calendar.zone`. That day itself never counts, whatever
 *   the time of day.
 * - Walk forward one local calendar day at a time, starting with the NEXT local day, and count
 *   the working days (see {@link isWorkingDay}) until `days` have been counted.
 * - `dueAt` is the end of the last counted working day, i.e. the epoch ms of local midnight (00:00)
 *   at the start of the following calendar day in `calendar.zone` (DST-aware; where local midnight
 *   does not exist, the first instant of that day).
 * - With `days = 0` nothing is counted and `dueAt` is the end of the local day of `fromMs`.
 * - `uncoveredYears` lists, sorted and unique, the years of the examined days that are not in
 *   `calendar.years`. On those days the calendar cannot know the official holidays, so only
 *   weekends are treated as days off there; the host should show this rather than pretend.
 *
 * @param fromMs - the start instant, epoch milliseconds (e.g. the time of verification)
 * @param days - how many working days to add: an integer from 0 to {@link MAX_WORKING_DAYS}
 * @param calendar - the holiday calendar; its `zone` decides what a local day is
 * @returns the due instant and the uncovered years met on the way
 * @throws RangeError if `days` is not such an integer, `fromMs` is not a finite time, or the zone is invalid
 */
export function addWorkingDays(fromMs: number, days: number, calendar: WorkingCalendar): WorkingDaysResult {
  if (!Number.isSafeInteger(days) || days < 0 || days > MAX_WORKING_DAYS) {
    throw new RangeError(`invalid days: ${String(days)} (expected an integer from 0 to ${MAX_WORKING_DAYS})`);
  }
  if (typeof fromMs !== 'number' || !Number.isFinite(fromMs)) {
    throw new RangeError(`invalid fromMs: ${String(fromMs)} (expected finite epoch milliseconds)`);
  }
  assertValidZone(calendar.zone, `time zone of calendar ${JSON.stringify(calendar.name)}`);

  const start = DateTime.fromMillis(fromMs, { zone: calendar.zone });
  if (!start.isValid) {
    throw new RangeError(`invalid fromMs: ${String(fromMs)} (${start.invalidExplanation ?? 'out of range'})`);
  }

  const covered = new Set(calendar.years);
  const uncovered = new Set<number>();
  // Walk at local noon: calendar-day steps there never land in a DST gap.
  let day = start.set({ hour: 12, minute: 0, second: 0, millisecond: 0 });
  let counted = 0;
  while (counted < days) {
    day = day.plus({ days: 1 });
    if (!covered.has(day.year)) uncovered.add(day.year);
    if (isWorking(day.toISODate() ?? '', day.weekday, calendar)) counted += 1;
  }

  const dueAt = day.plus({ days: 1 }).startOf('day').toMillis();
  return { dueAt, uncoveredYears: [...uncovered].sort((a, b) => a - b) };
}

/**
 * {@link addWorkingDays} for one calendar, remembering each result by the local start date: the
 * result does not depend on the time of day, and a service computes the same few dates all day.
 * The memory is bounded (`maxEntries`, then it starts afresh).
 */
export function workingDaysCounter(calendar: WorkingCalendar, { maxEntries = 4096 } = {}) {
  const known = new Map<string, WorkingDaysResult>();
  // The local day of the last call, as the instants it spans [start, end): most calls fall on the
  // same day, and naming a local date costs luxon a time-zone lookup (a tenth of a transition's CPU).
  let day = { start: 0, end: 0, date: '' };
  const localDate = (ms: number) => {
    if (ms >= day.start && ms < day.end) return day.date;
    const local = DateTime.fromMillis(ms, { zone: calendar.zone });
    if (!local.isValid) return String(local.toISODate());
    const start = local.startOf('day');
    day = { start: start.toMillis(), end: start.plus({ days: 1 }).toMillis(), date: local.toISODate()! };
    return day.date;
  };
  return (fromMs: number, days: number): WorkingDaysResult => {
    const key = `${localDate(fromMs)}|${days}`;
    let result = known.get(key);
    if (!result) {
      result = addWorkingDays(fromMs, days, calendar);
      if (known.size >= maxEntries) known.clear();
      known.set(key, result);
    }
    return { dueAt: result.dueAt, uncoveredYears: [...result.uncoveredYears] };
  };
}
