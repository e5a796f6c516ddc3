import type { ColumnType, Generated } from 'kysely';

/**
 * The core tables as kysely sees them. Ids are `integer` identities (2^31 is
 * far above any city's volume) so both backends return JS numbers: PGlite and
 * pg disagree on int8 (number vs string). The query modules turn ids into
 * strings at the boundary; the API only ever shows string ids.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface OrgsTable {
  id: Generated<number>;
  key: string;
  parent_id: number | null;
  type: string;
  kind: 'level' | 'side';
  name: string;
  name_en: string | null;
  path: string;
  depth: number;
  created_at: Generated<Date>;
  /** Set when the org was deactivated (0006): it stays for history but takes no new work. */
  deactivated_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface GridsTable {
  id: Generated<number>;
  key: string;
  org_id: number;
  name: string;
  /** GeoJSON Polygon or MultiPolygon in WGS-84 (0018), or null: reports find this grid by their point only inside it. */
  boundary: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Generated<Date>;
}

export interface GridOrgsTable {
  grid_id: number;
  org_id: number;
}

export interface PeopleTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  phone: string | null;
  password_hash: string | null;
  created_at: Generated<Date>;
  disabled_at: Date | null;
  /** Where notices reach the person (0010); the mobile number is `phone`. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
  wecom_user_id: ColumnType<string | null, string | null | undefined, string | null>;
  locale: ColumnType<'zh-CN' | 'en', 'zh-CN' | 'en' | undefined, 'zh-CN' | 'en'>;
}

/** A one-time registration code sent by SMS (0011); only its SHA-256 is kept. */
export interface SmsCodesTable {
  id: Generated<number>;
  phone: string;
  code_hash: string;
  address: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
  used_at: Timestamp | null;
}

/** A resident's self-registration at a compound and whether staff confirmed it (0011). */
export interface RegistrationsTable {
  person_id: number;
  org_id: number;
  org_path: string;
  status: 'pending' | 'confirmed' | 'rejected';
  created_at: Timestamp;
  decided_by: number | null;
  decided_at: Timestamp | null;
}

/** A person's choice of channels per notice kind and quiet hours (0010); no row: the city's defaults. */
export interface NotificationPrefsTable {
  person_id: number;
  channels: Json;
  quiet_start: string | null;
  quiet_end: string | null;
  updated_at: Timestamp;
}

export interface RoleAssignmentsTable {
  id: Generated<number>;
  person_id: number;
  role: string;
  org_id: number;
  grid_id: number | null;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  id: string;
  person_id: number;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  revoked_at: Date | null;
}

/** A one-time link to set a first password or reset one (0007); only the token's SHA-256 is stored. */
export interface AccountTokensTable {
  id: string;
  person_id: number;
  purpose: 'setup' | 'reset';
  created_by: number | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** An Open311 client application (migrations/0015-open311.ts): its key only as a SHA-256, the service account it files as. */
export interface Open311ClientsTable {
  id: Generated<number>;
  name: string;
  key_hash: string;
  person_id: number;
  org_id: number;
  created_by: number | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

/** A ticket filed through Open311: its token, the client's address words and the reporter's contact (personal data, never public); its point is the ticket's. */
export interface Open311RequestsTable {
  ticket_id: number;
  client_id: number;
  token: string;
  address_string: string | null;
  device_id: string | null;
  account_id: string | null;
  contact: unknown;
  created_at: Timestamp;
}

/** One login-throttle counter (migrations/0006-login-throttle.ts): attempts since window_start. */
export interface LoginThrottleTable {
  key: string;
  attempts: number;
  window_start: Timestamp;
}

export interface TicketsTable {
  id: Generated<number>;
  workflow: string;
  state: string;
  version: Generated<number>;
  org_id: number;
  org_path: string;
  assignee_org_id: number | null;
  assignee_org_path: string | null;
  assignee_person_id: number | null;
  reporter_id: number | null;
  title: string;
  data: Json;
  deadline: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Timestamp | null;
  /** A point in WGS-84 degrees (0013), both or neither. */
  lat: ColumnType<number | null, number | null | undefined, number | null>;
  lng: ColumnType<number | null, number | null | undefined, number | null>;
  /** The resident's rating 1–5 (0013). */
  rating: ColumnType<number | null, number | null | undefined, number | null>;
  reopen_count: ColumnType<number, number | undefined, number>;
}

export interface TicketEventsTable {
  id: Generated<number>;
  ticket_id: number;
  seq: number;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_id: number | null;
  data: Json | null;
  comment: string | null;
  created_at: Timestamp;
  /** Who holds the ticket after this step (added by 0003; null on older rows). */
  assignee_org_id: ColumnType<number | null, number | null | undefined, never>;
  assignee_person_id: ColumnType<number | null, number | null | undefined, never>;
  /** Who reads `data` and `comment` (0013): internal (staff) or public (the reporter too). */
  visibility: ColumnType<'internal' | 'public', 'internal' | 'public' | undefined, never>;
}

/** A durable job (docs/adr/0002-job-runner.md). */
export interface JobsTable {
  id: Generated<number>;
  kind: string;
  key: string | null;
  payload: Json;
  run_at: Timestamp;
  status: ColumnType<'pending' | 'done' | 'dead', 'pending' | 'done' | 'dead' | undefined, 'pending' | 'done' | 'dead'>;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: number;
  locked_by: string | null;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

/** One target of an escalation (吹哨报到) and its report status. */
export interface TicketEscalationsTable {
  id: Generated<number>;
  ticket_id: number;
  event_seq: number;
  kind: 'whistle' | 'overdue';
  org_id: number;
  org_path: string;
  lead: ColumnType<boolean, boolean | undefined, boolean>;
  reason: string | null;
  raised_by: number | null;
  report_deadline: Timestamp | null;
  reported_at: Timestamp | null;
  reported_by: number | null;
  report_note: string | null;
  created_at: Timestamp;
}

export interface NotificationsTable {
  id: Generated<number>;
  person_id: number;
  kind: string;
  ticket_id: number | null;
  title: Json;
  data: Json;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: number | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  before: Json | null;
  after: Json | null;
  request_id: string | null;
  created_at: Generated<Date>;
}

export interface SeedRunsTable {
  name: string;
  done_at: Generated<Date>;
}

/** A photo (随手拍) uploaded for a ticket; see migrations/0002-attachments.ts. */
export interface AttachmentsTable {
  id: Generated<number>;
  uploader_id: number;
  content_type: 'image/jpeg' | 'image/png' | 'image/webp';
  size: number;
  bytes: Uint8Array;
  created_at: Timestamp;
}

export interface CoreTables {
  linli_orgs: OrgsTable;
  linli_grids: GridsTable;
  linli_grid_orgs: GridOrgsTable;
  linli_people: PeopleTable;
  linli_role_assignments: RoleAssignmentsTable;
  linli_sessions: SessionsTable;
  linli_login_throttle: LoginThrottleTable;
  linli_account_tokens: AccountTokensTable;
  linli_open311_clients: Open311ClientsTable;
  linli_open311_requests: Open311RequestsTable;
  linli_tickets: TicketsTable;
  linli_attachments: AttachmentsTable;
  linli_ticket_events: TicketEventsTable;
  linli_audit_log: AuditLogTable;
  linli_seed_runs: SeedRunsTable;
  linli_jobs: JobsTable;
  linli_ticket_escalations: TicketEscalationsTable;
  linli_notifications: NotificationsTable;
  linli_notification_prefs: NotificationPrefsTable;
  linli_sms_codes: SmsCodesTable;
  linli_registrations: RegistrationsTable;
}
