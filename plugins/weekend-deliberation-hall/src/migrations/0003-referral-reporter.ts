import { sql, type Kysely, type Migration } from '@linli/sdk';

// Who raised a referred topic, kept with the referral when it is made, so the
// owners' vote-closed job (which has no actor to read the ticket with) can tell
// them the result. Referrals made before this migration have none: their
// reporter is not told by the job (the conveners still are).
const statements = [`alter table wdh_referrals add column reporter_id integer references linli_people(id)`];

export const referralReporter: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    for (const s of statements) await sql.raw(s).execute(db);
  },
};
