import { sql } from '@linli/sdk';
import type { Db, VisitsTable } from './tables.js';

/** Which visits a query may return: those at buildings under `scopes`, and the person's own. */
export interface Scope {
  scopes: string[];
  personId: number;
  /** Only buildings at or under this org path (the page's or dashboard's chosen org). */
  within?: string | undefined;
}

export interface VisitRow {
  id: number;
  building_org_id: number;
  building_name: string;
  household: string;
  round: string;
  visited_at: Date;
  visitor_id: number;
  visitor_name: string;
  at_home: boolean;
  note: string | null;
  ticket_id: number | null;
  problem_title: string | null;
  problem_state: string | null;
  needs: string[];
}

/**
 * The visibility rule as SQL, on the visits aliased `v`: the person's own
 * visits, and those at buildings under one of their scopes (an indexed
 * prefix range on the materialized path, as the core does for tickets).
 */
function visibleTo(s: Scope) {
  const paths = s.scopes.map((p) => sql<boolean>`v.building_path like ${`${p}%`}`);
  return sql<boolean>`(${sql.join([sql<boolean>`v.visitor_id = ${s.personId}`, ...paths], sql` or `)})`;
}

export async function insertVisit(db: Db, row: Omit<VisitsTable, 'id'>, needs: readonly string[]): Promise<number> {
  const { id } = await db.insertInto('door_knocking_visits').values(row).returning('id').executeTakeFirstOrThrow();
  if (needs.length) await db.insertInto('door_knocking_visit_needs').values(needs.map((need) => ({ visit_id: id, need }))).execute();
  return id;
}

export async function listVisits(db: Db, s: Scope, f: { round?: string | undefined; id?: number; limit: number }): Promise<VisitRow[]> {
  let q = db
    .selectFrom('door_knocking_visits as v')
    .innerJoin('linli_orgs as b', 'b.id', 'v.building_org_id')
    .innerJoin('linli_people as p', 'p.id', 'v.visitor_id')
    .select(['v.id', 'v.building_org_id', 'b.name as building_name', 'v.household', 'v.round', 'v.visited_at', 'v.visitor_id', 'p.display_name as visitor_name'])
    .select(['v.at_home', 'v.note', 'v.ticket_id', 'v.problem_title', 'v.problem_state'])
    .where(visibleTo(s));
  if (s.within) q = q.where('v.building_path', 'like', `${s.within}%`);
  if (f.round) q = q.where('v.round', '=', f.round);
  if (f.id !== undefined) q = q.where('v.id', '=', f.id);
  const rows = await q.orderBy('v.visited_at', 'desc').orderBy('v.id', 'desc').limit(f.limit).execute();
  const needs = rows.length
    ? await db.selectFrom('door_knocking_visit_needs').select(['visit_id', 'need']).where('visit_id', 'in', rows.map((r) => r.id)).orderBy('need').execute()
    : [];
  return rows.map((r) => ({ ...r, needs: needs.filter((n) => n.visit_id === r.id).map((n) => n.need) }));
}

export interface ProgressRow {
  building_org_id: number;
  building_name: string;
  visits: number;
  households: number;
  at_home: number;
  needs: number;
  problems: number;
  open_problems: number;
  last_visit_at: Date | null;
}

/** Every building in scope with what its round looks like; buildings nobody visited yet show zeros. */
export async function roundProgress(db: Db, scopes: string[], within: string | undefined, round: string): Promise<ProgressRow[]> {
  if (!scopes.length) return [];
  let q = db
    .selectFrom('linli_orgs as b')
    .leftJoin('door_knocking_visits as v', (join) => join.onRef('v.building_org_id', '=', 'b.id').on('v.round', '=', round))
    .select(['b.id as building_org_id', 'b.name as building_name'])
    .select([
      sql<number>`cast(count(v.id) as integer)`.as('visits'),
      sql<number>`cast(count(distinct v.household) as integer)`.as('households'),
      sql<number>`cast(count(v.id) filter (where v.at_home) as integer)`.as('at_home'),
      sql<number>`cast((select count(*) from door_knocking_visit_needs n join door_knocking_visits w on w.id = n.visit_id where w.building_org_id = b.id and w.round = ${round}) as integer)`.as('needs'),
      sql<number>`cast(count(v.ticket_id) as integer)`.as('problems'),
      sql<number>`cast(count(v.ticket_id) filter (where v.problem_state in ('reported', 'handled')) as integer)`.as('open_problems'),
      sql<Date | null>`max(v.visited_at)`.as('last_visit_at'),
    ])
    .where('b.type', '=', 'building')
    .where((eb) => eb.or(scopes.map((p) => eb('b.path', 'like', `${p}%`))));
  if (within) q = q.where('b.path', 'like', `${within}%`);
  return q.groupBy(['b.id', 'b.name', 'b.path']).orderBy('b.path').execute();
}

/** The building leaders of each building, by building id. */
export async function buildingLeaders(db: Db, buildingIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (!buildingIds.length) return out;
  const rows = await db
    .selectFrom('linli_role_assignments as r')
    .innerJoin('linli_people as p', 'p.id', 'r.person_id')
    .select(['r.org_id', 'p.display_name'])
    .where('r.role', '=', 'building_leader')
    .where('r.org_id', 'in', buildingIds)
    .orderBy('p.display_name')
    .execute();
  for (const r of rows) out.set(r.org_id, [...(out.get(r.org_id) ?? []), r.display_name]);
  return out;
}

/** Needs recorded in a round, most frequent first. */
export async function needCounts(db: Db, s: Scope, round: string): Promise<{ need: string; count: number }[]> {
  let q = db
    .selectFrom('door_knocking_visit_needs as n')
    .innerJoin('door_knocking_visits as v', 'v.id', 'n.visit_id')
    .select(['n.need', sql<number>`cast(count(*) as integer)`.as('count')])
    .where('v.round', '=', round)
    .where(visibleTo(s));
  if (s.within) q = q.where('v.building_path', 'like', `${s.within}%`);
  return q.groupBy('n.need').orderBy('count', 'desc').orderBy('n.need').execute();
}

export async function visitCount(db: Db, s: Scope, round: string): Promise<number> {
  let q = db
    .selectFrom('door_knocking_visits as v')
    .select(sql<number>`cast(count(*) as integer)`.as('n'))
    .where('v.round', '=', round)
    .where(visibleTo(s));
  if (s.within) q = q.where('v.building_path', 'like', `${s.within}%`);
  return (await q.executeTakeFirstOrThrow()).n;
}

/**
 * Whether someone knocked on the household's door on or after `since`, on a
 * visit other than the one that found the problem `ticketId`.
 */
export async function returnVisited(db: Db, buildingOrgId: number, household: string, since: Date, ticketId: number): Promise<boolean> {
  const row = await db
    .selectFrom('door_knocking_visits')
    .select('id')
    .where('building_org_id', '=', buildingOrgId)
    .where('household', '=', household)
    .where('visited_at', '>=', since)
    .where((eb) => eb.or([eb('ticket_id', 'is', null), eb('ticket_id', '!=', ticketId)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function setProblemState(db: Db, ticketId: number, state: string): Promise<void> {
  await db.updateTable('door_knocking_visits').set({ problem_state: state }).where('ticket_id', '=', ticketId).execute();
}
