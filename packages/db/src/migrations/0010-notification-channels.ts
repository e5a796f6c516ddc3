import { sql, type Kysely } from 'kysely';

/**
 * Notices that reach people's phones: where each person can be reached
 * (e-mail, WeCom user id; the mobile number is the existing `phone`), the
 * language they read, and their own choice of channels and quiet hours.
 */
const statements = [
  `alter table linli_people add column email text`,
  `alter table linli_people add column wecom_user_id text`,
  `alter table linli_people add column locale text not null default 'zh-CN' check (locale in ('zh-CN', 'en'))`,
  `create table linli_notification_prefs (
     person_id integer primary key references linli_people(id),
     channels jsonb not null,
     quiet_start text,
     quiet_end text,
     updated_at timestamptz not null)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
