import { localDate } from '@linli/sdk';

/**
 * Local dates for a city at a fixed UTC offset (China: +8, no daylight
 * saving). Sessions are planned by local date, so "Saturday" never depends
 * on the server's time zone.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export { localDate };

/** ISO weekday of a local date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export const isWeekend = (date: string): boolean => isoWeekday(date) >= 6;

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

/** An instant as the city reads it: `2026-12-02 18:00`. */
export function formatLocal(t: Date, offsetHours: number): string {
  return new Date(t.getTime() + offsetHours * HOUR).toISOString().slice(0, 16).replace('T', ' ');
}

/** `2026-11-28` as 2026年11月28日: how a meeting or session is named (its date is unique there, its position is not stable). */
export function dateTitle(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}
