import { localDate } from './local.js';
import type { TimeLimit } from '../schemas/types.js';

/**
 * A city's working calendar: public holidays and the make-up working days
 * (调休) that fall on weekends. Dates are local `YYYY-MM-DD` in the city's
 * UTC offset (China: +8, no daylight saving), so deadlines do not drift with
 * the server's time zone.
 */
export interface WorkingCalendar {
  utcOffsetHours: number;
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

export const defaultCalendar: WorkingCalendar = { utcOffsetHours: 8, holidays: new Set(), workdays: new Set() };

export function makeCalendar(input?: { utcOffsetHours?: number; holidays?: string[]; workdays?: string[] }): WorkingCalendar {
  return {
    utcOffsetHours: input?.utcOffsetHours ?? 8,
    holidays: new Set(input?.holidays ?? []),
    workdays: new Set(input?.workdays ?? []),
  };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const localDay = (t: number, cal: WorkingCalendar): string => localDate(new Date(t), cal.utcOffsetHours);

export function isWorkingDay(t: number, cal: WorkingCalendar): boolean {
  const date = localDay(t, cal);
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const weekday = new Date(t + cal.utcOffsetHours * HOUR).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The deadline for a state entered at `from`. Working days count whole
 * calendar days forward, skipping non-working days, and keep the time of day:
 * entered Friday 15:00 with 2 working days → Tuesday 15:00.
 */
export function computeDeadline(limit: TimeLimit | undefined, from: Date, cal: WorkingCalendar = defaultCalendar): Date | null {
  if (!limit) return null;
  const start = from.getTime();
  if ('hours' in limit && typeof limit.hours === 'number') return new Date(start + limit.hours * HOUR);
  const days = (limit as { days: number }).days;
  if (!limit.workingDays) return new Date(start + days * DAY);
  let t = start;
  let left = days;
  // Bounded: a year of holidays cannot make this loop run away.
  for (let guard = 0; left > 0 && guard < 3660; guard++) {
    t += DAY;
    if (isWorkingDay(t, cal)) left--;
  }
  return new Date(t);
}
