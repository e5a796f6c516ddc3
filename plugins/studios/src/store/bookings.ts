import { sql } from '@linli/sdk';
import { dateText, type BookingStatus, type Db } from './tables.js';

/** A booking with its session's time and its studio, as the services and views read it. */
export interface BookingRow {
  id: number;
  studioId: number;
  studioName: string;
  studioKind: string;
  place: string;
  communityPath: string;
  communityOrgId: number;
  sessionId: number;
  sessionDate: string;
  startsAt: Date;
  startTime: string;
  endTime: string;
  previousSessionId: number | null;
  personId: number;
  personName: string;
  topic: string;
  status: BookingStatus;
  staffNote: string | null;
  createdAt: Date;
  record: string | null;
  outcome: string | null;
  followUpTicketId: number | null;
  rating: number | null;
  ratingComment: string | null;
}

function base(db: Db) {
  return db
    .selectFrom('studios_bookings as b')
    .innerJoin('studios_sessions as ss', 'ss.id', 'b.session_id')
    .innerJoin('studios_slots as sl', 'sl.id', 'ss.slot_id')
    .innerJoin('studios_studios as s', 's.id', 'b.studio_id')
    .innerJoin('linli_people as p', 'p.id', 'b.person_id')
    .select([
      'b.id',
      'b.studio_id',
      's.name as studio_name',
      's.kind as studio_kind',
      's.place',
      's.community_org_id',
      'b.community_path',
      'b.session_id',
      'ss.session_date',
      'ss.starts_at',
      'sl.start_time',
      'sl.end_time',
      'b.previous_session_id',
      'b.person_id',
      'p.display_name',
      'b.topic',
      'b.status',
      'b.staff_note',
      'b.created_at',
      'b.record',
      'b.outcome',
      'b.follow_up_ticket_id',
      'b.rating',
      'b.rating_comment',
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

const toRow = (r: Raw): BookingRow => ({
  id: r.id,
  studioId: r.studio_id,
  studioName: r.studio_name,
  studioKind: r.studio_kind,
  place: r.place,
  communityPath: r.community_path,
  communityOrgId: r.community_org_id,
  sessionId: r.session_id,
  sessionDate: dateText(r.session_date),
  startsAt: new Date(r.starts_at),
  startTime: r.start_time,
  endTime: r.end_time,
  previousSessionId: r.previous_session_id,
  personId: r.person_id,
  personName: r.display_name,
  topic: r.topic,
  status: r.status,
  staffNote: r.staff_note,
  createdAt: new Date(r.created_at),
  record: r.record,
  outcome: r.outcome,
  followUpTicketId: r.follow_up_ticket_id,
  rating: r.rating,
  ratingComment: r.rating_comment,
});

/** One booking; `forUpdate` locks its row for the rest of the transaction (two staff acting at once take turns). */
export async function getBooking(db: Db, id: number, opts: { forUpdate?: boolean } = {}): Promise<BookingRow | undefined> {
  if (opts.forUpdate) await db.selectFrom('studios_bookings').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  const r = await base(db).where('b.id', '=', id).executeTakeFirst();
  return r && toRow(r);
}

export interface BookingFilter {
  personId?: number;
  /** Community paths the reader oversees (a prefix each). */
  paths?: readonly string[];
  studioId?: number;
  statuses?: readonly BookingStatus[];
  limit: number;
}

/** Bookings, the coming ones first (soonest on top), then the past ones (latest on top). */
export async function listBookings(db: Db, f: BookingFilter, now: Date): Promise<BookingRow[]> {
  let q = base(db);
  if (f.personId !== undefined) q = q.where('b.person_id', '=', f.personId);
  if (f.paths) {
    if (!f.paths.length) return [];
    const paths = f.paths;
    q = q.where((eb) => eb.or(paths.map((p) => eb('b.community_path', 'like', `${p}%`))));
  }
  if (f.studioId !== undefined) q = q.where('b.studio_id', '=', f.studioId);
  if (f.statuses?.length) q = q.where('b.status', 'in', [...f.statuses]);
  const rows = await q
    .orderBy(sql`case when ss.starts_at >= ${now} then 0 else 1 end`)
    .orderBy(sql`case when ss.starts_at >= ${now} then ss.starts_at end`, 'asc')
    .orderBy('ss.starts_at', 'desc')
    .orderBy('b.id', 'desc')
    .limit(f.limit)
    .execute();
  return rows.map(toRow);
}

/** Missed appointments per person since `since`. */
export async function noShowCounts(db: Db, personIds: readonly number[], since: Date): Promise<Map<number, number>> {
  if (!personIds.length) return new Map();
  const rows = await db
    .selectFrom('studios_bookings as b')
    .innerJoin('studios_sessions as ss', 'ss.id', 'b.session_id')
    .select(['b.person_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('b.person_id', 'in', [...new Set(personIds)])
    .where('b.status', '=', 'no_show')
    .where('ss.starts_at', '>=', since)
    .groupBy('b.person_id')
    .execute();
  return new Map(rows.map((r) => [r.person_id, Number(r.n)]));
}
