import { sql, type Kysely } from 'kysely';

/**
 * What `npm run bench` showed the hot reads need at 1,000,000 tickets
 * (bench/README.md has the numbers before and after):
 *
 * - a queue page (one state, newest first) walks the primary key backwards
 *   and filters, so an old page of a rare state read ~45,000 rows; an index
 *   on (state, id) reads the page and a few rows more, at any depth;
 * - the dashboard grouped every ticket of the subtree on each request
 *   (2.5 s for the city). Open tickets are few: a partial index answers their
 *   counts alone. Closed tickets no longer change, so their figures are kept
 *   as exact running totals per (org, workflow, state), maintained by
 *   triggers in the same transaction as the change that closes (or, rarely,
 *   alters) a ticket — never an estimate, never a refresh job.
 *
 * "Late" means: the ticket's history has a `deadline.overdue` event (what the
 * deadline worker appends; ROLLUP_OVERDUE_ACTION in queries/dashboard.ts).
 */
const statements = [
  `create index linli_tickets_state_id_idx on linli_tickets (state, id)`,
  `create index linli_tickets_open_dashboard_idx on linli_tickets (org_path text_pattern_ops, workflow, state, deadline) where closed_at is null`,
  `create table linli_ticket_rollup (
     org_id integer not null references linli_orgs(id),
     workflow text not null,
     state text not null,
     closed integer not null,
     late integer not null,
     -- numeric, like extract(epoch …) / 3600 itself: sums of sums equal the sum, to the last digit.
     hours_sum numeric not null,
     primary key (org_id, workflow, state))`,
  // One closed ticket's share of the totals, added (sign 1) or taken away (sign -1).
  `create function linli_ticket_rollup_add(t linli_tickets, sign integer) returns void language plpgsql as $$
   begin
     insert into linli_ticket_rollup as r (org_id, workflow, state, closed, late, hours_sum)
     values (t.org_id, t.workflow, t.state, sign,
             sign * (exists (select 1 from linli_ticket_events e where e.ticket_id = t.id and e.action = 'deadline.overdue'))::integer,
             sign * (extract(epoch from t.closed_at - t.created_at) / 3600))
     on conflict (org_id, workflow, state) do update
       set closed = r.closed + excluded.closed, late = r.late + excluded.late, hours_sum = r.hours_sum + excluded.hours_sum;
   end $$`,
  `create function linli_ticket_rollup_sync() returns trigger language plpgsql as $$
   begin
     if tg_op in ('UPDATE', 'DELETE') and old.closed_at is not null then perform linli_ticket_rollup_add(old, -1); end if;
     if tg_op in ('INSERT', 'UPDATE') and new.closed_at is not null then perform linli_ticket_rollup_add(new, 1); end if;
     return null;
   end $$`,
  // Open tickets (most writes) never fire these.
  `create trigger linli_ticket_rollup_insert after insert on linli_tickets
     for each row when (new.closed_at is not null) execute function linli_ticket_rollup_sync()`,
  `create trigger linli_ticket_rollup_update after update on linli_tickets
     for each row when (old.closed_at is not null or new.closed_at is not null) execute function linli_ticket_rollup_sync()`,
  `create trigger linli_ticket_rollup_delete after delete on linli_tickets
     for each row when (old.closed_at is not null) execute function linli_ticket_rollup_sync()`,
  // The first overdue event of a ticket that is already closed makes it late.
  // Locking the ticket orders this against a concurrent close: whichever
  // commits second sees the other's row and counts the ticket exactly once.
  `create function linli_ticket_rollup_late() returns trigger language plpgsql as $$
   declare t linli_tickets;
   begin
     select * into t from linli_tickets where id = new.ticket_id for update;
     if t.closed_at is not null and not exists (
       select 1 from linli_ticket_events e where e.ticket_id = new.ticket_id and e.action = 'deadline.overdue' and e.id <> new.id) then
       update linli_ticket_rollup set late = late + 1 where org_id = t.org_id and workflow = t.workflow and state = t.state;
     end if;
     return null;
   end $$`,
  `create trigger linli_ticket_rollup_overdue after insert on linli_ticket_events
     for each row when (new.action = 'deadline.overdue') execute function linli_ticket_rollup_late()`,
  // Recomputes every total from the tickets: the backfill below, and after a
  // bulk load that ran with triggers off (session_replication_role = replica).
  `create function linli_ticket_rollup_rebuild() returns void language sql as $$
     delete from linli_ticket_rollup;
     insert into linli_ticket_rollup (org_id, workflow, state, closed, late, hours_sum)
     select t.org_id, t.workflow, t.state, count(*), count(l.ticket_id), sum(extract(epoch from t.closed_at - t.created_at) / 3600)
     from linli_tickets t
     left join (select distinct ticket_id from linli_ticket_events where action = 'deadline.overdue') l on l.ticket_id = t.id
     where t.closed_at is not null
     group by t.org_id, t.workflow, t.state;
   $$`,
  `select linli_ticket_rollup_rebuild()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
