import { sql, type Kysely } from 'kysely';

/**
 * What anonymous readers ask for must not scan every ticket: the notice
 * board counts tickets filed and closed per month over a year, and Open311
 * lists the newest requests of the last 90 days. Both read by date.
 */
const statements = [
  `create index linli_tickets_created_idx on linli_tickets (created_at, id)`,
  `create index linli_tickets_closed_idx on linli_tickets (closed_at) where closed_at is not null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
