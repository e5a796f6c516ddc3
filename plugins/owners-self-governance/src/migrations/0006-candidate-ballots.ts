import { sql, type Kysely, type Migration } from '@linli/sdk';

// A committee election's vote takes a ballot per candidate (差额选举): each owner
// ticks the candidates they agree with, at most as many as there are seats. The
// vote keeps its seats (null: a one-question ballot, as every other matter and the
// slate votes opened before this migration); each tick is a row beside the unit's
// ballot, which still records taking part (同意: ticked someone, 弃权: nobody).
const statements = [
  `alter table owners_self_governance_votes add column seats integer check (seats is null or seats > 0)`,
  `create table owners_self_governance_candidate_ballots (
     vote_id integer not null,
     unit_id integer not null,
     candidate_id integer not null references owners_self_governance_candidates(id),
     primary key (vote_id, unit_id, candidate_id),
     foreign key (vote_id, unit_id) references owners_self_governance_ballots(vote_id, unit_id))`,
];

export const candidateBallots: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    for (const s of statements) await sql.raw(s).execute(db);
  },
};
