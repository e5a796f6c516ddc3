import type { Db } from '../store/tables.js';

export type GroupBy = 'compound' | 'company';

export interface IndicatorRow {
  key: string;
  name: string;
  cases: number;
  open: number;
  agreements: number;
  referrals: number;
  successRate: number | null;
  closed: number;
  avgDaysToClose: number | null;
  recurrences: number;
  amountFen: number;
}

const YEAR = 365 * 86_400_000;
const DAY = 86_400_000;

/**
 * 成效指标 per compound or property company: cases taken in, agreements and
 * referrals, success rate (agreements among the outcomes reached), average
 * days from intake to close, and recurrences — a case whose compound had a
 * dispute of the same type in the year before it (the dispute came back).
 */
export async function indicators(db: Db, paths: readonly string[], by: GroupBy, within?: string): Promise<IndicatorRow[]> {
  if (!paths.length) return [];
  let q = db
    .selectFrom('dispute_mediation_cases as c')
    .innerJoin('linli_orgs as o', 'o.id', 'c.compound_org_id')
    .leftJoin('linli_orgs as co', 'co.id', 'c.company_org_id')
    .select(['c.ticket_id', 'c.compound_org_id', 'c.company_org_id', 'c.dispute_type', 'c.state', 'c.outcome', 'c.filed_at', 'c.closed_at', 'c.amount_fen', 'o.name as compound_name', 'co.name as company_name'])
    .where((eb) => eb.or(paths.map((p) => eb('c.compound_path', 'like', `${p}%`))));
  if (within) q = q.where('c.compound_path', 'like', `${within}%`);
  const rows = await q.orderBy('c.filed_at').execute();
  const groups = new Map<string, IndicatorRow & { days: number[] }>();
  const seen = new Map<string, number[]>();
  for (const r of rows) {
    const key = by === 'compound' ? String(r.compound_org_id) : r.company_org_id === null ? '-' : String(r.company_org_id);
    const name = by === 'compound' ? r.compound_name : (r.company_name ?? '未涉及物业服务企业');
    const g = groups.get(key) ?? { key, name, cases: 0, open: 0, agreements: 0, referrals: 0, successRate: null, closed: 0, avgDaysToClose: null, recurrences: 0, amountFen: 0, days: [] };
    groups.set(key, g);
    g.cases += 1;
    g.amountFen += r.amount_fen ?? 0;
    if (r.outcome === 'agreement') g.agreements += 1;
    if (r.outcome === 'referral') g.referrals += 1;
    if (r.closed_at && r.state === 'closed') {
      g.closed += 1;
      g.days.push((new Date(r.closed_at).getTime() - new Date(r.filed_at).getTime()) / DAY);
    } else if (!r.closed_at) g.open += 1;
    const sameKind = `${r.compound_org_id}:${r.dispute_type}`;
    const filed = new Date(r.filed_at).getTime();
    const earlier = seen.get(sameKind) ?? [];
    if (earlier.some((t) => filed - t <= YEAR)) g.recurrences += 1;
    seen.set(sameKind, [...earlier, filed]);
  }
  return [...groups.values()]
    .map(({ days, ...g }) => ({
      ...g,
      successRate: g.agreements + g.referrals ? Math.round((1000 * g.agreements) / (g.agreements + g.referrals)) / 10 : null,
      avgDaysToClose: days.length ? Math.round((10 * days.reduce((a, b) => a + b, 0)) / days.length) / 10 : null,
    }))
    .sort((a, b) => b.cases - a.cases || a.name.localeCompare(b.name, 'zh-CN'));
}
