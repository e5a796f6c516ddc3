import { notFound, parseId, type Actor, type Kysely, type PluginContext } from '@linli/sdk';
import { fail } from '../errors.js';
import type { StationInput } from '../forms/station.js';
import { canKeep } from '../permissions.js';
import { getOrg, getStation, insertStation, orgByKey, upsertConfigStation, type StationRow } from '../store/stations.js';
import { typed } from '../store/tables.js';
import { settingsOf } from './env.js';

const stationOrgTypes = ['compound', 'community'];

/**
 * Brings the stations the city config lists into the table, at every start
 * (idempotent: matched by org and name). Stations staff added stay; one the
 * config no longer lists stays too, with its history.
 */
export async function syncConfigStations(ctx: PluginContext, trx: Kysely<any>): Promise<void> {
  const db = typed(trx);
  for (const s of settingsOf(ctx).stations) {
    // `linli check` has checked the key and its type (x-linli-org).
    const org = await orgByKey(db, s.org);
    if (!org) continue;
    await upsertConfigStation(db, { org_id: org.id, org_path: org.path, name: s.name, place: s.place ?? null, source: 'config', created_at: ctx.now() });
  }
}

/** 新建服务站: by the community (or the compound's branch) at a compound or community in its scope. */
export async function createStation(ctx: PluginContext, trx: Kysely<any>, actor: Actor, input: StationInput): Promise<StationRow> {
  const db = typed(trx);
  const orgId = parseId(input.orgId);
  const org = orgId === null ? undefined : await getOrg(db, orgId);
  if (!org) throw notFound(`Organization ${input.orgId}`);
  if (!stationOrgTypes.includes(org.type)) throw fail('SS_ERR_NOT_STATION_ORG', [org.name, org.name, org.type], [{ path: '/orgId', message: 'not a compound or community', localized: { 'zh-CN': '请选择小区或社区', en: 'choose a compound or a community' } }]);
  if (!canKeep(actor, org.path)) throw fail('SS_ERR_NOT_KEEPER', [org.name]);
  const name = input.name.trim();
  const id = await insertStation(db, { org_id: org.id, org_path: org.path, name, place: input.place?.trim() || null, source: 'staff', created_at: ctx.now() });
  if (id === undefined) throw fail('SS_ERR_STATION_EXISTS', [org.name, name], [{ path: '/name', message: 'already exists', localized: { 'zh-CN': '该小区已有同名站点', en: 'already exists here' } }]);
  return (await getStation(db, id))!;
}

/** The station if the actor may see it; a 404 otherwise (as the core answers for a ticket out of scope). */
export async function visibleStation(db: Kysely<any>, id: string, sees: (path: string) => boolean): Promise<StationRow> {
  const n = parseId(id);
  const station = n === null ? undefined : await getStation(typed(db), n);
  if (!station || !sees(station.org_path)) throw notFound(`Station ${id}`);
  return station;
}
