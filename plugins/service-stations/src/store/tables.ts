import { withTables, type CoreReadTables, type Generated, type Kysely } from '@linli/sdk';

/** The plugin's tables (migrations/0001-tables.ts) and the core columns it reads, as kysely sees them. */
export interface StationsTable {
  id: Generated<number>;
  org_id: number;
  org_path: string;
  name: string;
  place: string | null;
  source: 'config' | 'staff';
  created_at: Date;
}

export interface InspectionsTable {
  id: Generated<number>;
  station_id: number;
  period: string;
  status: 'due' | 'done';
  opened_at: Date;
  inspected_at: Date | null;
  inspector_id: number | null;
  note: string | null;
}

export interface ResultsTable {
  inspection_id: number;
  item_key: string;
  item_title: string;
  passed: boolean;
  reason: string | null;
  /** JSON array of attachment ids. */
  photos: string;
  ticket_id: number | null;
  ticket_state: string | null;
}

export type Position = 'lead' | 'deputy' | 'member';

export interface StaffTable {
  station_id: number;
  person_id: number;
  position: Position;
  duty: string | null;
  added_at: Date;
}

export interface DutyTable {
  station_id: number;
  weekday: number;
  person_id: number;
}

interface CoreOrgs {
  id: number;
  key: string;
  parent_id: number | null;
  type: string;
  kind: string;
  name: string;
  path: string;
  depth: number;
}
interface CorePeople {
  id: number;
  username: string;
  display_name: string;
  disabled_at: Date | null;
}
interface CoreRoles {
  id: number;
  person_id: number;
  role: string;
  org_id: number;
  grid_id: number | null;
}
interface CoreGrids {
  id: number;
  org_id: number;
}

export interface Tables {
  service_stations_stations: StationsTable;
  service_stations_inspections: InspectionsTable;
  service_stations_results: ResultsTable;
  service_stations_staff: StaffTable;
  service_stations_duty: DutyTable;
  linli_orgs: CoreOrgs;
  linli_people: CorePeople;
  linli_role_assignments: CoreRoles;
  linli_grids: CoreGrids;
}

export type Db = Kysely<CoreReadTables & Tables>;

/** The context's untyped handle, typed for this plugin's queries (the SDK's `withTables`, kysely's own). */
export const typed: (db: Kysely<any>) => Db = withTables<Tables>;
