import type { Actor } from '@linli/core';
import { sql, type Kysely } from 'kysely';
import type { CoreTables } from '../schema.js';
import { minimalPaths, visibleTo } from './tickets.js';

/** The figures of one (workflow, state) pair over the tickets an actor may see. */
export interface DashboardRow {
  workflow: string;
  state: string;
  count: number;
  open: number;
  overdue: number;
  closed: number;
  /** Closed tickets that never had an overdue step (no `overdueAction` event in their history). */
  closedInTime: number;
  /** Sum over closed tickets of the hours from filing to closing (for averages across states). */
  hoursToCloseSum: number;
}

export interface DashboardFilter {
  now: Date;
  /** Only tickets filed under this org path. */
  orgPath?: string | undefined;
  /** The event action the deadline worker appends when a ticket goes overdue. */
  overdueAction: string;
}

/**
 * The action whose events make a closed ticket "late" in the totals that
 * migration 0004 keeps (its triggers name it too): the deadline worker's.
 */
export const ROLLUP_OVERDUE_ACTION = 'deadline.overdue';

/**
 * Counts by workflow and state over the tickets an actor may see; every count
 * is cast to int in SQL (PGlite and pg disagree on how they return int8).
 *
 * When the subtree asked for lies inside the actor's own scope, every ticket
 * in it is visible, and the figures come from an index-only count of the few
 * open tickets plus the running totals of closed ones (migration 0004), in
 * one statement so both halves see the same snapshot: milliseconds for a
 * city of a million tickets, and exactly the numbers the full scan gives.
 * Otherwise (no subtree, one outside the scope) the visibility policy goes
 * into the WHERE of one grouped scan.
 */
export async function dashboardRows(db: Kysely<CoreTables>, actor: Actor, f: DashboardFilter): Promise<DashboardRow[]> {
  const scope = minimalPaths(actor.grants.filter((g) => g.seesScope).flatMap((g) => g.scopePaths));
  const orgPath = f.orgPath;
  if (orgPath !== undefined && f.overdueAction === ROLLUP_OVERDUE_ACTION && scope.some((p) => orgPath.startsWith(p))) {
    return rolledUpRows(db, orgPath, f.now);
  }
  return scannedRows(db, actor, f);
}

async function rolledUpRows(db: Kysely<CoreTables>, orgPath: string, now: Date): Promise<DashboardRow[]> {
  const pattern = `${orgPath}%`;
  const { rows } = await sql<{ workflow: string; state: string; count: number; open: number; overdue: number; closed: number; closed_in_time: number; hours_sum: number }>`
    select workflow, state, sum(count)::int as count, sum(open)::int as open, sum(overdue)::int as overdue, sum(closed)::int as closed,
      sum(closed_in_time)::int as closed_in_time, sum(hours_sum)::float8 as hours_sum
    from (
      select workflow, state, count(*) as count, count(*) as open, count(*) filter (where deadline < ${now}) as overdue,
        0 as closed, 0 as closed_in_time, 0::numeric as hours_sum
      from linli_tickets
      where closed_at is null and org_path like ${pattern}
      group by workflow, state
      union all
      select r.workflow, r.state, sum(r.closed), 0, 0, sum(r.closed), sum(r.closed - r.late), sum(r.hours_sum)
      from linli_ticket_rollup r join linli_orgs o on o.id = r.org_id
      where o.path like ${pattern}
      group by r.workflow, r.state
    ) figures
    group by workflow, state
    having sum(count) > 0
    order by workflow, state`.execute(db);
  return rows.map(toRow);
}

const toRow = (r: { workflow: string; state: string; count: number; open: number; overdue: number; closed: number; closed_in_time: number; hours_sum: number }): DashboardRow => ({
  workflow: r.workflow,
  state: r.state,
  count: Number(r.count),
  open: Number(r.open),
  overdue: Number(r.overdue),
  closed: Number(r.closed),
  closedInTime: Number(r.closed_in_time),
  hoursToCloseSum: Number(r.hours_sum),
});

async function scannedRows(db: Kysely<CoreTables>, actor: Actor, f: DashboardFilter): Promise<DashboardRow[]> {
  const closed = sql<boolean>`closed_at is not null`;
  let q = db
    .selectFrom('linli_tickets')
    .select((eb) => [
      'workflow',
      'state',
      sql<number>`count(*)::int`.as('count'),
      sql<number>`(count(*) filter (where closed_at is null))::int`.as('open'),
      sql<number>`(count(*) filter (where closed_at is null and deadline < ${f.now}))::int`.as('overdue'),
      sql<number>`(count(*) filter (where ${closed}))::int`.as('closed'),
      sql<number>`(count(*) filter (where ${closed} and not ${eb.exists(
        eb
          .selectFrom('linli_ticket_events as e')
          .select(sql.lit(1).as('one'))
          .whereRef('e.ticket_id', '=', 'linli_tickets.id')
          .where('e.action', '=', f.overdueAction),
      )}))::int`.as('closed_in_time'),
      sql<number>`coalesce(sum(extract(epoch from closed_at - created_at) / 3600) filter (where ${closed}), 0)::float8`.as('hours_sum'),
    ])
    .where(visibleTo(actor))
    .groupBy(['workflow', 'state'])
    .orderBy('workflow')
    .orderBy('state');
  if (f.orgPath !== undefined) q = q.where('org_path', 'like', `${f.orgPath}%`);
  return (await q.execute()).map(toRow);
}
