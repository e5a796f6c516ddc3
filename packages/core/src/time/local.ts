const HOUR = 3_600_000;

/** `YYYY-MM-DD` of the instant `t` in a city `offsetHours` east of UTC (`deployment.calendar.utcOffsetHours`). */
export function localDate(t: Date, offsetHours: number): string {
  return new Date(t.getTime() + offsetHours * HOUR).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:mm` of the instant `t` in a city `offsetHours` east of UTC: how a deadline reads in a message. */
export function localDateTime(t: Date, offsetHours: number): string {
  return new Date(t.getTime() + offsetHours * HOUR).toISOString().slice(0, 16).replace('T', ' ');
}

// Local calendar dates (`YYYY-MM-DD`) as plain strings: a weekly slot or a
// meeting day is a local weekday and clock time, never the server's time zone.
const DAY = 24 * HOUR;

/** ISO weekday of a local date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The local date `days` after (`days` < 0: before) `date`. */
export function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY).toISOString().slice(0, 10);
}

/** The instant of a local date and `HH:MM` time in a city `offsetHours` east of UTC. */
export function localInstant(date: string, time: string, offsetHours: number): Date {
  return new Date(new Date(`${date}T${time}:00Z`).getTime() - offsetHours * HOUR);
}

/** Whether a string is a real calendar date (`2026-02-30` is not). */
export function isRealDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** 周一 … 周日 by ISO weekday (index 0 unused). */
export const weekdayNames = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

/** `2026-11-28` as 2026年11月28日: how a meeting or session is named (its date is unique there, its position is not stable). */
export function dateTitle(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}
