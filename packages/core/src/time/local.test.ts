import { describe, expect, it } from 'vitest';
import { addDays, dateTitle, isoWeekday, isRealDate, localDate, localDateTime, localInstant, weekdayNames } from './local.js';

describe("a city's local calendar", () => {
  it('reads an instant as the city does (UTC+8 crosses midnight before UTC does)', () => {
    expect(localDate(new Date('2026-12-05T16:30:00Z'), 8)).toBe('2026-12-06');
    expect(localDateTime(new Date('2026-12-05T16:30:00Z'), 8)).toBe('2026-12-06 00:30');
    expect(localInstant('2026-12-06', '00:30', 8).toISOString()).toBe('2026-12-05T16:30:00.000Z');
  });

  it('counts weekdays from Monday 1 to Sunday 7 and days across months and leap years', () => {
    expect(isoWeekday('2026-12-06')).toBe(7);
    expect(weekdayNames[isoWeekday('2026-12-07')]).toBe('周一');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(dateTitle('2026-11-28')).toBe('2026年11月28日');
  });

  it('knows a real calendar date from a well-formed impossible one', () => {
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2026-13-01')).toBe(false);
    expect(isRealDate('not a date')).toBe(false);
  });
});
