import { localDateTime, notFound, parseId, peopleHolding, personIdOf, type Actor } from '@linli/sdk';
import { fail } from '../errors.js';
import type { AnswerInput, BookInput, CancelInput, RateInput } from '../forms/resident.js';
import type { ConfirmInput, NoShowInput, ProposeInput, RecordInput } from '../forms/staff.js';
import { BOOKED, CONFIRMED, PROPOSED } from '../notices.js';
import { livesIn, overseesStudio, residentOrgIds, runsStudio } from '../permissions.js';
import { getBooking, noShowCounts, type BookingRow } from '../store/bookings.js';
import { loadStudios, type Studio } from '../store/studios.js';
import type { BookingStatus } from '../store/tables.js';
import { DAY } from '../time.js';
import { pathsOf, type Env } from './env.js';
import { cancelEve, scheduleEve } from './reminders.js';
import { releasePlace, sessionFor, takePlace, timeLabel, type SessionRef } from './sessions.js';
import { fileFollowUp } from './follow-up.js';

/** How each status reads, for errors and lists. */
export const statusTitles: Record<BookingStatus, { 'zh-CN': string; en: string }> = {
  requested: { 'zh-CN': '待确认', en: 'Awaiting confirmation' },
  confirmed: { 'zh-CN': '已确认', en: 'Confirmed' },
  proposed: { 'zh-CN': '改约待答复', en: 'New time proposed' },
  held: { 'zh-CN': '已接待', en: 'Held' },
  no_show: { 'zh-CN': '未到', en: 'Missed' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
  declined: { 'zh-CN': '未接受改约', en: 'New time declined' },
};

const wrongStatus = (b: BookingRow, en: string, zh: string) => fail('STU_ERR_WRONG_STATUS', [statusTitles[b.status].en, en, statusTitles[b.status]['zh-CN'], zh]);

/** The studio a request names, if the actor may see it at all (residents: of their community; staff: in their scope); otherwise 404. */
export async function studioFor(env: Env, actor: Actor, studioId: number | null): Promise<{ studio: Studio; homes: string[] }> {
  const studio = studioId === null ? undefined : (await loadStudios(env.db, { id: studioId }))[0];
  const homes = await pathsOf(env, residentOrgIds(actor));
  if (!studio || !(livesIn(homes, studio.communityPath) || overseesStudio(actor, studio.communityPath))) throw notFound(`Studio ${studioId ?? ''}`);
  return { studio, homes };
}

/** The studios a person may see: their community's as a resident, those of their scope as staff. */
export async function visibleStudios(env: Env, actor: Actor): Promise<Studio[]> {
  const homes = await pathsOf(env, residentOrgIds(actor));
  return (await loadStudios(env.db)).filter((s) => livesIn(homes, s.communityPath) || overseesStudio(actor, s.communityPath));
}

const NO_SHOW_WINDOW = 90 * DAY;

/**
 * A resident books a time. In one transaction: the session row is found or
 * opened, one place is taken by a conditional update (409 STU_ERR_FULL when
 * another resident took the last one first), and the booking is written.
 */
export async function book(env: Env, actor: Actor, input: BookInput): Promise<BookingRow> {
  const slotId = parseId(input.session.split('_')[0]);
  const slot = slotId === null ? undefined : await env.db.selectFrom('studios_slots').select('studio_id').where('id', '=', slotId).executeTakeFirst();
  const { studio, homes } = await studioFor(env, actor, slot?.studio_id ?? null).catch(() => {
    throw fail('STU_ERR_SESSION_UNAVAILABLE', ['—', input.session, env.settings.bookAheadDays], [{ path: '/session', message: 'not an opening you may book' }]);
  });
  if (!livesIn(homes, studio.communityPath)) throw fail('STU_ERR_NOT_RESIDENT', [studio.name, studio.communityName]);
  const person = personIdOf(actor);
  if (env.settings.noShowLimit > 0) {
    const missed = (await noShowCounts(env.db, [person], new Date(env.now.getTime() - NO_SHOW_WINDOW))).get(person) ?? 0;
    if (missed >= env.settings.noShowLimit) throw fail('STU_ERR_TOO_MANY_NO_SHOWS', [missed]);
  }
  const session = await sessionFor(env, studio, input.session);
  // The place first: its row lock orders two bookings of one session, so the check below sees the other's booking.
  await takePlace(env, session, studio.name);
  await notTwice(env, person, studio, session);
  const row = await env.db
    .insertInto('studios_bookings')
    .values({ studio_id: studio.id, community_path: studio.communityPath, session_id: session.id, person_id: person, topic: input.topic, status: 'requested', created_at: env.now, updated_at: env.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tellStaff(env, studio, session, row.id);
  return (await getBooking(env.db, row.id))!;
}

/** A person holds one live booking per session (the unique index says so too; this says it plainly). */
async function notTwice(env: Env, person: number, studio: Studio, session: SessionRef): Promise<void> {
  const twice = await env.db
    .selectFrom('studios_bookings')
    .select('id')
    .where('session_id', '=', session.id)
    .where('person_id', '=', person)
    .where('status', 'in', ['requested', 'confirmed', 'proposed'])
    .executeTakeFirst();
  if (twice) throw fail('STU_ERR_ALREADY_BOOKED', [studio.name, session.label]);
}

/** The studio's staff hear of a new booking at once. */
async function tellStaff(env: Env, studio: Studio, session: SessionRef, bookingId: number): Promise<void> {
  const to = await peopleHolding(env.db, { orgIds: [studio.communityOrgId], roles: env.settings.staffRoles });
  if (!to.length) return;
  await env.ctx.notify(env.trx, { kind: BOOKED, key: `booked:${bookingId}`, to, vars: { studio: studio.name, time: session.label } });
}

/** A booking the actor may act on as the studio's staff, locked; otherwise 404 (out of sight) or 403 (seen but not theirs to run). */
async function asStaff(env: Env, actor: Actor, id: string, en: string, zh: string): Promise<BookingRow> {
  const b = await loaded(env, id);
  if (!overseesStudio(actor, b.communityPath) && !runsStudio(actor, b.communityPath, env.settings.staffRoles)) throw notFound(`Booking ${id}`);
  if (!runsStudio(actor, b.communityPath, env.settings.staffRoles)) {
    const community = await env.db.selectFrom('linli_orgs').select('name').where('id', '=', b.communityOrgId).executeTakeFirst();
    throw fail('STU_ERR_NOT_STAFF', [env.settings.staffRoles.join(', '), community?.name ?? '', en, zh]);
  }
  return b;
}

/** The actor's own booking, locked; anyone else's is 404, exactly as if it did not exist. */
async function asOwner(env: Env, actor: Actor, id: string): Promise<BookingRow> {
  const b = await loaded(env, id);
  if (b.personId !== personIdOf(actor)) throw notFound(`Booking ${id}`);
  return b;
}

async function loaded(env: Env, id: string): Promise<BookingRow> {
  const n = parseId(id);
  const b = n === null ? undefined : await getBooking(env.db, n, { forUpdate: true });
  if (!b) throw notFound(`Booking ${id}`);
  return b;
}

const label = (b: BookingRow) => timeLabel(b.sessionDate, { start: b.startTime, end: b.endTime });
const local = (env: Env, t: Date) => localDateTime(t, env.offsetHours);

async function setStatus(env: Env, actor: Actor, b: BookingRow, status: BookingStatus, more: Record<string, unknown> = {}): Promise<BookingRow> {
  await env.db
    .updateTable('studios_bookings')
    .set({ status, updated_at: env.now, handled_by: personIdOf(actor), ...more })
    .where('id', '=', b.id)
    .execute();
  return (await getBooking(env.db, b.id))!;
}

/** Staff confirm a requested booking; the resident is told and reminded the day before. */
export async function confirm(env: Env, actor: Actor, id: string, input: ConfirmInput): Promise<BookingRow> {
  const b = await asStaff(env, actor, id, 'confirm bookings', '确认预约');
  if (b.status !== 'requested') throw wrongStatus(b, 'confirmed', '确认');
  if (b.startsAt <= env.now) throw fail('STU_ERR_TOO_LATE', [local(env, b.startsAt), 'confirmed', '确认']);
  const done = await setStatus(env, actor, b, 'confirmed', { staff_note: input.note ?? null });
  await env.ctx.notify(env.trx, { kind: CONFIRMED, key: `confirmed:${b.id}:${b.sessionId}`, to: [String(b.personId)], vars: { studio: b.studioName, time: label(b), place: b.place } });
  await scheduleEve(env, done);
  return done;
}

/**
 * Staff propose another time: the booking moves to that session (taking a
 * place there, giving its old one back) and waits for the resident's answer.
 */
export async function propose(env: Env, actor: Actor, id: string, input: ProposeInput): Promise<BookingRow> {
  const b = await asStaff(env, actor, id, 'propose another time', '建议改约');
  if (b.status !== 'requested' && b.status !== 'confirmed') throw wrongStatus(b, 'moved', '改约');
  const studio = (await loadStudios(env.db, { id: b.studioId }))[0]!;
  const session = await sessionFor(env, studio, input.session);
  if (session.id === b.sessionId) throw fail('STU_ERR_SAME_SESSION', [label(b)], [{ path: '/session', message: 'the time already booked' }]);
  await takePlace(env, session, studio.name);
  await notTwice(env, b.personId, studio, session);
  await releasePlace(env, b.sessionId);
  await cancelEve(env, b);
  await env.db.updateTable('studios_bookings').set({ session_id: session.id, previous_session_id: b.sessionId }).where('id', '=', b.id).execute();
  const moved = await setStatus(env, actor, b, 'proposed', { staff_note: input.note });
  await env.ctx.notify(env.trx, { kind: PROPOSED, key: `proposed:${b.id}:${session.id}`, to: [String(b.personId)], vars: { studio: b.studioName, time: session.label } });
  return moved;
}

/** The resident accepts the proposed time (confirmed) or declines it (the place is given back). */
export async function answer(env: Env, actor: Actor, id: string, input: AnswerInput): Promise<BookingRow> {
  const b = await asOwner(env, actor, id);
  if (b.status !== 'proposed') throw wrongStatus(b, 'answered', '答复改约');
  if (input.answer === '不接受') {
    await releasePlace(env, b.sessionId);
    return setStatus(env, actor, b, 'declined', { cancel_reason: input.note ?? null, handled_by: undefined });
  }
  if (b.startsAt <= env.now) throw fail('STU_ERR_TOO_LATE', [local(env, b.startsAt), 'accepted', '接受']);
  const done = await setStatus(env, actor, b, 'confirmed', { handled_by: undefined });
  await scheduleEve(env, done);
  return done;
}

/** The resident cancels before the appointment begins; the place is free again. */
export async function cancel(env: Env, actor: Actor, id: string, input: CancelInput): Promise<BookingRow> {
  const b = await asOwner(env, actor, id);
  if (!['requested', 'confirmed', 'proposed'].includes(b.status)) throw wrongStatus(b, 'cancelled', '取消');
  if (b.startsAt <= env.now) throw fail('STU_ERR_TOO_LATE', [local(env, b.startsAt), 'cancelled', '取消']);
  await releasePlace(env, b.sessionId);
  await cancelEve(env, b);
  return setStatus(env, actor, b, 'cancelled', { cancel_reason: input.reason, handled_by: undefined });
}

/** Staff record the meeting once it has begun; a follow-up problem files a ticket into the core loop, in the same transaction. */
export async function record(env: Env, actor: Actor, id: string, input: RecordInput): Promise<BookingRow> {
  const b = await asStaff(env, actor, id, 'record meetings', '登记接待');
  if (b.status !== 'confirmed') throw wrongStatus(b, 'recorded', '登记接待');
  if (b.startsAt > env.now) throw fail('STU_ERR_NOT_YET', [local(env, b.startsAt)]);
  const ticketId = input.followUpTitle ? await fileFollowUp(env, actor, b, input.followUpTitle, input.followUpDescription ?? '') : null;
  return setStatus(env, actor, b, 'held', { record: input.summary, outcome: input.outcome, recorded_at: env.now, follow_up_ticket_id: ticketId });
}

/** Staff mark a confirmed appointment the resident did not come to; it counts against their online booking. */
export async function noShow(env: Env, actor: Actor, id: string, input: NoShowInput): Promise<BookingRow> {
  const b = await asStaff(env, actor, id, 'mark missed appointments', '登记爽约');
  if (b.status !== 'confirmed') throw wrongStatus(b, 'marked as missed', '登记爽约');
  if (b.startsAt > env.now) throw fail('STU_ERR_NOT_YET', [local(env, b.startsAt)]);
  return setStatus(env, actor, b, 'no_show', { record: input.note ?? null, recorded_at: env.now });
}

/** The resident rates a meeting that was held, once. */
export async function rate(env: Env, actor: Actor, id: string, input: RateInput): Promise<BookingRow> {
  const b = await asOwner(env, actor, id);
  if (b.status !== 'held') throw wrongStatus(b, 'rated', '评价');
  if (b.rating !== null) throw fail('STU_ERR_ALREADY_RATED', [b.rating]);
  await env.db.updateTable('studios_bookings').set({ rating: input.rating, rating_comment: input.comment ?? null, rated_at: env.now, updated_at: env.now }).where('id', '=', b.id).execute();
  return (await getBooking(env.db, b.id))!;
}
