import type { Actor, PluginContext } from '@linli/sdk';
import { committeeLine, committeeState } from '../committee.js';
import type { Company } from '../companies.js';
import { ratingEn } from '../forms/evaluation.js';
import { periodOf, periodRange } from '../periods.js';
import { standing, standingTitle } from '../ratings.js';
import { readSettings } from '../settings.js';
import { complaintFigures, noComplaints } from '../store/complaints.js';
import { ratingsByCompany } from '../store/evaluations.js';
import { isDbId, type Db } from '../store/tables.js';
import { visibleCompanies } from './evaluations.js';
import { fail } from '../errors.js';
import { periodExample } from '../periods.js';

/** Visible companies, narrowed to those serving a compound at or under `orgId` (the dashboard's org), when given. */
export async function companiesIn(ctx: PluginContext, db: Db, actor: Actor, orgId?: string): Promise<Company[]> {
  const all = await visibleCompanies(ctx, db, actor);
  if (!orgId) return all;
  const org = isDbId(orgId) ? await db.selectFrom('linli_orgs').select('path').where('id', '=', Number(orgId)).executeTakeFirst() : undefined;
  if (!org) return [];
  return all.filter((co) => co.path.startsWith(org.path) || co.compounds.some((c) => c.path.startsWith(org.path) || org.path.startsWith(c.path)));
}

/** The period a query names, or the current one. */
export function periodFor(ctx: PluginContext, id: string | undefined) {
  const s = readSettings(ctx.options);
  const offset = ctx.deployment.calendar.utcOffsetHours;
  if (!id) return periodOf(ctx.now(), s.evaluationPeriod, offset);
  const r = periodRange(id, s.evaluationPeriod, offset);
  if (!r) throw fail('RP_ERR_BAD_PERIOD', [id, `not a ${s.evaluationPeriod} period`, s.evaluationPeriod, periodExample[s.evaluationPeriod]], [{ path: '/period', message: 'unknown period' }]);
  return r;
}

/** Each company with its complaint figures for a period, latest rating and place on the red/black list. */
export async function companyRows(ctx: PluginContext, db: Db, companies: Company[], periodId?: string) {
  const s = readSettings(ctx.options);
  const period = periodFor(ctx, periodId);
  const ids = companies.map((c) => Number(c.id));
  const figures = await complaintFigures(db, ids, period.start, period.end, ctx.now());
  const ratings = await ratingsByCompany(db, ids);
  // With owners' self-governance enabled: each compound's sitting committee beside the company it judges.
  const committees = new Map<string, string>();
  for (const co of companies) {
    const lines: string[] = [];
    for (const c of co.compounds) {
      const state = await committeeState(ctx, db, c);
      if (state !== undefined) lines.push(committeeLine(c.name, state, ctx.deployment.calendar.utcOffsetHours));
    }
    if (lines.length) committees.set(co.id, lines.join('；'));
  }
  return companies.map((co) => {
    const f = figures.get(Number(co.id)) ?? noComplaints;
    const r = ratings.get(Number(co.id)) ?? [];
    const st = standing(r, s);
    return {
      id: co.id,
      name: co.name,
      compounds: co.compounds.map((c) => c.name).join('、'),
      period: period.id,
      complaints: f.complaints,
      open: f.open,
      responded: f.responded,
      overdue: f.overdue,
      avgResponseHours: f.avgResponseHours,
      satisfactionRate: f.verified ? Math.round((f.satisfied * 1000) / f.verified) / 10 : null,
      latestRating: r[0]?.rating ?? null,
      latestPeriod: r[0]?.period ?? null,
      standing: st,
      standingTitle: st ? standingTitle[st] : null,
      ...(committees.has(co.id) ? { ownersCommittee: committees.get(co.id)! } : {}),
    };
  });
}

export const creditKindTitle: Record<string, string> = { evaluation: '考核评价', red_list: '列入红榜', black_list: '列入黑榜', delisted: '移出红黑榜' };
export { ratingEn };
