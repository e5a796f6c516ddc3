import { isoWeekday, weekdayNames } from '@linli/sdk';

/**
 * Local dates and times for a city at a fixed UTC offset (China: +8, no
 * daylight saving). Weekly slots are local weekdays and clock times, so
 * "Tuesday 09:00" never depends on the server's time zone.
 */
const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

// The city's local calendar, shared by every plugin (the SDK's helpers).
export { localDate, isoWeekday, addDays, localInstant as instant, isRealDate, weekdayNames, dateTitle } from '@linli/sdk';

/** `2026-11-28` as 11月28日（周六）: how residents read a session's day. */
export function dayTitle(date: string): string {
  const [, m, d] = date.split('-');
  return `${Number(m)}月${Number(d)}日（${weekdayNames[isoWeekday(date)]}）`;
}

/** The first day of a `YYYY-MM` month and the first day of the next, as local dates. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: `${month}-01`, to: `${next}-01` };
}
