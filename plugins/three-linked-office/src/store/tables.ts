import { withTables, type CoreReadTables, type Generated, type Kysely } from '@linli/sdk';

/** The plugin's tables as kysely sees them (migrations/0001-tables.ts). */
export interface OfficesTable {
  id: Generated<number>;
  compound_org_id: number;
  rc_org_id: number;
  property_org_id: number;
  owners_org_id: number;
  party_org_id: number | null;
  meeting_weekday: number;
  meeting_time: string;
  place: string | null;
  representatives: unknown;
  active: boolean;
  updated_at: Date;
}

export type MeetingStatus = 'scheduled' | 'held' | 'closed' | 'cancelled';

export interface MeetingsTable {
  id: Generated<number>;
  office_id: number;
  /** Local date, `YYYY-MM-DD` (both backends return dates as text). */
  meeting_date: string;
  meeting_time: string;
  scheduled_at: Date;
  place: string | null;
  note: string | null;
  status: Generated<MeetingStatus>;
  held_at: Date | null;
  closed_at: Date | null;
  created_by: number | null;
  created_at: Date;
}

export interface AttendanceTable {
  meeting_id: number;
  party: string;
  present: boolean;
  attendees: string | null;
  recorded_by: number | null;
  recorded_at: Date;
}

export interface ProblemsTable {
  ticket_id: number;
  office_id: number;
  title: string;
  category: string;
  urgency: string;
  difficulty: string;
  state: string;
  responsible_party: string | null;
  deadline: Date | null;
  raised_at: Date;
  decided_at: Date | null;
  solved_at: Date | null;
}

export type AgendaOutcome = 'pending' | 'decided' | 'carried_over' | 'removed' | 'withdrawn';

export interface AgendaItemsTable {
  id: Generated<number>;
  meeting_id: number;
  ticket_id: number;
  outcome: Generated<AgendaOutcome>;
  decision: string | null;
  responsible_party: string | null;
  deadline: Date | null;
  added_at: Date;
  settled_at: Date | null;
}

export interface FeeRatesTable {
  office_id: number;
  month: string;
  rate: number;
  paid_households: number | null;
  total_households: number | null;
  note: string | null;
  entered_by: number | null;
  entered_at: Date;
}

/** The core tables this plugin reads (the SDK's `CoreReadTables`). */
export type CoreReads = CoreReadTables;

export interface Tables extends CoreReads {
  tlo_offices: OfficesTable;
  tlo_meetings: MeetingsTable;
  tlo_attendance: AttendanceTable;
  tlo_problems: ProblemsTable;
  tlo_agenda_items: AgendaItemsTable;
  tlo_fee_rates: FeeRatesTable;
}

export type Db = Kysely<Tables>;

/** The context's untyped handle, typed for this plugin's queries (the SDK's `withTables`, kysely's own). */
export const typed: (db: Kysely<any>) => Db = withTables<Tables>;
