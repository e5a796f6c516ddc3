import type { Kysely } from '@linli/sdk';
import { typed } from './store/tables.js';

/** A household as other plugins see it: where, how large, whether a party member household, how many owners — never their names or phones. */
export interface Household {
  id: string;
  buildingOrgId: string;
  buildingName: string;
  room: string;
  areaCenti: number;
  partyMemberHousehold: boolean;
  owners: number;
  /** Whether one of the owners is this person (when `personId` is given). */
  ownedByPerson?: boolean;
}

/**
 * The households (property units) at or under an org path — the reader the
 * weekend hall or red property use through a dependency on this plugin
 * (docs/adr/0005-households.md). Read-only; personal data stays here.
 */
export async function householdsIn(db: Kysely<any>, path: string, opts: { personId?: number } = {}): Promise<Household[]> {
  const t = typed(db);
  const rows = await t
    .selectFrom('owners_self_governance_units as u')
    .innerJoin('linli_orgs as b', 'b.id', 'u.building_org_id')
    .leftJoin('owners_self_governance_owners as o', (j) => j.onRef('o.unit_id', '=', 'u.id').on('o.removed_at', 'is', null))
    .select((eb) => [
      'u.id',
      'u.building_org_id as buildingOrgId',
      'b.name as buildingName',
      'u.room',
      'u.area_centi as areaCenti',
      'u.party_member_household as partyMemberHousehold',
      eb.fn.count<string>('o.id').as('owners'),
      eb.fn.count<string>(eb.case().when('o.person_id', '=', opts.personId ?? -1).then(1).end()).as('mine'),
    ])
    .where('u.building_path', 'like', `${path}%`)
    .groupBy(['u.id', 'b.name'])
    .orderBy('b.name')
    .orderBy('u.room')
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    buildingOrgId: String(r.buildingOrgId),
    buildingName: r.buildingName,
    room: r.room,
    areaCenti: r.areaCenti,
    partyMemberHousehold: r.partyMemberHousehold,
    owners: Number(r.owners),
    ...(opts.personId !== undefined ? { ownedByPerson: Number(r.mine) > 0 } : {}),
  }));
}
