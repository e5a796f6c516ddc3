import { sql, type Kysely, type Migration } from '@linli/sdk';

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
  },
};
