import { sql, type Kysely, type Migration } from '@linli/sdk';

// Owners counted as the law counts them (owner-identity.ts): a unit may be held
// by the developer (unsold or undelivered: all such units are one person), an
// owner may carry an owner number 业主编号 that names the same buyer across
// units, and each vote freezes, beside every unit of its electorate, the voter
// it counts for (the smallest unit id of its group) and how many units there
// are. Votes opened before this migration counted each unit as one owner: their
// voter is the unit itself, so their counts stay what they were.
const statements = [
  `alter table owners_self_governance_units add column developer_held boolean not null default false`,
  `alter table owners_self_governance_owners add column owner_no text`,
  `alter table owners_self_governance_electorate add column voter_unit_id integer`,
  `update owners_self_governance_electorate set voter_unit_id = unit_id`,
  `alter table owners_self_governance_electorate alter column voter_unit_id set not null`,
  `create index owners_self_governance_electorate_voter_idx on owners_self_governance_electorate (vote_id, voter_unit_id)`,
  `alter table owners_self_governance_votes add column total_units integer`,
  `update owners_self_governance_votes as v set total_units = (select count(*) from owners_self_governance_electorate as e where e.vote_id = v.id)`,
  `alter table owners_self_governance_votes alter column total_units set not null`,
];

export const ownerIdentity: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    for (const s of statements) await sql.raw(s).execute(db);
  },
};
