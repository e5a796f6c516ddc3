import { sql } from '@linli/sdk';
import { under } from './stations.js';
import type { Db, ResultsTable } from './tables.js';

/** Opens the period's inspection of every station given (all of them when `stationIds` is undefined); one per station and period, ever. Returns how many were new. */
export async function openInspections(db: Db, period: string, now: Date, stationIds?: readonly number[]): Promise<number> {
  if (stationIds && !stationIds.length) return 0;
  let stations = db.selectFrom('service_stations_stations').select(['id as station_id', sql.lit(period).as('period'), sql.lit('due').as('status'), sql<Date>`${now}`.as('opened_at')]);
  if (stationIds) stations = stations.where('id', 'in', stationIds);
  const rows = await db
    .insertInto('service_stations_inspections')
    .columns(['station_id', 'period', 'status', 'opened_at'])
    .expression(stations)
    .onConflict((oc) => oc.columns(['station_id', 'period']).doNothing())
    .returning('id')
    .execute();
  return rows.length;
}

export interface InspectionRow {
  id: number;
  station_id: number;
  station_name: string;
  station_path: string;
  org_name: string;
  period: string;
  status: 'due' | 'done';
  opened_at: Date;
  inspected_at: Date | null;
  inspector_name: string | null;
  note: string | null;
  failed: number;
  open_items: number;
}

function inspections(db: Db) {
  return db
    .selectFrom('service_stations_inspections as i')
    .innerJoin('service_stations_stations as s', 's.id', 'i.station_id')
    .innerJoin('linli_orgs as o', 'o.id', 's.org_id')
    .leftJoin('linli_people as p', 'p.id', 'i.inspector_id')
    .select(['i.id', 'i.station_id', 's.name as station_name', 's.org_path as station_path', 'o.name as org_name', 'i.period', 'i.status', 'i.opened_at', 'i.inspected_at', 'p.display_name as inspector_name', 'i.note'])
    .select([
      sql<number>`cast((select count(*) from service_stations_results r where r.inspection_id = i.id and not r.passed) as integer)`.as('failed'),
      sql<number>`cast((select count(*) from service_stations_results r where r.inspection_id = i.id and not r.passed and coalesce(r.ticket_state, '') <> 'closed') as integer)`.as('open_items'),
    ]);
}

export async function getInspection(db: Db, id: number): Promise<InspectionRow | undefined> {
  return inspections(db).where('i.id', '=', id).executeTakeFirst();
}

/** Inspections of stations under one of `scopes` (and `within`), due ones first, then the newest. */
export async function listInspections(db: Db, scopes: readonly string[], f: { within?: string | undefined; status?: 'due' | 'done' | undefined; stationId?: number | undefined; limit: number }): Promise<InspectionRow[]> {
  let q = inspections(db).where(under('s.org_path', scopes));
  if (f.within) q = q.where('s.org_path', 'like', `${f.within}%`);
  if (f.status) q = q.where('i.status', '=', f.status);
  if (f.stationId !== undefined) q = q.where('i.station_id', '=', f.stationId);
  return q.orderBy(sql`case when i.status = 'due' then 0 else 1 end`).orderBy('i.period', 'desc').orderBy('s.org_path').limit(f.limit).execute();
}

/** Marks a due inspection done; false when someone else recorded it first (the row lock of the update decides). */
export async function completeInspection(db: Db, id: number, inspectorId: number, now: Date, note: string | null): Promise<boolean> {
  const r = await db.updateTable('service_stations_inspections').set({ status: 'done', inspected_at: now, inspector_id: inspectorId, note }).where('id', '=', id).where('status', '=', 'due').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertResults(db: Db, rows: ResultsTable[]): Promise<void> {
  if (rows.length) await db.insertInto('service_stations_results').values(rows).execute();
}

export async function linkTicket(db: Db, inspectionId: number, itemKey: string, ticketId: number, state: string): Promise<void> {
  await db.updateTable('service_stations_results').set({ ticket_id: ticketId, ticket_state: state }).where('inspection_id', '=', inspectionId).where('item_key', '=', itemKey).execute();
}

export async function setTicketState(db: Db, ticketId: number, state: string): Promise<void> {
  await db.updateTable('service_stations_results').set({ ticket_state: state }).where('ticket_id', '=', ticketId).execute();
}

/** The failed item a rectification ticket is being filed for, if it exists and has no ticket yet. */
export async function unticketedFailure(db: Db, inspectionId: number, itemKey: string) {
  return db
    .selectFrom('service_stations_results')
    .select(['inspection_id'])
    .where('inspection_id', '=', inspectionId)
    .where('item_key', '=', itemKey)
    .where('passed', '=', false)
    .where('ticket_id', 'is', null)
    .executeTakeFirst();
}

export async function resultsOf(db: Db, inspectionId: number) {
  return db.selectFrom('service_stations_results').selectAll().where('inspection_id', '=', inspectionId).execute();
}

export interface StationStatusRow {
  station_id: number;
  period: string | null;
  inspected_at: Date | null;
  failed: number;
  open_items: number;
  due: number;
}

/**
 * Each station's standing: its latest recorded inspection (failed items,
 * failed items whose ticket is not closed yet) and whether an inspection is
 * waiting. A station never inspected has a null period.
 */
export async function stationStatuses(db: Db, stationIds: readonly number[]): Promise<Map<number, StationStatusRow>> {
  const out = new Map<number, StationStatusRow>();
  if (!stationIds.length) return out;
  const latest = await db
    .selectFrom('service_stations_inspections as i')
    .select(['i.id', 'i.station_id', 'i.period', 'i.inspected_at'])
    .where('i.station_id', 'in', stationIds)
    .where('i.status', '=', 'done')
    .orderBy('i.station_id')
    .orderBy('i.inspected_at', 'desc')
    .execute();
  const latestByStation = new Map<number, (typeof latest)[number]>();
  for (const r of latest) if (!latestByStation.has(r.station_id)) latestByStation.set(r.station_id, r);
  const ids = [...latestByStation.values()].map((r) => r.id);
  const failures = ids.length
    ? await db.selectFrom('service_stations_results').select(['inspection_id', 'ticket_state']).where('inspection_id', 'in', ids).where('passed', '=', false).execute()
    : [];
  const due = await db.selectFrom('service_stations_inspections').select(['station_id', sql<number>`cast(count(*) as integer)`.as('n')]).where('station_id', 'in', stationIds).where('status', '=', 'due').groupBy('station_id').execute();
  const dueBy = new Map(due.map((d) => [d.station_id, d.n]));
  for (const id of stationIds) {
    const l = latestByStation.get(id);
    const f = l ? failures.filter((x) => x.inspection_id === l.id) : [];
    out.set(id, { station_id: id, period: l?.period ?? null, inspected_at: l?.inspected_at ?? null, failed: f.length, open_items: f.filter((x) => x.ticket_state !== 'closed').length, due: dueBy.get(id) ?? 0 });
  }
  return out;
}
