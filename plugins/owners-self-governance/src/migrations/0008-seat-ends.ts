import { sql, type Kysely, type Migration } from '@linli/sdk';
import { personOfRecords } from '../owner-identity.js';

// A committee member's seat ends by itself when they are no longer an owner of
// the compound (《业主大会和业主委员会指导规则》第三十七条: 因物业转让、灭失等原因不再是业主的,
// 委员资格自行终止), and a candidate of an election not yet decided stops standing.
// Nothing is deleted: the member's row keeps its role and gets when, by whom and
// why it ended, and the owner record whose removal ended it (0007); the
// candidate's row likewise, so ballots already cast (0006) keep their ticks.
// One chair per committee counts sitting members only: a chair whose seat ended
// stays 主任 in the history while the community records the next one.
const statements = [
  `alter table owners_self_governance_committee_members add column ended_at timestamptz`,
  `alter table owners_self_governance_committee_members add column ended_by integer references linli_people(id)`,
  `alter table owners_self_governance_committee_members add column end_reason text`,
  `alter table owners_self_governance_committee_members add column ended_by_removal_of integer references owners_self_governance_owners(id)`,
  `alter table owners_self_governance_committee_members add constraint owners_self_governance_committee_members_end_check check ((ended_at is null) = (ended_by is null) and (ended_at is null) = (end_reason is null) and (ended_by_removal_of is null or ended_at is not null))`,
  `drop index owners_self_governance_committee_chair_idx`,
  `create unique index owners_self_governance_committee_chair_idx on owners_self_governance_committee_members (committee_id) where role = '主任' and ended_at is null`,
  `alter table owners_self_governance_candidates add column withdrawn_at timestamptz`,
  `alter table owners_self_governance_candidates add column withdrawn_by integer references linli_people(id)`,
  `alter table owners_self_governance_candidates add column withdrawal_reason text`,
  `alter table owners_self_governance_candidates add column withdrawn_by_removal_of integer references owners_self_governance_owners(id)`,
  `alter table owners_self_governance_candidates add constraint owners_self_governance_candidates_withdrawal_check check ((withdrawn_at is null) = (withdrawn_by is null) and (withdrawn_at is null) = (withdrawal_reason is null) and (withdrawn_by_removal_of is null or withdrawn_at is not null))`,
];

export const seatEnds: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    for (const s of statements) await sql.raw(s).execute(db);
    await endSeatsOfOwnersRemovedBefore(db);
  },
};

interface Pointer {
  id: number;
  ownerId: number;
  compoundPath: string;
}

/**
 * Owners removed between 0007 and this migration lost their seat (or
 * candidacy) then, by the rule: it is recorded now, as of that removal (its
 * time, who took it, the record), for sitting committees (the latest of the
 * compound, term not ended) and elections no committee was seated from, when
 * the person (owner-identity.ts) holds no current record in the compound.
 */
export async function endSeatsOfOwnersRemovedBefore(db: Kysely<any>): Promise<void> {
  const seats = (
    await sql<Pointer>`select m.id, m.owner_id as "ownerId", c.compound_path as "compoundPath"
      from owners_self_governance_committee_members m
      join owners_self_governance_committees c on c.id = m.committee_id
      join owners_self_governance_owners w on w.id = m.owner_id
      where w.removed_at is not null and c.term_end > now()
        and not exists (select 1 from owners_self_governance_committees later where later.compound_org_id = c.compound_org_id and later.id > c.id)`.execute(db)
  ).rows;
  const candidacies = (
    await sql<Pointer>`select k.id, k.owner_id as "ownerId", e.compound_path as "compoundPath"
      from owners_self_governance_candidates k
      join owners_self_governance_elections e on e.id = k.election_id
      join owners_self_governance_owners w on w.id = k.owner_id
      where w.removed_at is not null
        and not exists (select 1 from owners_self_governance_committees s where s.election_id = e.id)`.execute(db)
  ).rows;
  for (const [table, rows] of [['members', seats], ['candidates', candidacies]] as const) {
    for (const p of rows) {
      const records = (
        await sql<{ id: number; personId: number | null; phone: string | null; ownerNo: string | null; removedAt: Date | null; removedBy: number | null }>`select w.id, w.person_id as "personId", w.phone, w.owner_no as "ownerNo", w.removed_at as "removedAt", w.removed_by as "removedBy"
          from owners_self_governance_owners w join owners_self_governance_units u on u.id = w.unit_id
          where u.building_path like ${`${p.compoundPath}%`}`.execute(db)
      ).rows;
      const person = personOfRecords(records);
      const mine = records.filter((r) => person.get(r.id) === person.get(p.ownerId));
      if (mine.some((r) => r.removedAt === null)) continue;
      const last = mine.filter((r) => r.removedAt !== null).sort((a, b) => new Date(b.removedAt!).getTime() - new Date(a.removedAt!).getTime())[0]!;
      if (table === 'members') {
        await sql`update owners_self_governance_committee_members set ended_at = ${last.removedAt}, ended_by = ${last.removedBy}, end_reason = ${'不再是本小区业主（物业转让等），委员资格自行终止'}, ended_by_removal_of = ${last.id} where id = ${p.id}`.execute(db);
      } else {
        await sql`update owners_self_governance_candidates set withdrawn_at = ${last.removedAt}, withdrawn_by = ${last.removedBy}, withdrawal_reason = ${'不再是本小区业主（物业转让等），候选资格终止'}, withdrawn_by_removal_of = ${last.id} where id = ${p.id}`.execute(db);
      }
    }
  }
}
