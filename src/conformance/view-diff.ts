import { isDeepStrictEqual } from 'node:util';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value as a difference shows it: JSON, cut short. */
function show(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/**
 * Where `actual` differs from `expected`, one line per differing field, named by its path
 * (`money.refunded: expected 1250, got 0`), so a failed expectation reads without a JSON diff tool.
 */
export function differences(expected: unknown, actual: unknown, at = ''): string[] {
  if (isDeepStrictEqual(expected, actual)) return [];
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const lines: string[] = [];
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      const here = `${at}[${i}]`;
      if (i >= actual.length) lines.push(`${here}: expected ${show(expected[i])}, missing`);
      else if (i >= expected.length) lines.push(`${here}: not expected, got ${show(actual[i])}`);
      else lines.push(...differences(expected[i], actual[i], here));
    }
    return lines;
  }
  if (isObject(expected) && isObject(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
    return keys.flatMap((key) => differences(expected[key], actual[key], at ? `${at}.${key}` : key));
  }
  return [`${at || 'the value'}: expected ${show(expected)}, got ${show(actual)}`];
}
