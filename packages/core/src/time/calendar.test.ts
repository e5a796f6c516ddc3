import { describe, expect, it } from 'vitest';
import { computeDeadline, defaultCalendar, isWorkingDay, makeCalendar } from './calendar.js';

/** An instant given as Beijing local time (UTC+8). */
const bj = (local: string) => new Date(`${local}+08:00`);

// 2025 National Day (国庆节): 1–8 October off; Sunday 28 September and Saturday 11 October are make-up working days (调休).
const nationalDay = makeCalendar({
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
  workdays: ['2025-09-28', '2025-10-11'],
});

// 2025 Spring Festival (春节): 28 January – 4 February off; Sunday 26 January and Saturday 8 February are worked.
const springFestival = makeCalendar({
  holidays: ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04'],
  workdays: ['2025-01-26', '2025-02-08'],
});

const workingDays = (days: number) => ({ days, workingDays: true });

describe('makeCalendar and defaultCalendar', () => {
  it('defaults to UTC+8 with no holidays or make-up days', () => {
    expect(defaultCalendar.utcOffsetHours).toBe(8);
    expect(defaultCalendar.holidays.size).toBe(0);
    expect(defaultCalendar.workdays.size).toBe(0);
    const cal = makeCalendar();
    expect(cal.utcOffsetHours).toBe(8);
    expect([...cal.holidays]).toEqual([]);
    expect([...cal.workdays]).toEqual([]);
  });

  it('takes an offset, holidays and make-up days', () => {
    const cal = makeCalendar({ utcOffsetHours: 0, holidays: ['2025-05-01'], workdays: ['2025-04-27'] });
    expect(cal.utcOffsetHours).toBe(0);
    expect(cal.holidays.has('2025-05-01')).toBe(true);
    expect(cal.workdays.has('2025-04-27')).toBe(true);
  });
});

describe('isWorkingDay', () => {
  it('is true Monday to Friday and false at the weekend', () => {
    expect(isWorkingDay(bj('2025-06-09T12:00:00').getTime(), defaultCalendar)).toBe(true); // Monday
    expect(isWorkingDay(bj('2025-06-13T12:00:00').getTime(), defaultCalendar)).toBe(true); // Friday
    expect(isWorkingDay(bj('2025-06-14T12:00:00').getTime(), defaultCalendar)).toBe(false); // Saturday
    expect(isWorkingDay(bj('2025-06-15T12:00:00').getTime(), defaultCalendar)).toBe(false); // Sunday
  });

  it('is false on a public holiday that falls on a weekday', () => {
    expect(isWorkingDay(bj('2025-10-01T09:00:00').getTime(), nationalDay)).toBe(false); // Wednesday
  });

  it('is true on a make-up working day at the weekend', () => {
    expect(isWorkingDay(bj('2025-09-28T09:00:00').getTime(), nationalDay)).toBe(true); // Sunday
    expect(isWorkingDay(bj('2025-10-11T09:00:00').getTime(), nationalDay)).toBe(true); // Saturday
    expect(isWorkingDay(bj('2025-10-11T09:00:00').getTime(), defaultCalendar)).toBe(false);
  });

  it('judges the day in the city’s time zone, not UTC', () => {
    // Monday 00:30 in Beijing is still Sunday in UTC.
    const mondayEarly = bj('2025-06-09T00:30:00').getTime();
    expect(isWorkingDay(mondayEarly, defaultCalendar)).toBe(true);
    expect(isWorkingDay(mondayEarly, makeCalendar({ utcOffsetHours: 0 }))).toBe(false);
    // 1 October 00:30 in Beijing is 30 September in UTC: a holiday here.
    expect(isWorkingDay(bj('2025-10-01T00:30:00').getTime(), nationalDay)).toBe(false);
    // Saturday 07:30 in Beijing is still Friday 23:30 in UTC: a weekend day here.
    expect(isWorkingDay(bj('2025-06-14T07:30:00').getTime(), defaultCalendar)).toBe(false);
  });

  it('lets a make-up day win if a date is listed as both', () => {
    const cal = makeCalendar({ holidays: ['2025-10-11'], workdays: ['2025-10-11'] });
    expect(isWorkingDay(bj('2025-10-11T09:00:00').getTime(), cal)).toBe(true);
  });
});

describe('computeDeadline', () => {
  it('is null without a time limit', () => {
    expect(computeDeadline(undefined, bj('2025-06-06T15:00:00'))).toBeNull();
  });

  it('adds hours as elapsed time, through nights and weekends', () => {
    expect(computeDeadline({ hours: 24 }, bj('2025-06-06T15:00:00'))).toEqual(bj('2025-06-07T15:00:00'));
    expect(computeDeadline({ hours: 72 }, bj('2025-06-06T15:00:00'))).toEqual(bj('2025-06-09T15:00:00'));
    expect(computeDeadline({ hours: 1 }, bj('2025-06-06T23:30:00'))).toEqual(bj('2025-06-07T00:30:00'));
  });

  it('ignores the working calendar for hour limits', () => {
    expect(computeDeadline({ hours: 48, workingDays: true }, bj('2025-09-30T15:00:00'), nationalDay)).toEqual(bj('2025-10-02T15:00:00'));
  });

  it('adds plain days as calendar days, holidays included', () => {
    expect(computeDeadline({ days: 3 }, bj('2025-06-06T15:00:00'))).toEqual(bj('2025-06-09T15:00:00'));
    expect(computeDeadline({ days: 3 }, bj('2025-09-30T15:00:00'), nationalDay)).toEqual(bj('2025-10-03T15:00:00'));
    expect(computeDeadline({ days: 3, workingDays: false }, bj('2025-09-30T15:00:00'), nationalDay)).toEqual(bj('2025-10-03T15:00:00'));
  });

  it('counts working days over a weekend: Friday 15:00 + 2 → Tuesday 15:00 (Beijing)', () => {
    const friday = bj('2025-06-06T15:00:00');
    expect(friday.toISOString()).toBe('2025-06-06T07:00:00.000Z');
    expect(computeDeadline(workingDays(2), friday)).toEqual(bj('2025-06-10T15:00:00'));
    expect(computeDeadline(workingDays(2), friday, makeCalendar())).toEqual(new Date('2025-06-10T07:00:00Z'));
  });

  it('counts one working day from a weekday as the next day', () => {
    expect(computeDeadline(workingDays(1), bj('2025-06-04T10:00:00'))).toEqual(bj('2025-06-05T10:00:00'));
  });

  it('counts from a weekend to the following working days', () => {
    expect(computeDeadline(workingDays(1), bj('2025-06-07T10:00:00'))).toEqual(bj('2025-06-09T10:00:00'));
    expect(computeDeadline(workingDays(5), bj('2025-06-07T10:00:00'))).toEqual(bj('2025-06-13T10:00:00'));
  });

  it('skips a public holiday', () => {
    // Tuesday 30 September: 1–8 October are off, so the next working day is Thursday 9 October.
    expect(computeDeadline(workingDays(1), bj('2025-09-30T15:00:00'), nationalDay)).toEqual(bj('2025-10-09T15:00:00'));
    // Without the holidays it would be Wednesday 1 October.
    expect(computeDeadline(workingDays(1), bj('2025-09-30T15:00:00'))).toEqual(bj('2025-10-01T15:00:00'));
  });

  it('counts a make-up working day on a Saturday (调休)', () => {
    // Thursday 9 October + 2: Friday 10, then Saturday 11 which is worked.
    expect(computeDeadline(workingDays(2), bj('2025-10-09T15:00:00'), nationalDay)).toEqual(bj('2025-10-11T15:00:00'));
    // Without the make-up day: Friday 10, Monday 13.
    const holidaysOnly = makeCalendar({ holidays: [...nationalDay.holidays] });
    expect(computeDeadline(workingDays(2), bj('2025-10-09T15:00:00'), holidaysOnly)).toEqual(bj('2025-10-13T15:00:00'));
  });

  it('counts a make-up working day on a Sunday before a long holiday', () => {
    // Friday 26 September + 1: Saturday off, Sunday 28 worked.
    expect(computeDeadline(workingDays(1), bj('2025-09-26T15:00:00'), nationalDay)).toEqual(bj('2025-09-28T15:00:00'));
    // + 3: Sunday 28, Monday 29, Tuesday 30.
    expect(computeDeadline(workingDays(3), bj('2025-09-26T15:00:00'), nationalDay)).toEqual(bj('2025-09-30T15:00:00'));
    // + 4: the holiday follows, so Thursday 9 October.
    expect(computeDeadline(workingDays(4), bj('2025-09-26T15:00:00'), nationalDay)).toEqual(bj('2025-10-09T15:00:00'));
  });

  it('crosses the Spring Festival with its make-up days', () => {
    // Friday 24 January + 2: Sunday 26 (worked), Monday 27.
    expect(computeDeadline(workingDays(2), bj('2025-01-24T15:00:00'), springFestival)).toEqual(bj('2025-01-27T15:00:00'));
    // + 3: then 28 January – 4 February off, so Wednesday 5 February.
    expect(computeDeadline(workingDays(3), bj('2025-01-24T15:00:00'), springFestival)).toEqual(bj('2025-02-05T15:00:00'));
  });

  it('decides the day in UTC+8: a Saturday-morning entry in Beijing is still Friday in UTC', () => {
    // Saturday 01:00 in Beijing = Friday 17:00 UTC.
    const entered = bj('2025-06-07T01:00:00');
    expect(entered.toISOString()).toBe('2025-06-06T17:00:00.000Z');
    // In Beijing: Sunday off, Monday counts → Monday 01:00 Beijing.
    expect(computeDeadline(workingDays(1), entered, defaultCalendar)).toEqual(bj('2025-06-09T01:00:00'));
    // Had the server used UTC, Saturday 17:00 UTC would not count and it would land a day later.
    expect(computeDeadline(workingDays(1), entered, makeCalendar({ utcOffsetHours: 0 }))).toEqual(new Date('2025-06-09T17:00:00Z'));
  });

  it('keeps late-evening entries on the right local day', () => {
    // Friday 23:30 Beijing + 1 working day → Monday 23:30 Beijing.
    expect(computeDeadline(workingDays(1), bj('2025-06-06T23:30:00'))).toEqual(bj('2025-06-09T23:30:00'));
    // Tuesday 30 September 23:30 Beijing; the holidays are Beijing dates → Thursday 9 October 23:30.
    expect(computeDeadline(workingDays(1), bj('2025-09-30T23:30:00'), nationalDay)).toEqual(bj('2025-10-09T23:30:00'));
  });

  it('does not change the start date', () => {
    const from = bj('2025-06-06T15:00:00');
    computeDeadline(workingDays(2), from);
    computeDeadline({ hours: 5 }, from);
    expect(from).toEqual(bj('2025-06-06T15:00:00'));
  });
});
