import { sql, type Kysely, type Migration } from '@linli/sdk';

// The sitting owners' committee: seated when an election's vote passes, with its
// members (主任/副主任/委员), its term and the vote it came from. A later committee
// of the same compound replaces it; a term past its end leaves none sitting.
const statements = [
  `alter table owners_self_governance_votes add column election_id integer references owners_self_governance_elections(id)`,
  `create table owners_self_governance_committees (
     id integer generated always as identity primary key,
     compound_org_id integer not null references linli_orgs(id),
     compound_path text not null,
     election_id integer not null references owners_self_governance_elections(id),
     vote_id integer not null unique references owners_self_governance_votes(id),
     term_start timestamptz not null,
     term_end timestamptz not null,
     seated_at timestamptz not null,
     check (term_end > term_start))`,
  `create index owners_self_governance_committees_path_idx on owners_self_governance_committees (compound_path text_pattern_ops, term_start)`,
  `create table owners_self_governance_committee_members (
     id integer generated always as identity primary key,
     committee_id integer not null references owners_self_governance_committees(id),
     owner_id integer not null references owners_self_governance_owners(id),
     role text not null default '委员' check (role in ('主任', '副主任', '委员')),
     unique (committee_id, owner_id))`,
  // One chair per committee, down to the database.
  `create unique index owners_self_governance_committee_chair_idx on owners_self_governance_committee_members (committee_id) where role = '主任'`,
];

export const committeeTerm: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    for (const s of statements) await sql.raw(s).execute(db);
  },
};
