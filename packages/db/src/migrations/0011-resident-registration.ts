import { sql, type Kysely } from 'kysely';

/**
 * Residents register themselves with a mobile number and a one-time SMS
 * code: the codes (only their SHA-256 kept, with the requesting address for
 * the per-address limit) and each registration with the compound chosen and
 * whether staff confirmed it.
 */
const statements = [
  `create table linli_sms_codes (
     id integer generated always as identity primary key,
     phone text not null,
     code_hash text not null,
     address text not null,
     created_at timestamptz not null,
     expires_at timestamptz not null,
     attempts integer not null default 0,
     used_at timestamptz)`,
  `create index linli_sms_codes_phone_idx on linli_sms_codes (phone, created_at)`,
  `create index linli_sms_codes_address_idx on linli_sms_codes (address, created_at)`,
  `create table linli_registrations (
     person_id integer primary key references linli_people(id),
     org_id integer not null references linli_orgs(id),
     org_path text not null,
     status text not null check (status in ('pending', 'confirmed', 'rejected')),
     created_at timestamptz not null,
     decided_by integer references linli_people(id),
     decided_at timestamptz)`,
  `create index linli_registrations_pending_idx on linli_registrations (org_path text_pattern_ops) where status = 'pending'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
