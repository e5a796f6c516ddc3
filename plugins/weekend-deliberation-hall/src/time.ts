import { isoWeekday } from '@linli/sdk';

/**
 * Local dates for a city at a fixed UTC offset (China: +8, no daylight
 * saving). Sessions are planned by local date, so "Saturday" never depends
 * on the server's time zone.
 */

// The city's local calendar, shared by every plugin (the SDK's helpers).
export { localDate, isoWeekday, addDays, localInstant as instant, isRealDate, weekdayNames, dateTitle, localDateTime as formatLocal } from '@linli/sdk';

export const isWeekend = (date: string): boolean => isoWeekday(date) >= 6;

