import { sql } from '@linli/sdk';
import type { Db, StationsTable } from './tables.js';

export interface OrgRow {
  id: number;
  name: string;
  type: string;
  path: string;
  parent_id: number | null;
}

export async function getOrg(db: Db, id: number): Promise<OrgRow | undefined> {
  return db.selectFrom('linli_orgs').select(['id', 'name', 'type', 'path', 'parent_id']).where('id', '=', id).executeTakeFirst();
}

export async function orgByKey(db: Db, key: string): Promise<OrgRow | undefined> {
  return db.selectFrom('linli_orgs').select(['id', 'name', 'type', 'path', 'parent_id']).where('key', '=', key).executeTakeFirst();
}

/** A path prefix filter on a column: the rows under one of `paths` (an indexed range, as the core does for tickets). */
export function under(column: string, paths: readonly string[]) {
  if (!paths.length) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(paths.map((p) => sql<boolean>`${sql.ref(column)} like ${`${p}%`}`), sql` or `)})`;
}

export interface StationRow {
  id: number;
  org_id: number;
  org_path: string;
  org_name: string;
  org_type: string;
  name: string;
  place: string | null;
  source: string;
}

const stationColumns = ['s.id', 's.org_id', 's.org_path', 'o.name as org_name', 'o.type as org_type', 's.name', 's.place', 's.source'] as const;

export async function getStation(db: Db, id: number): Promise<StationRow | undefined> {
  return db.selectFrom('service_stations_stations as s').innerJoin('linli_orgs as o', 'o.id', 's.org_id').select(stationColumns).where('s.id', '=', id).executeTakeFirst();
}

/** Stations under one of `scopes` (and under `within`, when a page names an org), in tree order. */
export async function listStations(db: Db, scopes: readonly string[], within?: string): Promise<StationRow[]> {
  let q = db.selectFrom('service_stations_stations as s').innerJoin('linli_orgs as o', 'o.id', 's.org_id').select(stationColumns).where(under('s.org_path', scopes));
  if (within) q = q.where('s.org_path', 'like', `${within}%`);
  return q.orderBy('s.org_path').orderBy('s.id').execute();
}

/** Adds a station; undefined when the org already has one of that name. */
export async function insertStation(db: Db, row: Omit<StationsTable, 'id'>): Promise<number | undefined> {
  const r = await db.insertInto('service_stations_stations').values(row).onConflict((oc) => oc.columns(['org_id', 'name']).doNothing()).returning('id').executeTakeFirst();
  return r?.id;
}

/** Brings a configured station up to the config (its place), adding it when new. Idempotent: matched by org and name. */
export async function upsertConfigStation(db: Db, row: Omit<StationsTable, 'id'>): Promise<void> {
  await db
    .insertInto('service_stations_stations')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'name']).doUpdateSet({ place: row.place }))
    .execute();
}
