import { parseId } from '@linli/sdk';
import { EVE } from '../notices.js';
import { getBooking, type BookingRow } from '../store/bookings.js';
import { DAY } from '../time.js';
import type { Env } from './env.js';
import { timeLabel } from './sessions.js';

export const EVE_JOB = 'studios.remind-eve';

/** One reminder job per booking and time: a booking moved to another time gets its own. */
const eveKey = (b: Pick<BookingRow, 'id' | 'startsAt'>) => `eve:${b.id}:${b.startsAt.toISOString()}`;

/**
 * A confirmed booking is reminded the day before (24 hours ahead). The job,
 * not a notice scheduled now, decides then: a booking cancelled, moved or
 * missed by that time is not reminded. Confirmed less than a day ahead, the
 * confirmation itself is the reminder.
 */
export async function scheduleEve(env: Env, b: BookingRow): Promise<void> {
  const runAt = new Date(b.startsAt.getTime() - DAY);
  if (runAt <= env.now) return;
  await env.ctx.jobs.schedule(env.trx, EVE_JOB, { key: eveKey(b), runAt, payload: { bookingId: String(b.id), startsAt: b.startsAt.toISOString() } });
}

export async function cancelEve(env: Env, b: BookingRow): Promise<void> {
  await env.ctx.jobs.cancel(env.trx, eveKey(b));
}

/** When the job falls due: the resident is told, if the booking still stands at that time. */
export async function remindEve(env: Env, payload: { bookingId: string; startsAt: string }): Promise<void> {
  const id = parseId(payload.bookingId);
  const b = id === null ? undefined : await getBooking(env.db, id);
  if (!b || b.status !== 'confirmed' || b.startsAt.toISOString() !== payload.startsAt) return;
  await env.ctx.notify(env.trx, {
    kind: EVE,
    key: eveKey(b),
    to: [String(b.personId)],
    vars: { studio: b.studioName, time: timeLabel(b.sessionDate, { start: b.startTime, end: b.endTime }), place: b.place },
  });
}
