import { sql, type Kysely } from 'kysely';

// Raw DDL, one statement at a time (PGlite's extended protocol takes one per call).
const statements = [
  `create table linli_orgs (
     id integer generated always as identity primary key,
     key text not null unique,
     parent_id integer references linli_orgs(id),
     type text not null,
     kind text not null check (kind in ('level', 'side')),
     name text not null,
     name_en text,
     path text not null unique,
     depth integer not null,
     created_at timestamptz not null default now())`,
  // text_pattern_ops lets `path like '/1/4/%'` use the index under any collation.
  `create index linli_orgs_path_idx on linli_orgs (path text_pattern_ops)`,
  `create index linli_orgs_parent_idx on linli_orgs (parent_id)`,
  `create table linli_grids (
     id integer generated always as identity primary key,
     key text not null unique,
     org_id integer not null references linli_orgs(id),
     name text not null,
     created_at timestamptz not null default now())`,
  `create table linli_grid_orgs (
     grid_id integer not null references linli_grids(id),
     org_id integer not null references linli_orgs(id),
     primary key (grid_id, org_id))`,
  `create table linli_people (
     id integer generated always as identity primary key,
     username text not null unique,
     display_name text not null,
     phone text,
     password_hash text,
     created_at timestamptz not null default now(),
     disabled_at timestamptz)`,
  `create table linli_role_assignments (
     id integer generated always as identity primary key,
     person_id integer not null references linli_people(id),
     role text not null,
     org_id integer not null references linli_orgs(id),
     grid_id integer references linli_grids(id),
     created_at timestamptz not null default now())`,
  `create unique index linli_role_assignments_uniq on linli_role_assignments (person_id, role, org_id, coalesce(grid_id, 0))`,
  `create table linli_sessions (
     id text primary key,
     person_id integer not null references linli_people(id),
     csrf_token text not null,
     created_at timestamptz not null default now(),
     expires_at timestamptz not null,
     revoked_at timestamptz)`,
  `create index linli_sessions_person_idx on linli_sessions (person_id)`,
  `create table linli_login_attempts (
     id integer generated always as identity primary key,
     key text not null,
     at timestamptz not null)`,
  `create index linli_login_attempts_key_idx on linli_login_attempts (key, at)`,
  `create table linli_tickets (
     id integer generated always as identity primary key,
     workflow text not null,
     state text not null,
     version integer not null default 1,
     org_id integer not null references linli_orgs(id),
     org_path text not null,
     assignee_org_id integer references linli_orgs(id),
     assignee_org_path text,
     assignee_person_id integer references linli_people(id),
     reporter_id integer references linli_people(id),
     title text not null,
     data jsonb not null,
     deadline timestamptz,
     created_at timestamptz not null,
     updated_at timestamptz not null,
     closed_at timestamptz)`,
  `create index linli_tickets_org_path_idx on linli_tickets (org_path text_pattern_ops, id)`,
  `create index linli_tickets_assignee_org_path_idx on linli_tickets (assignee_org_path text_pattern_ops, id)`,
  `create index linli_tickets_state_idx on linli_tickets (workflow, state, id)`,
  `create index linli_tickets_reporter_idx on linli_tickets (reporter_id, id)`,
  `create index linli_tickets_assignee_person_idx on linli_tickets (assignee_person_id, id)`,
  `create index linli_tickets_open_deadline_idx on linli_tickets (deadline) where closed_at is null`,
  `create table linli_ticket_events (
     id integer generated always as identity primary key,
     ticket_id integer not null references linli_tickets(id),
     seq integer not null,
     action text not null,
     from_state text,
     to_state text not null,
     actor_id integer references linli_people(id),
     data jsonb,
     comment text,
     created_at timestamptz not null,
     unique (ticket_id, seq))`,
  // The history is append-only: the database itself refuses edits and deletes.
  `create function linli_forbid_change() returns trigger language plpgsql as $$
   begin
     raise exception '% is append-only', tg_table_name using errcode = 'LL001';
   end $$`,
  `create trigger linli_ticket_events_append_only before update or delete on linli_ticket_events
     for each row execute function linli_forbid_change()`,
  `create table linli_audit_log (
     id integer generated always as identity primary key,
     actor_id integer references linli_people(id),
     action text not null,
     subject_type text not null,
     subject_id text,
     before jsonb,
     after jsonb,
     request_id text,
     created_at timestamptz not null default now())`,
  `create trigger linli_audit_log_append_only before update or delete on linli_audit_log
     for each row execute function linli_forbid_change()`,
  `create table linli_seed_runs (name text primary key, done_at timestamptz not null default now())`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
