import type { ErrorDetail } from '../errors.js';
import type { CalendarConfig } from '../schemas/types.js';

/**
 * Warnings (not errors: the city still runs) when the working calendar has
 * run out: no holiday or make-up day listed for the current year, or — from
 * November, when the State Council publishes the next year's notice — for
 * the next one. Without them every working-day deadline would count the
 * Spring Festival as working days.
 */
export function calendarWarnings(calendar: CalendarConfig | undefined, now: Date, file: string): ErrorDetail[] {
  const offset = calendar?.utcOffsetHours ?? 8;
  const local = new Date(now.getTime() + offset * 3_600_000);
  const year = local.getUTCFullYear();
  const years = local.getUTCMonth() >= 10 ? [year, year + 1] : [year];
  const listed = new Set([...(calendar?.holidays ?? []), ...(calendar?.workdays ?? [])].map((d) => Number(d.slice(0, 4))));
  return years
    .filter((y) => !listed.has(y))
    .map((y) => ({
      file,
      path: '/calendar/holidays',
      message: `the working calendar lists no holidays or make-up working days for ${y}: working-day time limits would count its public holidays (the Spring Festival…) as working days`,
      expected: `the dates of the State Council's notice on the ${y} holidays (国务院办公厅关于${y}年部分节假日安排的通知), named in /calendar/sources`,
    }));
}
