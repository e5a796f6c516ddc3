import { withTables, type CoreReadTables, type Generated, type Kysely } from '@linli/sdk';

/** The plugin's tables as kysely sees them (migrations/0001-tables.ts). */
export interface StudiosTable {
  id: Generated<number>;
  key: string;
  community_org_id: number;
  community_path: string;
  kind: string;
  name: string;
  host: string | null;
  place: string;
  description: string | null;
  created_at: Date;
}

export interface SlotsTable {
  id: Generated<number>;
  studio_id: number;
  weekday: number;
  start_time: string;
  end_time: string;
  capacity: number;
  active: Generated<boolean>;
}

export interface SessionsTable {
  id: Generated<number>;
  slot_id: number;
  studio_id: number;
  /** Local date, `YYYY-MM-DD` (a `date` column: read back as text, see `dateText`). */
  session_date: string;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  booked: Generated<number>;
}

/**
 * requested 待确认 → confirmed 已确认 → held 已接待 | no_show 未到;
 * staff may propose another time (proposed 改约待确认: the resident accepts → confirmed, declines → declined);
 * the resident may cancel before it begins (cancelled 已取消).
 */
export type BookingStatus = 'requested' | 'confirmed' | 'proposed' | 'held' | 'no_show' | 'cancelled' | 'declined';
export const liveStatuses: BookingStatus[] = ['requested', 'confirmed', 'proposed'];

export interface BookingsTable {
  id: Generated<number>;
  studio_id: number;
  community_path: string;
  session_id: number;
  previous_session_id: number | null;
  person_id: number;
  topic: string;
  status: BookingStatus;
  staff_note: string | null;
  created_at: Date;
  updated_at: Date;
  handled_by: number | null;
  record: string | null;
  outcome: string | null;
  recorded_at: Date | null;
  follow_up_ticket_id: number | null;
  rating: number | null;
  rating_comment: string | null;
  rated_at: Date | null;
  cancel_reason: string | null;
}

export interface Tables extends CoreReadTables {
  studios_studios: StudiosTable;
  studios_slots: SlotsTable;
  studios_sessions: SessionsTable;
  studios_bookings: BookingsTable;
  linli_tickets: { id: number; state: string; workflow: string };
}

export type Db = Kysely<Tables>;
/** The context's untyped handle, typed for this plugin's queries (the SDK's `withTables`, kysely's own). */
export const typed: (db: Kysely<any>) => Db = withTables<Tables>;

/** A `date` column as `YYYY-MM-DD` (the database layer returns dates as text on both backends). */
export const dateText = (v: unknown): string => String(v).slice(0, 10);
