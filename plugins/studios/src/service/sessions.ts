import { sql } from '@linli/sdk';
import { fail } from '../errors.js';
import type { Slot, Studio } from '../store/studios.js';
import { dateText } from '../store/tables.js';
import { addDays, dayTitle, instant, isoWeekday, isRealDate } from '../time.js';
import type { Env } from './env.js';

/** One bookable time: a weekly slot on a date. Its id (`<slot>_<date>`) is what a booking form names. */
export interface Opening {
  id: string;
  studioId: number;
  studioName: string;
  kind: string;
  host: string | null;
  place: string;
  date: string;
  day: string;
  time: string;
  startsAt: Date;
  capacity: number;
  booked: number;
  left: number;
}

export const openingId = (slotId: number, date: string): string => `${slotId}_${date}`;
export const openingPattern = '^[1-9][0-9]{0,9}_[0-9]{4}-[0-9]{2}-[0-9]{2}$';

export function parseOpening(id: string): { slotId: number; date: string } | null {
  const m = /^([1-9][0-9]{0,9})_([0-9]{4}-[0-9]{2}-[0-9]{2})$/.exec(id);
  return m && isRealDate(m[2]!) ? { slotId: Number(m[1]), date: m[2]! } : null;
}

/** A slot's time on a date, as the resident reads it: 12月8日（周二） 09:00–11:00. */
export const timeLabel = (date: string, slot: Pick<Slot, 'start' | 'end'>): string => `${dayTitle(date)} ${slot.start}–${slot.end}`;

/**
 * The times residents may book at these studios: every active weekly slot
 * from now to `bookAheadDays` ahead that has not begun, with the places
 * already taken (sessions nobody booked yet have none).
 */
export async function openings(env: Env, studios: readonly Studio[]): Promise<Opening[]> {
  const candidates: { studio: Studio; slot: Slot; date: string; startsAt: Date }[] = [];
  for (let d = 0; d <= env.settings.bookAheadDays; d++) {
    const date = addDays(env.today, d);
    for (const studio of studios) {
      for (const slot of studio.slots) {
        const startsAt = instant(date, slot.start, env.offsetHours);
        if (slot.weekday === isoWeekday(date) && startsAt > env.now) candidates.push({ studio, slot, date, startsAt });
      }
    }
  }
  if (!candidates.length) return [];
  const rows = await env.db
    .selectFrom('studios_sessions')
    .select(['slot_id', 'session_date', 'booked', 'capacity'])
    .where('slot_id', 'in', [...new Set(candidates.map((c) => c.slot.id))])
    .where('session_date', '>=', env.today)
    .execute();
  const taken = new Map(rows.map((r) => [openingId(r.slot_id, dateText(r.session_date)), r]));
  return candidates
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.studio.id - b.studio.id)
    .map(({ studio, slot, date, startsAt }) => {
      const row = taken.get(openingId(slot.id, date));
      const booked = row?.booked ?? 0;
      // A session keeps the capacity it was opened with; a secretary's later change applies to sessions opened after it.
      const capacity = row?.capacity ?? slot.capacity;
      return {
        id: openingId(slot.id, date),
        studioId: studio.id,
        studioName: studio.name,
        kind: studio.kind,
        host: studio.host,
        place: studio.place,
        date,
        day: dayTitle(date),
        time: `${slot.start}–${slot.end}`,
        startsAt,
        capacity,
        booked,
        left: Math.max(0, capacity - booked),
      };
    });
}

export interface SessionRef {
  id: number;
  studioId: number;
  date: string;
  startsAt: Date;
  label: string;
}

/**
 * The session of an opening a booking names, created on first use. Refused
 * (422) when the slot is not the studio's, is out of service, does not fall
 * on that weekday, has begun or lies beyond the booking window.
 */
export async function sessionFor(env: Env, studio: Studio, opening: string): Promise<SessionRef> {
  const parsed = parseOpening(opening);
  const slot = parsed && studio.slots.find((s) => s.id === parsed.slotId);
  const unavailable = () => fail('STU_ERR_SESSION_UNAVAILABLE', [studio.name, opening, env.settings.bookAheadDays], [{ path: '/session', message: 'not an opening of this studio' }]);
  if (!parsed || !slot || isoWeekday(parsed.date) !== slot.weekday) throw unavailable();
  const startsAt = instant(parsed.date, slot.start, env.offsetHours);
  if (startsAt <= env.now || parsed.date > addDays(env.today, env.settings.bookAheadDays)) throw unavailable();
  // Two first bookings of one time at once: the unique (slot, date) makes one insert win; the other finds its row.
  await env.db
    .insertInto('studios_sessions')
    .values({ slot_id: slot.id, studio_id: studio.id, session_date: parsed.date, starts_at: startsAt, ends_at: instant(parsed.date, slot.end, env.offsetHours), capacity: slot.capacity })
    .onConflict((oc) => oc.columns(['slot_id', 'session_date']).doNothing())
    .execute();
  const row = await env.db.selectFrom('studios_sessions').select('id').where('slot_id', '=', slot.id).where('session_date', '=', parsed.date).executeTakeFirstOrThrow();
  return { id: row.id, studioId: studio.id, date: parsed.date, startsAt, label: timeLabel(parsed.date, slot) };
}

/**
 * Takes one place of a session, or refuses with STU_ERR_FULL (409). One
 * conditional UPDATE: on PostgreSQL a second booking of the same session
 * waits on the row lock and re-checks `booked < capacity` against the
 * committed count, so the last place goes to exactly one resident.
 */
export async function takePlace(env: Env, session: SessionRef, studioName: string): Promise<void> {
  const taken = await env.db
    .updateTable('studios_sessions')
    .set({ booked: sql<number>`booked + 1` })
    .where('id', '=', session.id)
    .where(sql<boolean>`booked < capacity`)
    .returning('booked')
    .executeTakeFirst();
  if (!taken) throw fail('STU_ERR_FULL', [studioName, session.label], [{ path: '/session', message: 'no place left', localized: { 'zh-CN': '名额已满', en: 'no place left' } }]);
}

/** Gives a place back (a cancellation, a declined proposal, a move to another time). */
export async function releasePlace(env: Env, sessionId: number): Promise<void> {
  await env.db.updateTable('studios_sessions').set({ booked: sql<number>`booked - 1` }).where('id', '=', sessionId).where('booked', '>', 0).execute();
}
