import { withTables, type CoreReadTables, type Generated, type Kysely } from '@linli/sdk';

/** The plugin's tables as kysely sees them (migrations/0001-visits.ts). */
export interface VisitsTable {
  id: Generated<number>;
  building_org_id: number;
  building_path: string;
  household: string;
  round: string;
  visited_at: Date;
  visitor_id: number;
  at_home: boolean;
  note: string | null;
  ticket_id: number | null;
  problem_title: string | null;
  problem_state: string | null;
}

export interface VisitNeedsTable {
  visit_id: number;
  need: string;
}

/** The plugin's tables and the core tables it reads (the SDK's `CoreReadTables`; it never writes them). */
export interface Tables extends CoreReadTables {
  door_knocking_visits: VisitsTable;
  door_knocking_visit_needs: VisitNeedsTable;
}

export type Db = Kysely<Tables>;

/** The context's untyped handle, typed for this plugin's queries (the SDK's `withTables`, kysely's own). */
export const typed: (db: Kysely<any>) => Db = withTables<Tables>;
