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
  /** The seats of the election it came from: the committee's size (总数). */
  seats: number;
}

export interface MemberRow {
  id: number;
  committeeId: number;
  ownerId: number;
  name: string;
  building: string;
  room: string;
  role: CommitteeRole;
  /** When the seat ended (0008: no longer an owner of the compound), and why; null while seated. */
  endedAt: Date | null;
  endReason: string | null;
}

/** The latest committee seated for each compound at or under `path` (a later one replaces an earlier one), newest first. */
export async function latestCommittees(db: Db, path: string, limit = 200): Promise<CommitteeRow[]> {
  const rows = await db
    .selectFrom('owners_self_governance_committees as c')
    .innerJoin('linli_orgs as o', 'o.id', 'c.compound_org_id')
    .innerJoin('owners_self_governance_elections as e', 'e.id', 'c.election_id')
    .select(['c.id', 'c.compound_org_id as compoundOrgId', 'o.name as compoundName', 'c.compound_path as compoundPath', 'c.election_id as electionId', 'c.vote_id as voteId', 'c.term_start as termStart', 'c.term_end as termEnd', 'e.seats'])
    .where('c.compound_path', 'like', `${path}%`)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('owners_self_governance_committees as later').select('later.id').whereRef('later.compound_org_id', '=', 'c.compound_org_id').whereRef('later.id', '>', 'c.id'))),
    )
    .orderBy('o.name')
    .limit(limit)
    .execute();
  return rows as CommitteeRow[];
}

/**
 * The members of these committees, chair first, then by building and room.
 * Names are public once seated; phones are never read. Sitting members only,
 * unless `withEnded` (staff's history): a seat that ended (委员资格终止) then
 * comes after the sitting ones, newest end first.
 */
export async function membersOf(db: Db, committeeIds: number[], opts: { withEnded?: boolean } = {}): Promise<MemberRow[]> {
  if (!committeeIds.length) return [];
  let q = db
    .selectFrom('owners_self_governance_committee_members as m')
    .innerJoin('owners_self_governance_owners as w', 'w.id', 'm.owner_id')
    .innerJoin('owners_self_governance_units as u', 'u.id', 'w.unit_id')
    .innerJoin('linli_orgs as b', 'b.id', 'u.building_org_id')
    .select(['m.id', 'm.committee_id as committeeId', 'm.owner_id as ownerId', 'w.name', 'b.name as building', 'u.room', 'm.role', 'm.ended_at as endedAt', 'm.end_reason as endReason'])
    .where('m.committee_id', 'in', committeeIds);
  if (!opts.withEnded) q = q.where('m.ended_at', 'is', null);
  const rows = await q.execute();
  const rank = (r: string) => (r === '主任' ? 0 : r === '副主任' ? 1 : 2);
  const ended = (m: MemberRow) => (m.endedAt === null ? 0 : 1);
  return (rows as MemberRow[]).sort((a, b) => ended(a) - ended(b) || (a.endedAt && b.endedAt ? new Date(b.endedAt).getTime() - new Date(a.endedAt).getTime() : 0) || rank(a.role) - rank(b.role) || a.building.localeCompare(b.building, 'zh-CN') || a.room.localeCompare(b.room, 'zh-CN') || a.id - b.id);
}
