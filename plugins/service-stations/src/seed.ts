import type { Kysely, SeedContext } from '@linli/sdk';
import type { InspectionInput } from './forms/inspection.js';
import { previousPeriod } from './periods.js';
import { currentPeriod, settingsOf } from './service/env.js';
import { openPeriod, recordInspection } from './service/inspections.js';
import { addStaff, scheduleDuty } from './service/staffing.js';
import { getStation, type StationRow } from './store/stations.js';
import { typed } from './store/tables.js';
import { openInspections } from './store/inspections.js';
import { keeperRoles } from './settings.js';

const HOUR = 3_600_000;

/** Someone of the city holding one of `roles` over the station (the org itself or above it), preferring the nearest. */
async function holderOver(db: Kysely<any>, station: StationRow, roles: readonly string[]): Promise<string | undefined> {
  const rows = await typed(db)
    .selectFrom('linli_role_assignments as r')
    .innerJoin('linli_orgs as o', 'o.id', 'r.org_id')
    .innerJoin('linli_people as p', 'p.id', 'r.person_id')
    .select(['p.username', 'o.path', 'r.role'])
    .where('r.role', 'in', [...roles])
    .where('r.grid_id', 'is', null)
    .execute();
  const over = rows.filter((r) => station.org_path.startsWith(r.path)).sort((a, b) => b.path.length - a.path.length || roles.indexOf(a.role) - roles.indexOf(b.role));
  return over[0]?.username;
}

/** People of the station's community for its demo team, by role: the first holder of each. */
async function teamOf(db: Kysely<any>, station: StationRow): Promise<{ id: string; role: string }[]> {
  const community = station.org_type === 'community' ? station.org_path : station.org_path.replace(/[0-9]+\/$/, '');
  const rows = await typed(db)
    .selectFrom('linli_role_assignments as r')
    .innerJoin('linli_orgs as o', 'o.id', 'r.org_id')
    .select(['r.person_id', 'r.role', 'o.path'])
    .where('o.path', 'like', `${community}%`)
    .orderBy('r.id')
    .execute();
  // Nearest to the station first (a compound's own property staff before a neighbour's).
  const near = (path: string) => (path.startsWith(station.org_path) ? 0 : 1);
  return [...rows].sort((a, b) => near(a.path) - near(b.path)).map((r) => ({ id: String(r.person_id), role: r.role }));
}

/** Pass on every item, or fail one with a reason. */
const inspection = (keys: readonly string[], failing?: { key: string; reason: string }): InspectionInput => ({
  items: Object.fromEntries(keys.map((k) => [k, failing?.key === k ? { result: '不合格' as const, photos: [], reason: failing.reason } : { result: '合格' as const, photos: [] }])),
});

/**
 * Demo history, through the same code as the routes: the first station of
 * the city gets a full 1 + 3 + N team and a duty rota; last period every
 * station with an inspector over it was inspected — the first passed, the
 * second failed its ledger (fixed and closed), the third its rules (still
 * being fixed); this period's inspections are open. Works in any city: the
 * stations are the config's, the people whoever holds the roles.
 */
export async function seed(ctx: SeedContext): Promise<void> {
  const s = settingsOf(ctx);
  const db = typed(ctx.db);
  const ids = (await db.selectFrom('service_stations_stations').select('id').orderBy('id').execute()).map((r) => r.id);
  const stations = (await Promise.all(ids.map((id) => getStation(db, id)))).filter((x): x is StationRow => !!x);
  if (!stations.length) return;
  const keys = s.checklist.map((c) => c.key);
  const current = currentPeriod(ctx);
  const last = previousPeriod(current, s.period, s.offsetHours);

  // The team of the first station: 1 lead (community staff), 3 deputies (grid worker, property, owners' committee), N (building leaders, volunteers).
  const first = stations[0]!;
  const keeperName = await holderOver(ctx.db, first, [...keeperRoles]);
  if (keeperName) {
    const keeper = await ctx.actor(keeperName);
    const people = await teamOf(ctx.db, first);
    const chosen = new Set<string>();
    const add = async (roles: string[], position: '站长' | '副站长' | '楼栋长/志愿者', duty: string) => {
      // The first role listed is preferred (the full-time grid worker before the grid leader).
      const p = roles.map((r) => people.find((x) => x.role === r && !chosen.has(x.id))).find((x) => x !== undefined);
      if (!p) return undefined;
      chosen.add(p.id);
      await ctx.at(new Date(last.start.getTime() + 30 * HOUR), () => addStaff(ctx, ctx.db, keeper, first, { personId: p.id, position, duty }));
      return p.id;
    };
    const lead = await add(['community_staff', 'community_secretary'], '站长', '社区干部');
    const grid = await add(['grid_worker', 'grid_leader'], '副站长', '专职网格员');
    const property = await add(['property_staff'], '副站长', '物业公司负责人');
    const owners = await add(['owners_committee_member'], '副站长', '业委会主任');
    await add(['building_leader'], '楼栋长/志愿者', '楼栋长');
    await add(['volunteer'], '楼栋长/志愿者', '志愿者');
    const rota: [string | undefined, ('周一' | '周二' | '周三' | '周四' | '周五' | '周六' | '周日')[]][] = [
      [lead, ['周一', '周三']],
      [grid, ['周二', '周四']],
      [property, ['周五']],
      [owners, ['周六', '周日']],
    ];
    for (const [personId, weekdays] of rota) if (personId) await scheduleDuty(ctx.db, keeper, first, { personId, weekdays });
  }

  // Last period: inspected a week into it, at 10:00 local.
  const inspectedAt = new Date(last.start.getTime() + (7 * 24 + 10) * HOUR);
  const plans = [undefined, { key: keys.at(-1)!, reason: '民情台账近两个月没有记录。' }, { key: keys[Math.min(2, keys.length - 1)]!, reason: '工作制度未上墙，议事规则缺失。' }];
  for (const [i, station] of stations.slice(0, 3).entries()) {
    const inspectorName = await holderOver(ctx.db, station, s.inspectorRoles);
    if (!inspectorName) continue;
    const inspector = await ctx.actor(inspectorName);
    const row = await ctx.at(inspectedAt, async () => {
      await openInspections(db, last.id, ctx.now(), [station.id]);
      const opened = await db.selectFrom('service_stations_inspections').select('id').where('station_id', '=', station.id).where('period', '=', last.id).executeTakeFirstOrThrow();
      return recordInspection(ctx, ctx.db, inspector, String(opened.id), inspection(keys, plans[i]));
    });
    if (i !== 1) continue;
    // The failed ledger: the community fixes it three days later, the inspector checks and closes it the day after.
    const keeperOf = await holderOver(ctx.db, station, [...keeperRoles]);
    const ticket = await db.selectFrom('service_stations_results').select('ticket_id').where('inspection_id', '=', row.id).where('passed', '=', false).executeTakeFirstOrThrow();
    if (!keeperOf || ticket.ticket_id === null) continue;
    const keeper = await ctx.actor(keeperOf);
    const fixed = await ctx.at(new Date(inspectedAt.getTime() + 72 * HOUR), () =>
      ctx.tickets.transition(ctx.db, keeper, String(ticket.ticket_id), { action: 'rectify', version: 1, data: { result: '已补记近两个月民情台账，指定副站长每周更新。' } }),
    );
    await ctx.at(new Date(inspectedAt.getTime() + 96 * HOUR), () =>
      ctx.tickets.transition(ctx.db, inspector, fixed.id, { action: 'verify', version: fixed.version, data: { note: '台账已补齐，复核通过。' } }),
    );
  }

  // This period: every station's inspection is open (the job would do the same; it then finds them open already).
  await ctx.at(current.start.getTime() > ctx.now().getTime() ? ctx.now() : new Date(Math.max(current.start.getTime(), ctx.now().getTime() - HOUR)), () => openPeriod(ctx, ctx.db, current.id));
}
