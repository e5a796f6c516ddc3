import { sql, type Kysely, type Migration } from '@linli/sdk';

// A topic referred to the owners (交业主共同决定): the owners' vote it waits
// on (in owners-self-governance, through its public API), and the outcome the
// vote-closed event recorded. One referral per topic.
const statements = [
  `create table wdh_referrals (
     ticket_id integer primary key references wdh_topics(ticket_id),
     vote_id integer not null unique,
     matter text not null,
     scope_name text not null,
     referred_by integer not null references linli_people(id),
     referred_at timestamptz not null,
     passed boolean,
     vote_closed_at timestamptz,
     recorded_by integer references linli_people(id),
     recorded_at timestamptz)`,
];

export const referralTables: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    for (const s of statements) await sql.raw(s).execute(db);
  },
};
