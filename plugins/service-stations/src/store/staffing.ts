import { sql } from '@linli/sdk';
import type { Db, Position } from './tables.js';

export interface StaffRow {
  person_id: number;
  name: string;
  position: Position;
  duty: string | null;
  weekdays: number[];
}

/** A station's team, lead first, then deputies, then members, each with the weekdays they are on duty. */
export async function staffOf(db: Db, stationId: number): Promise<StaffRow[]> {
  const rows = await db
    .selectFrom('service_stations_staff as t')
    .innerJoin('linli_people as p', 'p.id', 't.person_id')
    .select(['t.person_id', 'p.display_name as name', 't.position', 't.duty'])
    .where('t.station_id', '=', stationId)
    .orderBy(sql`case t.position when 'lead' then 0 when 'deputy' then 1 else 2 end`)
    .orderBy('t.added_at')
    .execute();
  const duty = await db.selectFrom('service_stations_duty').select(['person_id', 'weekday']).where('station_id', '=', stationId).orderBy('weekday').execute();
  return rows.map((r) => ({ ...r, weekdays: duty.filter((d) => d.person_id === r.person_id).map((d) => d.weekday) }));
}

export async function countPosition(db: Db, stationId: number, position: Position): Promise<number> {
  const r = await db.selectFrom('service_stations_staff').select(sql<number>`cast(count(*) as integer)`.as('n')).where('station_id', '=', stationId).where('position', '=', position).executeTakeFirstOrThrow();
  return r.n;
}

export async function insertStaff(db: Db, row: { station_id: number; person_id: number; position: Position; duty: string | null; added_at: Date }): Promise<boolean> {
  const r = await db.insertInto('service_stations_staff').values(row).onConflict((oc) => oc.columns(['station_id', 'person_id']).doNothing()).returning('person_id').executeTakeFirst();
  return r !== undefined;
}

export async function onStaff(db: Db, stationId: number, personId: number): Promise<boolean> {
  return (await db.selectFrom('service_stations_staff').select('person_id').where('station_id', '=', stationId).where('person_id', '=', personId).executeTakeFirst()) !== undefined;
}

/** Takes a person off a station's team and its duty rota; whether they were on it. */
export async function deleteStaff(db: Db, stationId: number, personId: number): Promise<boolean> {
  await db.deleteFrom('service_stations_duty').where('station_id', '=', stationId).where('person_id', '=', personId).execute();
  const r = await db.deleteFrom('service_stations_staff').where('station_id', '=', stationId).where('person_id', '=', personId).returning('person_id').executeTakeFirst();
  return r !== undefined;
}

/** Sets the weekdays a person is on duty at a station (replacing theirs). */
export async function setDuty(db: Db, stationId: number, personId: number, weekdays: readonly number[]): Promise<void> {
  await db.deleteFrom('service_stations_duty').where('station_id', '=', stationId).where('person_id', '=', personId).execute();
  if (weekdays.length) await db.insertInto('service_stations_duty').values(weekdays.map((weekday) => ({ station_id: stationId, person_id: personId, weekday }))).execute();
}

/** Team sizes and today's duty of each station, for the station list. */
export async function staffingSummary(db: Db, stationIds: readonly number[], weekday: number): Promise<Map<number, { lead: number; deputy: number; member: number; onDuty: string[] }>> {
  const out = new Map<number, { lead: number; deputy: number; member: number; onDuty: string[] }>();
  if (!stationIds.length) return out;
  for (const id of stationIds) out.set(id, { lead: 0, deputy: 0, member: 0, onDuty: [] });
  const counts = await db.selectFrom('service_stations_staff').select(['station_id', 'position', sql<number>`cast(count(*) as integer)`.as('n')]).where('station_id', 'in', stationIds).groupBy(['station_id', 'position']).execute();
  for (const c of counts) out.get(c.station_id)![c.position] = c.n;
  const duty = await db
    .selectFrom('service_stations_duty as d')
    .innerJoin('linli_people as p', 'p.id', 'd.person_id')
    .select(['d.station_id', 'p.display_name'])
    .where('d.station_id', 'in', stationIds)
    .where('d.weekday', '=', weekday)
    .orderBy('p.display_name')
    .execute();
  for (const d of duty) out.get(d.station_id)!.onDuty.push(d.display_name);
  return out;
}

/**
 * People who may staff a station: everyone holding a role at an org inside
 * its community (the community, its compounds and buildings, the side
 * organizations attached there) or in one of its grids — picked by name.
 */
export async function candidates(db: Db, communityPath: string): Promise<{ id: number; name: string; roles: string[] }[]> {
  const rows = await db
    .selectFrom('linli_role_assignments as r')
    .innerJoin('linli_people as p', 'p.id', 'r.person_id')
    .innerJoin('linli_orgs as o', 'o.id', 'r.org_id')
    .select(['p.id', 'p.display_name as name', 'r.role'])
    .where('o.path', 'like', `${communityPath}%`)
    .where('p.disabled_at', 'is', null)
    .where('r.role', '<>', 'resident')
    .orderBy('p.display_name')
    .execute();
  const byPerson = new Map<number, { id: number; name: string; roles: string[] }>();
  for (const r of rows) {
    const p = byPerson.get(r.id) ?? { id: r.id, name: r.name, roles: [] };
    if (!p.roles.includes(r.role)) p.roles.push(r.role);
    byPerson.set(r.id, p);
  }
  return [...byPerson.values()];
}
