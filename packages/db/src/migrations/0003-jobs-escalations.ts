import { sql, type Kysely } from 'kysely';

/**
 * The durable job queue (docs/adr/0002-job-runner.md), escalations (吹哨报到)
 * with each target's report status, the in-app inbox, and a snapshot of who
 * holds a ticket after each step of its history (for "return to the
 * dispatcher").
 */
const statements = [
  // Who holds the ticket after each step. Added columns only: existing rows keep
  // their history untouched (the append-only trigger fires on row changes, not DDL).
  `alter table linli_ticket_events add column assignee_org_id integer references linli_orgs(id)`,
  `alter table linli_ticket_events add column assignee_person_id integer references linli_people(id)`,

  `create table linli_jobs (
     id bigint generated always as identity primary key,
     kind text not null,
     key text,
     payload jsonb not null,
     run_at timestamptz not null,
     status text not null default 'pending' check (status in ('pending', 'done', 'dead')),
     attempts integer not null default 0,
     max_attempts integer not null check (max_attempts >= 1),
     locked_by text,
     locked_until timestamptz,
     last_error text,
     created_at timestamptz not null,
     finished_at timestamptz)`,
  // Idempotency: a keyed job is enqueued once, whoever enqueues it and however
  // often; the key stays taken after the job is done. NULL keys never clash.
  `create unique index linli_jobs_key_uniq on linli_jobs (key)`,
  // The claim query scans only what is pending, in due order.
  `create index linli_jobs_due_idx on linli_jobs (run_at, id) where status = 'pending'`,
  `create index linli_jobs_dead_idx on linli_jobs (id) where status = 'dead'`,

  `create table linli_ticket_escalations (
     id integer generated always as identity primary key,
     ticket_id integer not null references linli_tickets(id),
     event_seq integer not null,
     kind text not null check (kind in ('whistle', 'overdue')),
     org_id integer not null references linli_orgs(id),
     org_path text not null,
     lead boolean not null default false,
     reason text,
     raised_by integer references linli_people(id),
     report_deadline timestamptz,
     reported_at timestamptz,
     reported_by integer references linli_people(id),
     report_note text,
     created_at timestamptz not null)`,
  `create index linli_ticket_escalations_ticket_idx on linli_ticket_escalations (ticket_id, id)`,
  // Visibility: "tickets escalated to an org in my scope" is a range scan on the path.
  `create index linli_ticket_escalations_path_idx on linli_ticket_escalations (org_path text_pattern_ops, ticket_id)`,
  `create index linli_ticket_escalations_pending_idx on linli_ticket_escalations (report_deadline) where reported_at is null`,

  `create table linli_notifications (
     id integer generated always as identity primary key,
     person_id integer not null references linli_people(id),
     kind text not null,
     ticket_id integer references linli_tickets(id),
     title jsonb not null,
     data jsonb not null,
     created_at timestamptz not null,
     read_at timestamptz)`,
  `create index linli_notifications_person_idx on linli_notifications (person_id, id)`,
  `create index linli_notifications_unread_idx on linli_notifications (person_id, id) where read_at is null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
