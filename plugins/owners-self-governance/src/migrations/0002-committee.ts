import { sql, type Kysely, type Migration } from '@linli/sdk';

// Owners' committee formation: an election run by a preparatory group (筹备组),
// its candidates (owners on the roll), and one check per candidate and item of
// the negative list, by the checker the list names, within a time limit.
const statements = [
  `create table owners_self_governance_elections (
     id integer generated always as identity primary key,
     compound_org_id integer not null references linli_orgs(id),
     compound_path text not null,
     title text not null,
     preparatory_group text not null,
     seats integer not null check (seats between 3 and 15),
     status text not null default 'nominating' check (status in ('nominating', 'published')),
     vetting_days integer not null,
     created_by integer not null references linli_people(id),
     created_at timestamptz not null,
     published_at timestamptz)`,
  `create index owners_self_governance_elections_path_idx on owners_self_governance_elections (compound_path text_pattern_ops)`,
  `create table owners_self_governance_candidates (
     id integer generated always as identity primary key,
     election_id integer not null references owners_self_governance_elections(id),
     owner_id integer not null references owners_self_governance_owners(id),
     nomination text not null,
     nominated_at timestamptz not null,
     due_at timestamptz not null,
     unique (election_id, owner_id))`,
  `create table owners_self_governance_checks (
     id integer generated always as identity primary key,
     candidate_id integer not null references owners_self_governance_candidates(id),
     item_id text not null,
     item_kind text not null,
     item_text text not null,
     checker text not null,
     checker_org_id integer references linli_orgs(id),
     result text not null default 'pending' check (result in ('pending', 'pass', 'fail')),
     reason text,
     checked_by integer references linli_people(id),
     checked_at timestamptz,
     unique (candidate_id, item_id),
     check (result <> 'fail' or reason is not null))`,
  `create index owners_self_governance_checks_org_idx on owners_self_governance_checks (checker_org_id, result)`,
];

export const committeeTables: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    for (const s of statements) await sql.raw(s).execute(db);
  },
};
