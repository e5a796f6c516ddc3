import { localDate } from '@linli/sdk';

/**
 * Local dates for a city at a fixed UTC offset (China: +8, no daylight
 * saving; the offset comes from the deployment's working calendar). Meetings
 * are planned by local date, so "Wednesday" never depends on the server's
 * time zone.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export { localDate };

/** `YYYY-MM` of the instant `t` in the city. */
export function localMonth(t: Date, offsetHours: number): string {
  return localDate(t, offsetHours).slice(0, 7);
}

/** ISO weekday of a local date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY).toISOString().slice(0, 10);
}

/** The first date on or after `from` that falls on `weekday`. */
export function onOrAfter(from: string, weekday: number): string {
  return addDays(from, (weekday - isoWeekday(from) + 7) % 7);
}

/** The instant of a local date and `HH:MM` time. */
export function instant(date: string, time: string, offsetHours: number): Date {
  return new Date(new Date(`${date}T${time}:00Z`).getTime() - offsetHours * HOUR);
}

/** Whole days between two instants, to one decimal. */
export function daysBetween(from: Date, to: Date): number {
  return Math.round(((to.getTime() - from.getTime()) / DAY) * 10) / 10;
}

/** Whether a string is a real calendar date (`2026-02-30` is not). */
export function isRealDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

export const weekdayNames = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

/** The month `n` months after (`n` < 0: before) a `YYYY-MM` month. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** `2026-11-28` as 2026年11月28日: how a meeting or session is named (its date is unique there, its position is not stable). */
export function dateTitle(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}
