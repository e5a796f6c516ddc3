import type { CommitteeRole, Db } from './tables.js';

export { committeeRoles, type CommitteeRole, type CommitteeMembersTable, type CommitteesTable } from './tables.js';

export interface CommitteeRow {
  id: number;
  compoundOrgId: number;
  compoundName: string;
  compoundPath: string;
  electionId: number;
  voteId: number;
  termStart: Date;
  termEnd: Date;
}

export interface MemberRow {
  id: number;
  committeeId: number;
  ownerId: number;
  name: string;
  building: string;
  room: string;
  role: CommitteeRole;
}

/** The latest committee seated for each compound at or under `path` (a later one replaces an earlier one), newest first. */
export async function latestCommittees(db: Db, path: string, limit = 200): Promise<CommitteeRow[]> {
  const rows = await db
    .selectFrom('owners_self_governance_committees as c')
    .innerJoin('linli_orgs as o', 'o.id', 'c.compound_org_id')
    .select(['c.id', 'c.compound_org_id as compoundOrgId', 'o.name as compoundName', 'c.compound_path as compoundPath', 'c.election_id as electionId', 'c.vote_id as voteId', 'c.term_start as termStart', 'c.term_end as termEnd'])
    .where('c.compound_path', 'like', `${path}%`)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('owners_self_governance_committees as later').select('later.id').whereRef('later.compound_org_id', '=', 'c.compound_org_id').whereRef('later.id', '>', 'c.id'))),
    )
    .orderBy('o.name')
    .limit(limit)
    .execute();
  return rows as CommitteeRow[];
}

/** The members of these committees, chair first, then by building and room. Names are public once seated; phones are never read. */
export async function membersOf(db: Db, committeeIds: number[]): Promise<MemberRow[]> {
  if (!committeeIds.length) return [];
  const rows = await db
    .selectFrom('owners_self_governance_committee_members as m')
    .innerJoin('owners_self_governance_owners as w', 'w.id', 'm.owner_id')
    .innerJoin('owners_self_governance_units as u', 'u.id', 'w.unit_id')
    .innerJoin('linli_orgs as b', 'b.id', 'u.building_org_id')
    .select(['m.id', 'm.committee_id as committeeId', 'm.owner_id as ownerId', 'w.name', 'b.name as building', 'u.room', 'm.role'])
    .where('m.committee_id', 'in', committeeIds)
    .execute();
  const rank = (r: string) => (r === '主任' ? 0 : r === '副主任' ? 1 : 2);
  return (rows as MemberRow[]).sort((a, b) => rank(a.role) - rank(b.role) || a.building.localeCompare(b.building, 'zh-CN') || a.room.localeCompare(b.room, 'zh-CN') || a.id - b.id);
}
