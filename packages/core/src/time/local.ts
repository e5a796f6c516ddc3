const HOUR = 3_600_000;

/** `YYYY-MM-DD` of the instant `t` in a city `offsetHours` east of UTC (`deployment.calendar.utcOffsetHours`). */
export function localDate(t: Date, offsetHours: number): string {
  return new Date(t.getTime() + offsetHours * HOUR).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:mm` of the instant `t` in a city `offsetHours` east of UTC: how a deadline reads in a message. */
export function localDateTime(t: Date, offsetHours: number): string {
  return new Date(t.getTime() + offsetHours * HOUR).toISOString().slice(0, 16).replace('T', ' ');
}
