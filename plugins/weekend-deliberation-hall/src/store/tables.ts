import { parseId } from '@linli/sdk';
import { withTables, type CoreReadTables, type Generated, type Kysely } from '@linli/sdk';

/** The plugin's tables as kysely sees them (migrations/0001-tables.ts). */
export type SessionStatus = 'scheduled' | 'held' | 'closed' | 'cancelled';

export interface SessionsTable {
  id: Generated<number>;
  compound_org_id: number;
  compound_path: string;
  /** Local date, `YYYY-MM-DD`. */
  session_date: string;
  start_time: string;
  starts_at: Date;
  place: string;
  theme: string | null;
  status: Generated<SessionStatus>;
  record: string | null;
  held_at: Date | null;
  closed_at: Date | null;
  created_by: number | null;
  created_at: Date;
}

export interface ParticipantsTable {
  session_id: number;
  stakeholder_group: string;
  present: number;
  names: string | null;
  recorded_by: number | null;
  recorded_at: Date;
}

export interface TopicsTable {
  ticket_id: number;
  compound_org_id: number;
  compound_path: string;
  title: string;
  category: string;
  state: string;
  raised_at: Date;
  screened_at: Date | null;
  resolved_at: Date | null;
  completed_at: Date | null;
  publicized_at: Date | null;
  result: string | null;
}

export type AgendaStatus = 'pending' | 'passed' | 'not_passed' | 'removed';

export interface AgendaTable {
  id: Generated<number>;
  session_id: number;
  ticket_id: number;
  status: Generated<AgendaStatus>;
  added_at: Date;
  settled_at: Date | null;
}

export interface VotesTable {
  id: Generated<number>;
  session_id: number;
  ticket_id: number;
  votes_for: number;
  votes_against: number;
  abstentions: number;
  present: number;
  passed: boolean;
  explanation: string;
  deliberation: string;
  resolution: string;
  implementer: string | null;
  deadline: Date | null;
  recorded_by: number | null;
  recorded_at: Date;
}

/** A topic referred to an owners' vote (migrations/0002-referrals.ts). */
export interface ReferralsTable {
  ticket_id: number;
  vote_id: number;
  matter: string;
  scope_name: string;
  referred_by: number;
  referred_at: Date;
  /** Who raised the topic, told the vote's result (migration 0003; null on referrals made before it). */
  reporter_id: number | null;
  /** Set by the owners' vote-closed event: whether the owners passed it. */
  passed: boolean | null;
  vote_closed_at: Date | null;
  /** Who took the topic's next step by the outcome, and when. */
  recorded_by: number | null;
  recorded_at: Date | null;
}

/** The core tables this plugin reads (the SDK's `CoreReadTables`). */
export type CoreReads = CoreReadTables;

export interface Tables extends CoreReads {
  wdh_sessions: SessionsTable;
  wdh_participants: ParticipantsTable;
  wdh_topics: TopicsTable;
  wdh_agenda: AgendaTable;
  wdh_votes: VotesTable;
  wdh_referrals: ReferralsTable;
}

export type Db = Kysely<Tables>;

/** The context's untyped handle, typed for this plugin's queries (the SDK's `withTables`, kysely's own). */
export const typed: (db: Kysely<any>) => Db = withTables<Tables>;

export { parseId };
