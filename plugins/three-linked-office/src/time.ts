import { addDays, isoWeekday, localDate } from '@linli/sdk';

/**
 * Local dates for a city at a fixed UTC offset (China: +8, no daylight
 * saving; the offset comes from the deployment's working calendar). Meetings
 * are planned by local date, so "Wednesday" never depends on the server's
 * time zone.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// The city's local calendar, shared by every plugin (the SDK's helpers).
export { localDate, isoWeekday, addDays, localInstant as instant, isRealDate, weekdayNames, dateTitle } from '@linli/sdk';

/** `YYYY-MM` of the instant `t` in the city. */
export function localMonth(t: Date, offsetHours: number): string {
  return localDate(t, offsetHours).slice(0, 7);
}

/** The first date on or after `from` that falls on `weekday`. */
export function onOrAfter(from: string, weekday: number): string {
  return addDays(from, (weekday - isoWeekday(from) + 7) % 7);
}

/** Whole days between two instants, to one decimal. */
export function daysBetween(from: Date, to: Date): number {
  return Math.round(((to.getTime() - from.getTime()) / DAY) * 10) / 10;
}

/** The month `n` months after (`n` < 0: before) a `YYYY-MM` month. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

