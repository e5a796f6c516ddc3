import { LinliError, type Actor } from '@linli/sdk';
import { fail } from '../errors.js';
import { cancelMeetingEve, remindMeetingEve } from '../notices.js';
import { attendanceForm, type AttendanceInput, type ScheduleInput } from '../forms/office.js';
import { parties } from '../parties.js';
import { canConvene, who } from '../permissions.js';
import { readSettings } from '../settings.js';
import { addItem, carryOver, unplacedProblems } from '../store/agenda.js';
import { getMeeting, meetingOn, openMeetings, saveAttendance, type MeetingRow } from '../store/meetings.js';
import type { Office } from '../store/offices.js';
import type { MeetingStatus } from '../store/tables.js';
import { addDays, instant, onOrAfter } from '../time.js';
import { meetingInScope, officeOfCompound, personOf, type Env } from './env.js';

export const statusTitle: Record<MeetingStatus, string> = { scheduled: '待召开', held: '已召开', closed: '已结束', cancelled: '已取消' };

/**
 * Schedules a weekly meeting 每周三方会商 for a compound's office. Without a
 * date it takes the office's next free meeting day. Earlier meetings still
 * open are finished (held → closed, never held → cancelled) and their
 * undecided problems carried over; the agenda is every problem of the
 * compound that awaits a meeting and is on no other agenda.
 */
export async function scheduleMeeting(env: Env, actor: Actor, input: ScheduleInput): Promise<MeetingRow> {
  const office = await officeOfCompound(env, actor, input.compoundOrgId);
  if (!canConvene(actor, office)) throw fail('TLO_ERR_NOT_ALLOWED', [who.conveners, office.compound.name, 'schedule meetings (安排会商)']);

  const officeId = Number(office.id);
  const date = input.date ?? (await nextFreeDay(env, office));
  if (date < env.today) throw fail('TLO_ERR_MEETING_IN_PAST', [date, env.today], [{ path: '/date', message: 'is before today' }]);
  if (await meetingOn(env.db, officeId, date)) throw fail('TLO_ERR_MEETING_EXISTS', [office.compound.name, date], [{ path: '/date', message: 'already has a meeting' }]);

  const time = input.time ?? office.meetingTime;
  const meeting = await env.db
    .insertInto('tlo_meetings')
    .values({
      office_id: officeId,
      meeting_date: date,
      meeting_time: time,
      scheduled_at: instant(date, time, env.offsetHours),
      place: input.place ?? office.place,
      note: input.note ?? null,
      held_at: null,
      closed_at: null,
      created_by: personOf(actor),
      created_at: env.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

  for (const earlier of await openMeetings(env.db, officeId, { before: date })) {
    await finishNow(env, earlier, earlier.status === 'held' ? 'closed' : 'cancelled');
  }
  for (const ticketId of await unplacedProblems(env.db, officeId)) await addItem(env.db, meeting.id, ticketId, env.now);
  // Committed with the meeting: if nobody closes it, it still ends, and its problems move on.
  const { finishAfterDays } = readSettings(env.ctx.options);
  await env.ctx.jobs.schedule(env.trx, FINISH_MEETING_JOB, {
    key: finishKey(meeting.id),
    runAt: instant(addDays(date, finishAfterDays), '00:00', env.offsetHours),
    payload: { meetingId: String(meeting.id) },
  });
  await remindMeetingEve(env, office, meeting);
  return meeting;
}

/** The job that finishes a meeting nobody closed (`finishAfterDays` after its day). */
export const FINISH_MEETING_JOB = 'three-linked-office.finish-meeting';
const finishKey = (meetingId: number) => `finish-meeting:${meetingId}`;

/**
 * The job's work: a meeting still open is finished as scheduling the next
 * one would — held → closed, never held → cancelled, its undecided problems
 * carried over. One closed or cancelled meanwhile is left as it is.
 */
export async function finishIfOpen(env: Env, meetingId: string): Promise<MeetingRow | null> {
  const meeting = await getMeeting(env.db, meetingId, { forUpdate: true });
  if (!meeting || meeting.status === 'closed' || meeting.status === 'cancelled') return null;
  return finish(env, meeting, meeting.status === 'held' ? 'closed' : 'cancelled');
}

/** The office's meeting weekday on or after today that has no meeting yet. */
async function nextFreeDay(env: Env, office: Office): Promise<string> {
  let date = onOrAfter(env.today, office.meetingWeekday);
  // Bounded: a year of weekly meetings already booked ahead is not a real case.
  for (let i = 0; i < 52 && (await meetingOn(env.db, Number(office.id), date)); i++) date = addDays(date, 7);
  return date;
}

const attending = [...parties, 'partyCommittee'] as const;

/**
 * Records who came, per party; recording again replaces the earlier record
 * (a representative who arrives late). The meeting counts as held from the
 * first record on.
 */
export async function recordAttendance(env: Env, actor: Actor, meetingId: string, input: AttendanceInput): Promise<MeetingRow> {
  // Who came is part of the record: a party marked present names its people.
  const unnamed = attending.filter((p) => input[p]?.present && !input[p]?.attendees?.trim());
  if (unnamed.length) {
    throw new LinliError('LINLI_ERR_FORM_INVALID', [attendanceForm.id], unnamed.map((p) => ({ path: `/${p}/attendees`, message: 'name who came for a party marked present' })));
  }
  const { meeting, office } = await meetingInScope(env, actor, meetingId, { forUpdate: true });
  if (!canConvene(actor, office)) throw fail('TLO_ERR_NOT_ALLOWED', [who.conveners, office.compound.name, 'record attendance (登记出席)']);
  assertOpen(meeting);
  if (meeting.meeting_date > env.today) throw fail('TLO_ERR_MEETING_NOT_YET', [meeting.meeting_date]);
  for (const p of attending) {
    const presence = input[p];
    if (presence) await saveAttendance(env.db, meeting.id, p, { present: presence.present, attendees: presence.attendees?.trim() || null }, personOf(actor), env.now);
  }
  return env.db
    .updateTable('tlo_meetings')
    .set({ status: 'held', held_at: meeting.held_at ?? env.now })
    .where('id', '=', meeting.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Ends a held meeting; its undecided problems go on the office's next open meeting, or wait for the next one scheduled. */
export async function closeMeeting(env: Env, actor: Actor, meetingId: string): Promise<MeetingRow> {
  const { meeting, office } = await meetingInScope(env, actor, meetingId, { forUpdate: true });
  if (!canConvene(actor, office)) throw fail('TLO_ERR_NOT_ALLOWED', [who.conveners, office.compound.name, 'close meetings (结束会商)']);
  assertOpen(meeting);
  if (meeting.status !== 'held') throw fail('TLO_ERR_MEETING_NOT_HELD', [meeting.meeting_date]);
  return finishNow(env, meeting, 'closed');
}

/** Calls off a meeting that did not take place; its agenda moves on like a closed meeting's. */
export async function cancelMeeting(env: Env, actor: Actor, meetingId: string): Promise<MeetingRow> {
  const { meeting, office } = await meetingInScope(env, actor, meetingId, { forUpdate: true });
  if (!canConvene(actor, office)) throw fail('TLO_ERR_NOT_ALLOWED', [who.conveners, office.compound.name, 'cancel meetings (取消会商)']);
  if (meeting.status !== 'scheduled') throw fail('TLO_ERR_MEETING_CLOSED', [meeting.meeting_date, statusTitle[meeting.status]]);
  return finishNow(env, meeting, 'cancelled');
}

export function assertOpen(meeting: MeetingRow): void {
  if (meeting.status === 'closed' || meeting.status === 'cancelled') throw fail('TLO_ERR_MEETING_CLOSED', [meeting.meeting_date, statusTitle[meeting.status]]);
}

/** Finishes a meeting by someone's hand (or by scheduling the next): its finishing job is no longer needed. */
async function finishNow(env: Env, meeting: MeetingRow, status: 'closed' | 'cancelled'): Promise<MeetingRow> {
  await env.ctx.jobs.cancel(env.trx, finishKey(meeting.id));
  await cancelMeetingEve(env, meeting);
  return finish(env, meeting, status);
}

async function finish(env: Env, meeting: MeetingRow, status: 'closed' | 'cancelled'): Promise<MeetingRow> {
  const updated = await env.db
    .updateTable('tlo_meetings')
    .set({ status, closed_at: env.now })
    .where('id', '=', meeting.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const carried = await carryOver(env.db, meeting.id, env.now);
  const [next] = await openMeetings(env.db, meeting.office_id, { after: meeting.meeting_date });
  if (next) for (const ticketId of carried) await addItem(env.db, next.id, ticketId, env.now);
  return updated;
}

/** The earliest open meeting of the office from today on, where a new or returned problem goes. */
export async function nextMeeting(env: Env, officeId: number): Promise<MeetingRow | undefined> {
  return (await openMeetings(env.db, officeId, { from: env.today }))[0];
}

