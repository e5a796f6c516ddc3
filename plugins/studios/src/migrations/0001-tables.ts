import { sql, type Kysely, type Migration } from '@linli/sdk';

// Raw DDL, one statement per call (PGlite takes one at a time). Every table
// is prefixed studios_. Community paths are copied beside their ids, so "in
// my scope" is an indexed prefix range, as the core does for tickets.
const statements = [
  `create table studios_studios (
     id integer generated always as identity primary key,
     key text not null unique,
     community_org_id integer not null references linli_orgs(id),
     community_path text not null,
     kind text not null,
     name text not null,
     host text,
     place text not null,
     description text,
     created_at timestamptz not null)`,
  `create index studios_studios_path_idx on studios_studios (community_path text_pattern_ops)`,
  // Weekly slots; a slot taken out of service keeps its history (active = false).
  `create table studios_slots (
     id integer generated always as identity primary key,
     studio_id integer not null references studios_studios(id),
     weekday integer not null check (weekday between 1 and 7),
     start_time text not null,
     end_time text not null,
     capacity integer not null check (capacity >= 1),
     active boolean not null default true,
     check (end_time > start_time))`,
  // One row per slot and date that someone booked: the row every booking of that time locks.
  // booked <= capacity is what makes the last place go to exactly one resident.
  `create table studios_sessions (
     id integer generated always as identity primary key,
     slot_id integer not null references studios_slots(id),
     studio_id integer not null references studios_studios(id),
     session_date date not null,
     starts_at timestamptz not null,
     ends_at timestamptz not null,
     capacity integer not null check (capacity >= 1),
     booked integer not null default 0 check (booked >= 0 and booked <= capacity),
     unique (slot_id, session_date))`,
  `create table studios_bookings (
     id integer generated always as identity primary key,
     studio_id integer not null references studios_studios(id),
     community_path text not null,
     session_id integer not null references studios_sessions(id),
     previous_session_id integer references studios_sessions(id),
     person_id integer not null references linli_people(id),
     topic text not null,
     status text not null check (status in ('requested', 'confirmed', 'proposed', 'held', 'no_show', 'cancelled', 'declined')),
     staff_note text,
     created_at timestamptz not null,
     updated_at timestamptz not null,
     handled_by integer references linli_people(id),
     record text,
     outcome text,
     recorded_at timestamptz,
     follow_up_ticket_id integer references linli_tickets(id),
     rating integer check (rating between 1 and 5),
     rating_comment text,
     rated_at timestamptz,
     cancel_reason text)`,
  `create index studios_bookings_path_idx on studios_bookings (community_path text_pattern_ops, created_at)`,
  `create index studios_bookings_person_idx on studios_bookings (person_id, created_at)`,
  `create index studios_bookings_session_idx on studios_bookings (session_id)`,
  // A person holds at most one live booking per session (a double tap books once).
  `create unique index studios_bookings_live_idx on studios_bookings (session_id, person_id) where status in ('requested', 'confirmed', 'proposed')`,
];

export const tables: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    for (const s of statements) await sql.raw(s).execute(db);
  },
};
