import { parseId, type Actor, type Kysely, type PluginContext } from '@linli/sdk';
import { fail } from '../errors.js';
import { positionLimit, positionOf, positionTitle, weekdays, type DutyInput, type StaffMemberInput } from '../forms/staffing.js';
import { canKeep } from '../permissions.js';
import { candidates, countPosition, deleteStaff, insertStaff, onStaff, setDuty } from '../store/staffing.js';
import type { StationRow } from '../store/stations.js';
import { typed } from '../store/tables.js';
import { communityPathOf } from './env.js';

const personName = async (trx: Kysely<any>, id: number) =>
  (await typed(trx).selectFrom('linli_people').select('display_name').where('id', '=', id).executeTakeFirst())?.display_name ?? `#${id}`;

/**
 * Adds a person of the station's community to its "1 + 3 + N" team. The
 * position's limit is checked after the station's team is locked (the
 * station row, FOR UPDATE), so two people adding the last deputy at once
 * cannot both succeed on PostgreSQL.
 */
export async function addStaff(ctx: PluginContext, trx: Kysely<any>, actor: Actor, station: StationRow, input: StaffMemberInput): Promise<void> {
  const db = typed(trx);
  if (!canKeep(actor, station.org_path)) throw fail('SS_ERR_NOT_KEEPER', [station.org_name]);
  const personId = parseId(input.personId);
  const community = communityPathOf(station.org_path, station.org_type);
  const pool = await candidates(db, community);
  const person = pool.find((p) => p.id === personId);
  if (personId === null || !person) {
    const communityName = (await db.selectFrom('linli_orgs').select('name').where('path', '=', community).executeTakeFirst())?.name ?? community;
    throw fail('SS_ERR_NOT_IN_COMMUNITY', [personId === null ? input.personId : await personName(trx, personId), communityName], [{ path: '/personId', message: 'not of this community', localized: { 'zh-CN': '请从本社区人员中选择', en: 'choose someone of this community' } }]);
  }
  await db.selectFrom('service_stations_stations').select('id').where('id', '=', station.id).forUpdate().execute();
  const position = positionOf[input.position];
  const limit = positionLimit[position];
  if (Number.isFinite(limit)) {
    const n = await countPosition(db, station.id, position);
    if (n >= limit) throw fail('SS_ERR_POSITION_FULL', [station.name, n, positionTitle[position]], [{ path: '/position', message: 'full', localized: { 'zh-CN': `已满${limit}名`, en: `already ${limit}` } }]);
  }
  if (!(await insertStaff(db, { station_id: station.id, person_id: person.id, position, duty: input.duty?.trim() || null, added_at: ctx.now() }))) {
    throw fail('SS_ERR_ALREADY_ON_STAFF', [person.name, station.name], [{ path: '/personId', message: 'already on the team', localized: { 'zh-CN': '已在队伍中', en: 'already on the team' } }]);
  }
}

/** 排班: the weekdays a team member sits at the station (replacing theirs). */
export async function scheduleDuty(trx: Kysely<any>, actor: Actor, station: StationRow, input: DutyInput): Promise<void> {
  const db = typed(trx);
  if (!canKeep(actor, station.org_path)) throw fail('SS_ERR_NOT_KEEPER', [station.org_name]);
  const personId = parseId(input.personId);
  if (personId === null || !(await onStaff(db, station.id, personId))) {
    throw fail('SS_ERR_NOT_ON_STAFF', [personId === null ? input.personId : await personName(trx, personId), station.name], [{ path: '/personId', message: 'not on the team', localized: { 'zh-CN': '不在队伍中', en: 'not on the team' } }]);
  }
  await setDuty(db, station.id, personId, input.weekdays.map((w) => weekdays.indexOf(w) + 1));
}

/** 移出队伍: a team member leaves the station (moved, left the community); their duty days go with them. */
export async function removeStaff(trx: Kysely<any>, actor: Actor, station: StationRow, personIdText: string): Promise<void> {
  const db = typed(trx);
  if (!canKeep(actor, station.org_path)) throw fail('SS_ERR_NOT_KEEPER', [station.org_name]);
  const personId = parseId(personIdText);
  if (personId === null || !(await deleteStaff(db, station.id, personId))) {
    throw fail('SS_ERR_NOT_ON_STAFF', [personId === null ? personIdText : await personName(trx, personId), station.name], [{ path: '/personId', message: 'not on the team', localized: { 'zh-CN': '不在队伍中', en: 'not on the team' } }]);
  }
}
