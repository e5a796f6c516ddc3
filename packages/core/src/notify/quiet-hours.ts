const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * When a delivery may go out: `at` itself, or the end of the quiet hours it
 * falls in (local time of a city `offsetHours` east of UTC). `22:00`–`07:00`
 * wraps midnight; equal start and end mean no quiet hours.
 */
export function afterQuietHours(at: Date, quiet: { start: string; end: string } | null | undefined, offsetHours: number): Date {
  if (!quiet) return at;
  const start = minutes(quiet.start);
  const end = minutes(quiet.end);
  if (start === end) return at;
  const local = at.getTime() + offsetHours * 60 * MINUTE;
  const dayStart = Math.floor(local / DAY) * DAY;
  const now = (local - dayStart) / MINUTE;
  const inside = start < end ? now >= start && now < end : now >= start || now < end;
  if (!inside) return at;
  // The end today, or tomorrow when the quiet hours began before midnight.
  const endLocal = dayStart + end * MINUTE + (start > end && now >= start ? DAY : 0);
  return new Date(endLocal - offsetHours * 60 * MINUTE);
}
