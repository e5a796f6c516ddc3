import { withTables, type CoreReadTables, type Generated, type Kysely } from '@linli/sdk';

/** The plugin's tables as kysely sees them (migrations/0001-tables.ts). */
export interface ComplaintsTable {
  ticket_id: number;
  compound_org_id: number;
  compound_path: string;
  company_org_id: number;
  category: string;
  state: string;
  filed_at: Date;
  dispatched_at: Date | null;
  response_due: Date | null;
  responded_at: Date | null;
  closed_at: Date | null;
  satisfaction: string | null;
}

export interface EvaluationsTable {
  id: Generated<number>;
  company_org_id: number;
  period: string;
  scores: unknown;
  total: number;
  max_total: number;
  rating: string;
  comment: string | null;
  complaint_figures: unknown;
  evaluator_id: number;
  evaluated_at: Date;
}

export interface CreditEntriesTable {
  id: Generated<number>;
  company_org_id: number;
  kind: 'evaluation' | 'red_list' | 'black_list' | 'delisted';
  period: string | null;
  rating: string | null;
  total: number | null;
  max_total: number | null;
  note: string | null;
  evaluation_id: number | null;
  recorded_by: number | null;
  recorded_at: Date;
}

export interface MeetingsTable {
  id: Generated<number>;
  compound_org_id: number;
  compound_path: string;
  /** Local date, `YYYY-MM-DD`. */
  held_on: string;
  topic: string;
  subject: string;
  attendance: unknown;
  decision: string | null;
  recorded_by: number;
  recorded_at: Date;
}

export interface CompoundFilesTable {
  compound_org_id: number;
  compound_path: string;
  facts: unknown;
  updated_by: number;
  updated_at: Date;
}

export interface LedgerEntriesTable {
  id: Generated<number>;
  compound_org_id: number;
  compound_path: string;
  kind: 'income' | 'expense';
  category: string;
  /** bigint: PostgreSQL drivers may return it as a string; read it through Number(). */
  amount_fen: number | string;
  purpose: string;
  occurred_on: string;
  meeting_id: number | null;
  recorded_by: number;
  recorded_at: Date;
}

export interface PracticalMattersTable {
  id: Generated<number>;
  compound_org_id: number;
  compound_path: string;
  year: number;
  title: string;
  description: string | null;
  status: Generated<'open' | 'done'>;
  result: string | null;
  created_by: number;
  created_at: Date;
  done_at: Date | null;
}

/** The core tables this plugin reads (the SDK's `CoreReadTables`). */
export type CoreReads = CoreReadTables;

export interface Tables extends CoreReads {
  red_property_complaints: ComplaintsTable;
  red_property_evaluations: EvaluationsTable;
  red_property_credit_entries: CreditEntriesTable;
  red_property_meetings: MeetingsTable;
  red_property_compound_files: CompoundFilesTable;
  red_property_ledger_entries: LedgerEntriesTable;
  red_property_practical_matters: PracticalMattersTable;
}

export type Db = Kysely<Tables>;

/** The context's untyped handle, typed for this plugin's queries (the SDK's `withTables`, kysely's own). */
export const typed: (db: Kysely<any>) => Db = withTables<Tables>;

/** jsonb comes back parsed from PGlite and node-postgres alike, but a driver may hand back text: accept both. */
export const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** Ids are strings at the API; those beyond a PostgreSQL integer name no row (and must not reach a query as one). */
export const isDbId = (id: string): boolean => /^[1-9][0-9]{0,9}$/.test(id) && Number(id) <= 2_147_483_647;

/** A `date` column as `YYYY-MM-DD`, whichever way the driver returns it. */
export const dateText = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
