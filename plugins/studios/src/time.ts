import { localDate } from '@linli/sdk';

/**
 * Local dates and times for a city at a fixed UTC offset (China: +8, no
 * daylight saving). Weekly slots are local weekdays and clock times, so
 * "Tuesday 09:00" never depends on the server's time zone.
 */
const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export { localDate };

/** ISO weekday of a local date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY).toISOString().slice(0, 10);
}

/** The instant of a local date and `HH:MM` time. */
export function instant(date: string, time: string, offsetHours: number): Date {
  return new Date(new Date(`${date}T${time}:00Z`).getTime() - offsetHours * HOUR);
}

/** Whether a string is a real calendar date (`2026-02-30` is not). */
export function isRealDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

export const weekdayNames = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

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
