import { localize, type Deployment, type Kysely } from '@linli/sdk';
import { periodTitle } from '../periods.js';
import { stationStatuses } from '../store/inspections.js';
import { staffingSummary } from '../store/staffing.js';
import { listStations, under, type StationRow } from '../store/stations.js';
import { typed } from '../store/tables.js';

export type Standing = 'compliant' | 'rectifying' | 'uninspected';
export const standingTitle: Record<Standing, string> = { compliant: '达标', rectifying: '整改中', uninspected: '未检查' };

export interface StationView extends StationRow {
  standing: Standing;
  period: string | null;
  failed: number;
  openItems: number;
  due: number;
  lead: number;
  deputy: number;
  member: number;
  onDuty: string[];
}

/**
 * A station is compliant when its latest inspection passed, or every item
 * that failed has had its rectification ticket closed; rectifying while one
 * is open; uninspected until its first inspection is recorded.
 */
export function standingOf(s: { period: string | null; open_items: number }): Standing {
  if (s.period === null) return 'uninspected';
  return s.open_items > 0 ? 'rectifying' : 'compliant';
}

/** Tree order: `/1/2/10/` after `/1/2/9/` (ids compared as numbers, not text). */
export function byTreeOrder(a: string, b: string): number {
  const x = a.split('/').filter(Boolean).map(Number);
  const y = b.split('/').filter(Boolean).map(Number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** The stations under `scopes` (and `within`) with their standing, team sizes and who is on duty today. */
export async function stationViews(db: Kysely<any>, scopes: readonly string[], within: string | undefined, weekday: number): Promise<StationView[]> {
  const stations = (await listStations(typed(db), scopes, within)).sort((a, b) => byTreeOrder(a.org_path, b.org_path) || a.id - b.id);
  const ids = stations.map((s) => s.id);
  const [statuses, staffing] = await Promise.all([stationStatuses(typed(db), ids), staffingSummary(typed(db), ids, weekday)]);
  return stations.map((s) => {
    const st = statuses.get(s.id)!;
    const team = staffing.get(s.id)!;
    return { ...s, standing: standingOf(st), period: st.period, failed: st.failed, openItems: st.open_items, due: st.due, ...team };
  });
}

export interface RollupRow {
  orgId: string;
  orgName: string;
  orgType: string;
  orgTypeTitle: string;
  depth: number;
  stations: number;
  compliant: number;
  rectifying: number;
  uninspected: number;
  openItems: number;
  staffed: number;
  /** Compliant stations out of all, in percent (one decimal); null with no station. */
  rate: number | null;
}

/** "1 + 3 + N" complete: a lead, three deputies and at least one member. */
export const fullyStaffed = (v: Pick<StationView, 'lead' | 'deputy' | 'member'>) => v.lead >= 1 && v.deputy >= 3 && v.member >= 1;

function rollup(org: { id: number; name: string; type: string; path: string; depth: number }, views: readonly StationView[], deployment: Deployment): RollupRow {
  const mine = views.filter((v) => v.org_path.startsWith(org.path));
  const n = (f: (v: StationView) => boolean) => mine.filter(f).length;
  const compliant = n((v) => v.standing === 'compliant');
  const typeTitle = deployment.orgTypes.find((t) => t.id === org.type)?.title;
  return {
    orgId: String(org.id),
    orgName: org.name,
    orgType: org.type,
    orgTypeTitle: typeTitle ? localize(typeTitle, 'zh-CN') : org.type,
    depth: org.depth,
    stations: mine.length,
    compliant,
    rectifying: n((v) => v.standing === 'rectifying'),
    uninspected: n((v) => v.standing === 'uninspected'),
    openItems: mine.reduce((a, v) => a + v.openItems, 0),
    staffed: n(fullyStaffed),
    rate: mine.length ? Math.round((compliant / mine.length) * 1000) / 10 : null,
  };
}

/**
 * The compliance view rolled up the org tree: the org itself (合计) and each
 * org one level down that has a station under it — city → district → street
 * → community → compound. Only stations the person sees count.
 */
export async function complianceOf(db: Kysely<any>, deployment: Deployment, scopes: readonly string[], root: { id: number; name: string; type: string; path: string; depth: number }, weekday: number): Promise<RollupRow[]> {
  const views = await stationViews(db, scopes, root.path, weekday);
  const children = await typed(db).selectFrom('linli_orgs').select(['id', 'name', 'type', 'path', 'depth']).where('parent_id', '=', root.id).where('kind', '=', 'level').orderBy('id').execute();
  const total = { ...rollup(root, views, deployment), orgName: `${root.name}（合计）` };
  return [total, ...children.map((c) => rollup(c, views, deployment)).filter((r) => r.stations > 0)];
}

/** Every level org of the subtree that has a station, in tree order, for the export (one line each, indented by depth). */
export async function complianceTree(db: Kysely<any>, deployment: Deployment, scopes: readonly string[], root: { path: string }, weekday: number): Promise<{ rows: RollupRow[]; stations: StationView[] }> {
  const views = await stationViews(db, scopes, root.path, weekday);
  const orgs = await typed(db).selectFrom('linli_orgs').select(['id', 'name', 'type', 'path', 'depth']).where('path', 'like', `${root.path}%`).where('kind', '=', 'level').where('type', '<>', 'building').orderBy('path').execute();
  orgs.sort((a, b) => byTreeOrder(a.path, b.path));
  return { rows: orgs.map((o) => rollup(o, views, deployment)).filter((r) => r.stations > 0), stations: views };
}

export const periodLabel = (p: string | null) => (p ? periodTitle(p) : null);
export { under };
