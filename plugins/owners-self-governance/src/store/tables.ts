import { withTables, type ColumnType, type CoreReadTables, type Generated, type Kysely } from '@linli/sdk';
import type { Decision } from '../art278.js';
import type { Choice } from '../art278.js';

/** The plugin's tables as kysely sees them (migrations/0001-tables.ts). */
export interface UnitsTable {
  id: Generated<number>;
  building_org_id: number;
  building_path: string;
  room: string;
  area_centi: number;
  party_member_household: boolean;
  /** The developer's unsold or undelivered unit (开发商未售/未交付): all of them count as one owner (0005). */
  developer_held: Generated<boolean>;
  created_at: Date;
}

export interface OwnersTable {
  id: Generated<number>;
  unit_id: number;
  /** Personal data: leaves the API only masked. */
  name: string;
  phone: string | null;
  person_id: number | null;
  /** Owner number 业主编号: the same number on several units is the same buyer (0005). */
  owner_no: string | null;
  /** Taken off the roll (0007): the row stays for the votes, nominations and seats that point at it; null while on the roll. */
  removed_at: Date | null;
  removed_by: number | null;
  removal_reason: string | null;
}

export type VoteStatus = 'open' | 'closed';

export interface VotesTable {
  id: Generated<number>;
  scope_org_id: number;
  scope_path: string;
  title: string;
  matter: string;
  rule_id: string;
  /** The rule as it stood when the vote opened (config may change later; the vote keeps its rule). */
  rule: unknown;
  status: Generated<VoteStatus>;
  total_area_centi: number;
  total_owners: number;
  total_units: number;
  opens_at: Date;
  closes_at: Date;
  created_by: number;
  closed_at: Date | null;
  closed_by: number | null;
  /** The count with its arithmetic once the vote is closed (jsonb: written as JSON text, read back parsed). */
  result: ColumnType<Decision | null, string | null, string | null>;
  /** The election whose vetted list the vote decides (0004); set after the vote is opened. */
  election_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** The plugin that opened the vote, its reference and title (migrations/0003-origin.ts); null when staff set it up here. */
  origin_plugin: ColumnType<string | null, string | null | undefined, string | null>;
  origin_ref: ColumnType<string | null, string | null | undefined, string | null>;
  origin_title: ColumnType<string | null, string | null | undefined, string | null>;
  /** Seats of a committee election's vote, taken per candidate (0006); null: a one-question ballot. */
  seats: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface ElectorateTable {
  vote_id: number;
  unit_id: number;
  area_centi: number;
  /** The owner this unit counts for in the headcount (the smallest unit id of its group), frozen when the vote opens (0005). */
  voter_unit_id: number;
}

export interface BallotsTable {
  vote_id: number;
  unit_id: number;
  choice: Choice;
  channel: 'online' | 'paper';
  cast_by: number;
  photo_id: number | null;
  cast_at: Date;
}

/** One tick of a per-candidate ballot (0006): the unit's ballot agrees with this candidate. */
export interface CandidateBallotsTable {
  vote_id: number;
  unit_id: number;
  candidate_id: number;
}

export interface ElectionsTable {
  id: Generated<number>;
  compound_org_id: number;
  compound_path: string;
  title: string;
  /** Staff-only: the members of the preparatory group 筹备组. */
  preparatory_group: string;
  seats: number;
  status: Generated<'nominating' | 'published'>;
  vetting_days: number;
  created_by: number;
  created_at: Date;
  published_at: Date | null;
}

export interface CandidatesTable {
  id: Generated<number>;
  election_id: number;
  owner_id: number;
  nomination: string;
  nominated_at: Date;
  due_at: Date;
  /** The candidacy ended (0008): no longer an owner of the compound; the row and the ticks cast for it stay. Null while standing. */
  withdrawn_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  withdrawn_by: ColumnType<number | null, number | null | undefined, number | null>;
  withdrawal_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** The owner record whose removal ended it. */
  withdrawn_by_removal_of: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface ChecksTable {
  id: Generated<number>;
  candidate_id: number;
  item_id: string;
  item_kind: string;
  item_text: string;
  checker: string;
  /** The department that checks it; null: the candidate's community. */
  checker_org_id: number | null;
  result: Generated<'pending' | 'pass' | 'fail'>;
  reason: string | null;
  checked_by: number | null;
  checked_at: Date | null;
}

/** The sitting committee's tables (migrations/0004-committee-term.ts), beside the plugin's others. */
export interface CommitteesTable {
  id: Generated<number>;
  compound_org_id: number;
  compound_path: string;
  election_id: number;
  vote_id: number;
  term_start: Date;
  term_end: Date;
  seated_at: Date;
}

export const committeeRoles = ['主任', '副主任', '委员'] as const;
export type CommitteeRole = (typeof committeeRoles)[number];

export interface CommitteeMembersTable {
  id: Generated<number>;
  committee_id: number;
  owner_id: number;
  role: Generated<CommitteeRole>;
  /** The seat ended (0008: 委员资格自行终止, no longer an owner of the compound); the row stays as history. Null while seated. */
  ended_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  ended_by: ColumnType<number | null, number | null | undefined, number | null>;
  end_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** The owner record whose removal ended it. */
  ended_by_removal_of: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface Tables extends CoreReadTables {
  owners_self_governance_elections: ElectionsTable;
  owners_self_governance_candidates: CandidatesTable;
  owners_self_governance_checks: ChecksTable;
  owners_self_governance_units: UnitsTable;
  owners_self_governance_owners: OwnersTable;
  owners_self_governance_votes: VotesTable;
  owners_self_governance_electorate: ElectorateTable;
  owners_self_governance_ballots: BallotsTable;
  owners_self_governance_candidate_ballots: CandidateBallotsTable;
  owners_self_governance_committees: CommitteesTable;
  owners_self_governance_committee_members: CommitteeMembersTable;
}

export type Db = Kysely<Tables>;
/** The context's untyped handle, typed for this plugin's queries (the SDK's `withTables`, kysely's own). */
export const typed: (db: Kysely<any>) => Db = withTables<Tables>;
