import { sql, type Kysely, type Migration } from '@linli/sdk';

// Where a vote came from when another plugin opened it (a weekend-hall topic
// referred to the owners): the plugin, its own reference and a title to show.
// Empty for votes staff set up here.
const statements = [
  `alter table owners_self_governance_votes add column origin_plugin text`,
  `alter table owners_self_governance_votes add column origin_ref text`,
  `alter table owners_self_governance_votes add column origin_title text`,
  `alter table owners_self_governance_votes add constraint owners_self_governance_votes_origin_whole check ((origin_plugin is null) = (origin_ref is null) and (origin_plugin is null) = (origin_title is null))`,
];

export const originColumns: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    for (const s of statements) await sql.raw(s).execute(db);
  },
};
