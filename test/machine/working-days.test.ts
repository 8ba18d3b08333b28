import { describe, expect, it } from 'vitest';
import * as v1 from '../../machines/order/v1/index.ts';
import * as v2 from '../../machines/order/v2/index.ts';

// The default working-day arithmetic of the R7 resolution deadline, used where the host gives the
// machine no calendar (the API always gives one, so only these tests see it): weekends skipped,
// in UTC, due at the end of the last working day.
const at = (iso: string) => Date.parse(iso);

describe.each([
  { name: 'version 1', addWeekdaysUtc: v1.addWeekdaysUtc },
  { name: 'version 2', addWeekdaysUtc: v2.addWeekdaysUtc },
])('weekdays in UTC ($name)', ({ addWeekdaysUtc }) => {
  it('skips the weekend: one working day from a Friday ends on Monday', () => {
    expect(addWeekdaysUtc(at('2026-03-06T10:00:00Z'), 1)).toEqual({ dueAt: at('2026-03-10T00:00:00Z'), uncoveredYears: [] });
    expect(addWeekdaysUtc(at('2026-03-07T23:59:59Z'), 1)).toEqual({ dueAt: at('2026-03-10T00:00:00Z'), uncoveredYears: [] });
    expect(addWeekdaysUtc(at('2026-03-08T00:00:00Z'), 1)).toEqual({ dueAt: at('2026-03-10T00:00:00Z'), uncoveredYears: [] });
  });

  it('counts each weekday once: 15 working days from a Monday end three weeks later, on a Monday', () => {
    expect(addWeekdaysUtc(at('2026-03-02T01:00:00Z'), 15).dueAt).toBe(at('2026-03-24T00:00:00Z'));
    expect(addWeekdaysUtc(at('2026-03-02T01:00:00Z'), 2).dueAt).toBe(at('2026-03-05T00:00:00Z'));
  });

  it('zero working days end with the day itself', () => {
    expect(addWeekdaysUtc(at('2026-03-06T10:00:00Z'), 0).dueAt).toBe(at('2026-03-07T00:00:00Z'));
  });
});
