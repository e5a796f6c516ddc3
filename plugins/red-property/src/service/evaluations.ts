import { personIdOf, notFound, type Actor, type ErrorDetail, type PluginContext } from '@linli/sdk';
import { companyById, directory, type Company } from '../companies.js';
import { fail } from '../errors.js';
import type { EvaluationInput } from '../forms/evaluation.js';
import { periodExample, periodRange } from '../periods.js';
import { canEvaluate, canSeeCompany, worksFor } from '../permissions.js';
import { rate, standing, standingTitle } from '../ratings.js';
import { readSettings } from '../settings.js';
import { complaintFigures, noComplaints } from '../store/complaints.js';
import { appendCredit, findEvaluation, insertEvaluation, ratingsByCompany } from '../store/evaluations.js';
import type { Db } from '../store/tables.js';

const offset = (ctx: PluginContext) => ctx.deployment.calendar.utcOffsetHours;

/** The companies whose figures, evaluations and credit file the actor sees. */
export async function visibleCompanies(ctx: PluginContext, db: Db, actor: Actor): Promise<Company[]> {
  return (await directory(ctx, db)).companies.filter((c) => canSeeCompany(actor, c));
}

/** A company the actor may see, or 404 as if it did not exist. */
export async function visibleCompany(ctx: PluginContext, db: Db, actor: Actor, id: string): Promise<Company> {
  const co = companyById(await directory(ctx, db), id);
  if (!co || !canSeeCompany(actor, co)) throw notFound(`Property company ${id}`);
  return co;
}

/**
 * 考核评价: the community party organization scores a company for a period.
 * The evaluation, its credit-file entry and any change of the company's
 * place on the red/black list are written in the caller's transaction.
 */
export async function evaluate(ctx: PluginContext, db: Db, actor: Actor, input: EvaluationInput): Promise<number> {
  const s = readSettings(ctx.options);
  const co = companyById(await directory(ctx, db), input.companyOrgId);
  if (!co) throw notFound(`Property company ${input.companyOrgId}`);
  if (worksFor(actor, co)) throw fail('RP_ERR_SELF_EVALUATION', [co.name]);
  if (!canEvaluate(actor, co)) throw fail('RP_ERR_NOT_EVALUATOR', [co.name]);

  const range = periodRange(input.period, s.evaluationPeriod, offset(ctx));
  const now = ctx.now();
  const example = periodExample[s.evaluationPeriod];
  if (!range) throw fail('RP_ERR_BAD_PERIOD', [input.period, `not a ${s.evaluationPeriod} period`, s.evaluationPeriod, example], [{ path: '/period', message: 'unknown period', expected: example }]);
  if (range.start > now) throw fail('RP_ERR_BAD_PERIOD', [input.period, 'it has not begun', s.evaluationPeriod, example], [{ path: '/period', message: 'period in the future' }]);

  const problems: ErrorDetail[] = [];
  for (const c of s.criteria) {
    const v = input.scores[c.key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > c.max) {
      problems.push({ path: `/scores/${c.key}`, message: `${c.title}: ${String(v)}`, expected: `a whole number from 0 to ${c.max}` });
    }
  }
  if (problems.length) throw fail('RP_ERR_SCORE_OUT_OF_RANGE', [problems.map((p) => `${p.message}（0–${p.expected!.split(' ').pop()}）`).join('；')], problems);

  if (await findEvaluation(db, Number(co.id), range.id)) throw fail('RP_ERR_ALREADY_EVALUATED', [co.name, range.id, co.name, range.id]);

  const total = s.criteria.reduce((sum, c) => sum + input.scores[c.key]!, 0);
  const maxTotal = s.criteria.reduce((sum, c) => sum + c.max, 0);
  const rating = rate(total, maxTotal, s.ratingBands);
  const figures = (await complaintFigures(db, [Number(co.id)], range.start, range.end, now)).get(Number(co.id)) ?? noComplaints;
  const before = standing((await ratingsByCompany(db, [Number(co.id)])).get(Number(co.id)) ?? [], s);

  const id = await insertEvaluation(db, {
    company_org_id: Number(co.id),
    period: range.id,
    scores: input.scores,
    total,
    max_total: maxTotal,
    rating,
    comment: input.comment ?? null,
    complaint_figures: figures,
    evaluator_id: personIdOf(actor),
    evaluated_at: now,
  });
  const entry = { company_org_id: Number(co.id), period: range.id, evaluation_id: id, recorded_by: personIdOf(actor), recorded_at: now };
  await appendCredit(db, { ...entry, kind: 'evaluation', rating, total, max_total: maxTotal, note: input.comment ?? null });

  const after = standing((await ratingsByCompany(db, [Number(co.id)])).get(Number(co.id)) ?? [], s);
  if (after !== before) {
    await appendCredit(db, {
      ...entry,
      kind: after === null ? 'delisted' : after === 'red' ? 'red_list' : 'black_list',
      rating: null,
      total: null,
      max_total: null,
      note: after === null ? `移出${standingTitle[before!]}` : `列入${standingTitle[after]}`,
    });
  }
  return id;
}
