import { sql, type Kysely, type Migration } from '@linli/sdk';

// Raw DDL, one statement per call (PGlite's extended protocol takes one at a
// time). Every table is prefixed volunteer_points_. Org paths are copied next
// to org ids so "in my scope" is an indexed prefix range, as the core does.
const statements = [
  // 双报到: a party member registered with a home compound. One registration per person and compound.
  `create table volunteer_points_members (
     id integer generated always as identity primary key,
     person_id integer not null references linli_people(id),
     kind text not null check (kind in ('in_service', 'resident')),
     compound_org_id integer not null references linli_orgs(id),
     compound_path text not null,
     community_path text not null,
     work_unit text,
     party_branch text,
     branch_org_id integer references linli_orgs(id),
     skills jsonb not null default '[]',
     registered_at timestamptz not null,
     unique (person_id, compound_org_id))`,
  `create index volunteer_points_members_path_idx on volunteer_points_members (compound_path text_pattern_ops)`,
  // A read model of the wish tickets, kept in step by the hooks in the step's
  // transaction; it also holds who claimed (a member, or a person for a unit).
  `create table volunteer_points_wishes (
     ticket_id integer primary key references linli_tickets(id),
     ticket_version integer not null,
     compound_org_id integer not null references linli_orgs(id),
     compound_path text not null,
     title text not null,
     category text not null,
     state text not null,
     poster_id integer not null references linli_people(id),
     posted_at timestamptz not null,
     claimant_person_id integer references linli_people(id),
     claimant_member_id integer references volunteer_points_members(id),
     claimant_unit_org_id integer references linli_orgs(id),
     claimed_at timestamptz,
     fulfilled_at timestamptz,
     verified_at timestamptz,
     check (claimant_member_id is null or claimant_unit_org_id is null))`,
  `create index volunteer_points_wishes_path_idx on volunteer_points_wishes (compound_path text_pattern_ops, state)`,
  // 志愿服务队: a team belongs to an org (usually a community).
  `create table volunteer_points_teams (
     id integer generated always as identity primary key,
     org_id integer not null references linli_orgs(id),
     org_path text not null,
     name text not null,
     leader text,
     description text,
     created_by integer not null references linli_people(id),
     created_at timestamptz not null,
     unique (org_id, name))`,
  `create table volunteer_points_activities (
     id integer generated always as identity primary key,
     team_id integer references volunteer_points_teams(id),
     org_id integer not null references linli_orgs(id),
     org_path text not null,
     title text not null,
     activity_date date not null,
     place text,
     planned_hours double precision not null,
     created_by integer not null references linli_people(id),
     created_at timestamptz not null)`,
  `create index volunteer_points_activities_path_idx on volunteer_points_activities (org_path text_pattern_ops, activity_date)`,
  // The points ledger. APPEND-ONLY: a mistake is fixed by a correction entry
  // that references the entry it corrects; the triggers below refuse UPDATE,
  // DELETE and TRUNCATE, so not even a bug or a console session can rewrite it.
  `create table volunteer_points_ledger (
     id integer generated always as identity primary key,
     member_id integer references volunteer_points_members(id),
     unit_org_id integer references linli_orgs(id),
     org_id integer not null references linli_orgs(id),
     org_path text not null,
     kind text not null check (kind in ('wish', 'service', 'correction')),
     points integer not null check (points <> 0),
     hours double precision,
     ticket_id integer references linli_tickets(id),
     activity_id integer references volunteer_points_activities(id),
     corrects_id integer references volunteer_points_ledger(id),
     note text,
     occurred_at timestamptz not null,
     recorded_by integer not null references linli_people(id),
     recorded_at timestamptz not null,
     check ((member_id is null) <> (unit_org_id is null)),
     check ((kind = 'correction') = (corrects_id is not null)),
     check (kind = 'correction' or points > 0))`,
  `create index volunteer_points_ledger_path_idx on volunteer_points_ledger (org_path text_pattern_ops, occurred_at)`,
  `create index volunteer_points_ledger_member_idx on volunteer_points_ledger (member_id)`,
  `create index volunteer_points_ledger_unit_idx on volunteer_points_ledger (unit_org_id)`,
  `create index volunteer_points_ledger_corrects_idx on volunteer_points_ledger (corrects_id)`,
  `create function volunteer_points_ledger_append_only() returns trigger language plpgsql as $$
   begin
     raise exception 'volunteer_points_ledger is append-only (% refused): add a correction entry instead', tg_op using errcode = 'P0001';
   end $$`,
  `create trigger volunteer_points_ledger_no_rewrite before update or delete on volunteer_points_ledger
     for each row execute function volunteer_points_ledger_append_only()`,
  `create trigger volunteer_points_ledger_no_truncate before truncate on volunteer_points_ledger
     for each statement execute function volunteer_points_ledger_append_only()`,
  // Sign-ups and attendance; the points of an attendance are a ledger entry (entry_id).
  `create table volunteer_points_signups (
     activity_id integer not null references volunteer_points_activities(id),
     member_id integer not null references volunteer_points_members(id),
     signed_up_at timestamptz not null,
     hours double precision,
     attended_at timestamptz,
     entry_id integer references volunteer_points_ledger(id),
     primary key (activity_id, member_id))`,
];

export const tables: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    for (const s of statements) await sql.raw(s).execute(db);
  },
};
