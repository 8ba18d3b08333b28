const DAY_MS = 86_400_000;
/** 9999-12-31T23:59:59.999Z: past it (and before 1970) `toISOString` writes six-digit years or signs; those go to it. */
const LAST_FOUR_DIGIT_MS = 253_402_300_799_999;

/** The character code of the last decimal digit of `n` (`n` not negative). */
const digit = (n: number) => 48 + (Math.floor(n) % 10);
const [DASH, T, COLON, DOT, Z] = ['-', 'T', ':', '.', 'Z'].map((c) => c.charCodeAt(0)) as [number, number, number, number, number];

/**
 * `new Date(ms).toISOString()`, written out by hand for the times an order holds (whole ms from 1970
 * to 9999): the order view writes a dozen or more per answer, and `toISOString` cost about three
 * times as much per call (bench/engine-steps.ts). Any other number (a fraction, NaN, a time outside
 * those years) is `toISOString`'s, throwing as it does.
 */
export function isoTime(ms: number): string {
  if (!(Number.isInteger(ms) && ms >= 0 && ms <= LAST_FOUR_DIGIT_MS)) return new Date(ms).toISOString();
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  // The civil date of a day number (H. Hinnant's `civil_from_days`), March-based years of 400-year eras.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const marchMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * marchMonth + 2) / 5) + 1;
  const month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  // One flat string of its 24 characters (a template would build a rope that JSON.stringify flattens again).
  return String.fromCharCode(
    digit(year / 1000), digit(year / 100), digit(year / 10), digit(year), DASH, digit(month / 10), digit(month), DASH, digit(day / 10), digit(day),
    T, digit(hours / 10), digit(hours), COLON, digit(minutes / 10), digit(minutes), COLON, digit(seconds / 10), digit(seconds),
    DOT, digit(millis / 100), digit(millis / 10), digit(millis), Z,
  );
}
