import { parseId } from '@linli/sdk';
import { withTables, type CoreReadTables, type Generated, type Kysely } from '@linli/sdk';

/** The plugin's tables as kysely sees them (migrations/0001-tables.ts). */
export type MemberKind = 'in_service' | 'resident';

export interface MembersTable {
  id: Generated<number>;
  person_id: number;
  kind: MemberKind;
  compound_org_id: number;
  compound_path: string;
  community_path: string;
  work_unit: string | null;
  party_branch: string | null;
  branch_org_id: number | null;
  skills: string[];
  registered_at: Date;
}

export interface WishesTable {
  ticket_id: number;
  ticket_version: number;
  compound_org_id: number;
  compound_path: string;
  title: string;
  category: string;
  state: string;
  poster_id: number;
  posted_at: Date;
  claimant_person_id: number | null;
  claimant_member_id: number | null;
  claimant_unit_org_id: number | null;
  claimed_at: Date | null;
  fulfilled_at: Date | null;
  verified_at: Date | null;
}

export interface TeamsTable {
  id: Generated<number>;
  org_id: number;
  org_path: string;
  name: string;
  leader: string | null;
  description: string | null;
  created_by: number;
  created_at: Date;
}

export interface ActivitiesTable {
  id: Generated<number>;
  team_id: number | null;
  org_id: number;
  org_path: string;
  title: string;
  /** Local date `YYYY-MM-DD` (both backends return dates as text with the cast in the queries). */
  activity_date: string;
  place: string | null;
  planned_hours: number;
  created_by: number;
  created_at: Date;
}

export type EntryKind = 'wish' | 'service' | 'correction';

export interface LedgerTable {
  id: Generated<number>;
  member_id: number | null;
  unit_org_id: number | null;
  org_id: number;
  org_path: string;
  kind: EntryKind;
  points: number;
  hours: number | null;
  ticket_id: number | null;
  activity_id: number | null;
  corrects_id: number | null;
  note: string | null;
  occurred_at: Date;
  recorded_by: number;
  recorded_at: Date;
}

export interface SignupsTable {
  activity_id: number;
  member_id: number;
  signed_up_at: Date;
  hours: number | null;
  attended_at: Date | null;
  entry_id: number | null;
}

/** The core tables this plugin reads (the SDK's `CoreReadTables`). */
export type CoreReads = CoreReadTables;

export interface Tables extends CoreReads {
  volunteer_points_members: MembersTable;
  volunteer_points_wishes: WishesTable;
  volunteer_points_teams: TeamsTable;
  volunteer_points_activities: ActivitiesTable;
  volunteer_points_ledger: LedgerTable;
  volunteer_points_signups: SignupsTable;
}

export type Db = Kysely<Tables>;

/** The context's untyped handle, typed for this plugin's queries (the SDK's `withTables`, kysely's own). */
export const typed: (db: Kysely<any>) => Db = withTables<Tables>;

export { parseId };
