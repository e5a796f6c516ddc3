import { sql, type Kysely, type Migration } from '@linli/sdk';

// An owner leaves the roll (the unit is sold, an owner dies, a record was wrong)
// without their record going: votes already cast, electorates frozen with the
// owner's grouping (0005), nominations and committee seats point at it. The row
// keeps who removed it, when and why (the audit); every read of the current roll
// skips removed rows. A name is unique among a unit's current owners only, so the
// same name can be registered again after a removal.
const statements = [
  `alter table owners_self_governance_owners add column removed_at timestamptz`,
  `alter table owners_self_governance_owners add column removed_by integer references linli_people(id)`,
  `alter table owners_self_governance_owners add column removal_reason text`,
  `alter table owners_self_governance_owners add constraint owners_self_governance_owners_removal_check check ((removed_at is null) = (removed_by is null) and (removed_at is null) = (removal_reason is null))`,
  `alter table owners_self_governance_owners drop constraint owners_self_governance_owners_unit_id_name_key`,
  `create unique index owners_self_governance_owners_current_name_idx on owners_self_governance_owners (unit_id, name) where removed_at is null`,
];

export const ownerRemoval: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    for (const s of statements) await sql.raw(s).execute(db);
  },
};
