import { sql, type Kysely, type Migration } from '@linli/sdk';

// Raw DDL, one statement per call (PGlite takes one at a time). Every table is
// prefixed owners_self_governance_. Building and scope paths are copied beside
// their ids, so "in my scope" and "in this building" are indexed prefix ranges.
const statements = [
  // A property unit 户 / 专有部分 of a building, with its exclusive floor area in 0.01 m² (exact sums).
  `create table owners_self_governance_units (
     id integer generated always as identity primary key,
     building_org_id integer not null references linli_orgs(id),
     building_path text not null,
     room text not null,
     area_centi integer not null check (area_centi > 0),
     party_member_household boolean not null default false,
     created_at timestamptz not null,
     unique (building_org_id, room))`,
  `create index owners_self_governance_units_path_idx on owners_self_governance_units (building_path text_pattern_ops)`,
  // The owners of a unit (co-owners share its one vote). Name and phone are personal data: only masked leaves the API.
  `create table owners_self_governance_owners (
     id integer generated always as identity primary key,
     unit_id integer not null references owners_self_governance_units(id),
     name text not null,
     phone text,
     person_id integer references linli_people(id),
     unique (unit_id, name))`,
  `create index owners_self_governance_owners_person_idx on owners_self_governance_owners (person_id)`,
  // An owners' vote 业主共同决定 on one question, scoped to a compound or one building.
  `create table owners_self_governance_votes (
     id integer generated always as identity primary key,
     scope_org_id integer not null references linli_orgs(id),
     scope_path text not null,
     title text not null,
     matter text not null,
     rule_id text not null,
     rule jsonb not null,
     status text not null default 'open' check (status in ('open', 'closed')),
     total_area_centi integer not null,
     total_owners integer not null,
     opens_at timestamptz not null,
     closes_at timestamptz not null,
     created_by integer not null references linli_people(id),
     closed_at timestamptz,
     closed_by integer references linli_people(id),
     result jsonb)`,
  `create index owners_self_governance_votes_path_idx on owners_self_governance_votes (scope_path text_pattern_ops, opens_at)`,
  // The electorate, frozen when the vote opens: a unit added later does not change the denominators.
  `create table owners_self_governance_electorate (
     vote_id integer not null references owners_self_governance_votes(id),
     unit_id integer not null references owners_self_governance_units(id),
     area_centi integer not null,
     primary key (vote_id, unit_id))`,
  // One ballot per unit and vote: cast online by an owner, or recorded from a paper ballot (with its photo) by staff.
  `create table owners_self_governance_ballots (
     vote_id integer not null references owners_self_governance_votes(id),
     unit_id integer not null references owners_self_governance_units(id),
     choice text not null check (choice in ('yes', 'no', 'abstain')),
     channel text not null check (channel in ('online', 'paper')),
     cast_by integer not null references linli_people(id),
     photo_id integer references linli_attachments(id),
     cast_at timestamptz not null,
     primary key (vote_id, unit_id),
     check (channel = 'online' or photo_id is not null))`,
];

export const tables: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    for (const s of statements) await sql.raw(s).execute(db);
  },
};
