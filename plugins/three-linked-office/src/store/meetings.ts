import { parseId } from '@linli/sdk';
import type { Selectable } from '@linli/sdk';
import { parties, type Party } from '../parties.js';
import type { Db, MeetingsTable, MeetingStatus } from './tables.js';

export type MeetingRow = Selectable<MeetingsTable>;
export type AttendanceParty = Party | 'partyCommittee';

export interface Presence {
  present: boolean;
  attendees: string | null;
}

export { parseId };

export const openStatuses: readonly MeetingStatus[] = ['scheduled', 'held'];

export async function getMeeting(db: Db, id: string | number, opts: { forUpdate?: boolean } = {}): Promise<MeetingRow | undefined> {
  const n = parseId(id);
  if (n === null) return undefined;
  let q = db.selectFrom('tlo_meetings').selectAll().where('id', '=', n);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function meetingOn(db: Db, officeId: number, date: string): Promise<MeetingRow | undefined> {
  return db.selectFrom('tlo_meetings').selectAll().where('office_id', '=', officeId).where('meeting_date', '=', date).executeTakeFirst();
}

/** The office's open meetings, earliest first; `from`/`before` bound their dates. */
export async function openMeetings(db: Db, officeId: number, range: { from?: string; before?: string; after?: string } = {}): Promise<MeetingRow[]> {
  let q = db.selectFrom('tlo_meetings').selectAll().where('office_id', '=', officeId).where('status', 'in', openStatuses).orderBy('meeting_date');
  if (range.from) q = q.where('meeting_date', '>=', range.from);
  if (range.after) q = q.where('meeting_date', '>', range.after);
  if (range.before) q = q.where('meeting_date', '<', range.before);
  return q.execute();
}

export async function listMeetings(db: Db, officeIds: number[], opts: { status?: MeetingStatus | undefined; limit: number }): Promise<MeetingRow[]> {
  if (officeIds.length === 0) return [];
  let q = db.selectFrom('tlo_meetings').selectAll().where('office_id', 'in', officeIds).orderBy('meeting_date', 'desc').orderBy('id', 'desc').limit(opts.limit);
  if (opts.status) q = q.where('status', '=', opts.status);
  return q.execute();
}

export async function attendanceOf(db: Db, meetingIds: number[]): Promise<Map<number, Map<AttendanceParty, Presence>>> {
  const out = new Map<number, Map<AttendanceParty, Presence>>();
  if (meetingIds.length === 0) return out;
  const rows = await db.selectFrom('tlo_attendance').select(['meeting_id', 'party', 'present', 'attendees']).where('meeting_id', 'in', meetingIds).execute();
  for (const r of rows) {
    const m = out.get(r.meeting_id) ?? new Map<AttendanceParty, Presence>();
    m.set(r.party as AttendanceParty, { present: r.present, attendees: r.attendees });
    out.set(r.meeting_id, m);
  }
  return out;
}

/** The parties that were not recorded present: empty means the meeting may decide. */
export function absentParties(attendance: ReadonlyMap<AttendanceParty, Presence> | undefined): Party[] {
  return parties.filter((p) => attendance?.get(p)?.present !== true);
}

export async function saveAttendance(db: Db, meetingId: number, party: AttendanceParty, p: Presence, by: number, at: Date): Promise<void> {
  const values = { present: p.present, attendees: p.attendees, recorded_by: by, recorded_at: at };
  await db
    .insertInto('tlo_attendance')
    .values({ meeting_id: meetingId, party, ...values })
    .onConflict((oc) => oc.columns(['meeting_id', 'party']).doUpdateSet(values))
    .execute();
}
