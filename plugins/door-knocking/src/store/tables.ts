import type { Generated, Kysely } from '@linli/sdk';

/** The plugin's tables (migrations/0001-visits.ts) and the core tables it reads, as kysely sees them. */
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

/** The columns of the core's tables this plugin reads (never writes). */
interface CoreOrgs {
  id: number;
  key: string;
  type: string;
  name: string;
  path: string;
}
interface CorePeople {
  id: number;
  username: string;
  display_name: string;
}
interface CoreRoles {
  person_id: number;
  role: string;
  org_id: number;
}

export interface Tables {
  door_knocking_visits: VisitsTable;
  door_knocking_visit_needs: VisitNeedsTable;
  linli_orgs: CoreOrgs;
  linli_people: CorePeople;
  linli_role_assignments: CoreRoles;
}

export type Db = Kysely<Tables>;

/** The plugin's view of a connection or transaction: `ctx.db` and hook transactions are untyped. */
export const typed = (db: Kysely<any>): Db => db as Db;
