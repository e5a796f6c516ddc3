import { sql, type Kysely } from 'kysely';

/**
 * Accounts without default passwords: one-time links (first password, reset)
 * whose token is stored only as a SHA-256, so a leaked table opens no account;
 * and the state an administrator changes (disabled, who disabled).
 */
const statements = [
  `create table linli_account_tokens (
     id text primary key,
     person_id integer not null references linli_people(id),
     purpose text not null check (purpose in ('setup', 'reset')),
     created_by integer references linli_people(id),
     created_at timestamptz not null,
     expires_at timestamptz not null,
     used_at timestamptz)`,
  `create index linli_account_tokens_person_idx on linli_account_tokens (person_id)`,
  // The organization tree can now lose members: deactivated orgs stay (tickets point at them) but take no new work.
  `alter table linli_orgs add column deactivated_at timestamptz`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
