import { sql, type Kysely } from 'kysely';

/**
 * Login throttling as counters, one row per key (account and address, account
 * alone, address alone, and the addresses an account has logged in from):
 * an attempt is counted by one `INSERT … ON CONFLICT … RETURNING` before its
 * password is checked, so parallel guesses on any number of instances each
 * see their own count and none slips past the limit.
 * The old log of attempts (one row per failure, counted in a second step) goes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table linli_login_throttle (
     key text primary key,
     attempts integer not null,
     window_start timestamptz not null)`.execute(db);
  await sql`drop table linli_login_attempts`.execute(db);
}
