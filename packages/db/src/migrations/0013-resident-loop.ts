import { sql, type Kysely } from 'kysely';

/**
 * What residents need from a ticket and its history:
 * - each step records who reads its data and comment (`visibility`): staff
 *   notes stay internal, replies to the resident are public;
 * - a ticket may carry a point (WGS-84 degrees);
 * - the resident's rating (1–5) and how often the ticket was reopened, for
 *   satisfaction and reopen rates.
 * Steps taken before this migration are classified once, here: the creation
 * and the reporter's own steps public, staff steps internal (the safe side).
 * The history is append-only, so its trigger is set aside for that one
 * update, inside this migration's transaction.
 */
const statements = [
  `alter table linli_ticket_events add column visibility text not null default 'internal' check (visibility in ('internal', 'public'))`,
  `alter table linli_ticket_events disable trigger linli_ticket_events_append_only`,
  `update linli_ticket_events e set visibility = 'public'
     from linli_tickets t
    where t.id = e.ticket_id and (e.from_state is null or e.actor_id = t.reporter_id)`,
  `alter table linli_ticket_events enable trigger linli_ticket_events_append_only`,
  `alter table linli_tickets add column lat double precision check (lat between -90 and 90)`,
  `alter table linli_tickets add column lng double precision check (lng between -180 and 180)`,
  `alter table linli_tickets add constraint linli_tickets_point_whole check ((lat is null) = (lng is null))`,
  `alter table linli_tickets add column rating smallint check (rating between 1 and 5)`,
  `alter table linli_tickets add column reopen_count integer not null default 0`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
