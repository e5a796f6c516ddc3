import { withTables, type CoreReadTables, type Generated, type Kysely } from '@linli/sdk';

/** The plugin's tables as kysely sees them (migrations/0001-tables.ts). */
export interface CasesTable {
  ticket_id: number;
  title: string;
  compound_org_id: number;
  compound_path: string;
  company_org_id: number | null;
  dispute_type: string;
  amount_fen: number | null;
  applicant_kind: string;
  respondent_kind: string;
  state: string;
  version: number;
  deadline: Date | null;
  filed_at: Date;
  team_formed_at: Date | null;
  outcome: 'agreement' | 'referral' | null;
  outcome_at: Date | null;
  referral_kind: string | null;
  referral_org_id: number | null;
  referral_settled: boolean | null;
  agreed_amount_fen: number | null;
  closed_at: Date | null;
  performed: string | null;
  satisfaction: string | null;
}

export interface TeamTable {
  ticket_id: number;
  person_id: number;
  pool_key: string;
  pool_title: string;
  lead: boolean;
  compound_path: string;
}

export interface SessionsTable {
  id: Generated<number>;
  ticket_id: number;
  held_on: string;
  place: string;
  parties_present: string;
  mediators_present: number;
  absent_person_id: number | null;
  record: string;
  recorded_by: number;
  recorded_at: Date;
}

export interface Tables extends CoreReadTables {
  dispute_mediation_cases: CasesTable;
  dispute_mediation_team: TeamTable;
  dispute_mediation_sessions: SessionsTable;
}

export type Db = Kysely<Tables>;
/** The context's untyped handle, typed for this plugin's queries (the SDK's `withTables`, kysely's own). */
export const typed: (db: Kysely<any>) => Db = withTables<Tables>;
