import type { CreditEntriesTable, Db, EvaluationsTable } from './tables.js';

export async function findEvaluation(db: Db, companyId: number, period: string) {
  return db.selectFrom('red_property_evaluations').select('id').where('company_org_id', '=', companyId).where('period', '=', period).executeTakeFirst();
}

export async function insertEvaluation(db: Db, row: Omit<EvaluationsTable, 'id'>): Promise<number> {
  const r = await db
    .insertInto('red_property_evaluations')
    .values({ ...row, scores: JSON.stringify(row.scores), complaint_figures: JSON.stringify(row.complaint_figures) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Evaluations of these companies, newest period first, with the evaluator's name. */
export async function listEvaluations(db: Db, companyIds: number[], period?: string) {
  if (!companyIds.length) return [];
  let q = db
    .selectFrom('red_property_evaluations as e')
    .innerJoin('linli_orgs as o', 'o.id', 'e.company_org_id')
    .innerJoin('linli_people as p', 'p.id', 'e.evaluator_id')
    .select(['e.id', 'e.company_org_id', 'o.name as company_name', 'e.period', 'e.scores', 'e.total', 'e.max_total', 'e.rating', 'e.comment', 'e.complaint_figures', 'p.display_name as evaluator', 'e.evaluated_at'])
    .where('e.company_org_id', 'in', companyIds);
  if (period) q = q.where('e.period', '=', period);
  return q.orderBy('e.period', 'desc').orderBy('o.name').execute();
}

/** Each company's ratings, newest period first: what the red/black list is derived from. */
export async function ratingsByCompany(db: Db, companyIds: number[]): Promise<Map<number, { period: string; rating: string }[]>> {
  const out = new Map<number, { period: string; rating: string }[]>();
  if (!companyIds.length) return out;
  const rows = await db
    .selectFrom('red_property_evaluations')
    .select(['company_org_id', 'period', 'rating'])
    .where('company_org_id', 'in', companyIds)
    .orderBy('period', 'desc')
    .execute();
  for (const r of rows) out.set(r.company_org_id, [...(out.get(r.company_org_id) ?? []), { period: r.period, rating: r.rating }]);
  return out;
}

export async function appendCredit(db: Db, row: Omit<CreditEntriesTable, 'id'>): Promise<void> {
  await db.insertInto('red_property_credit_entries').values(row).execute();
}

export async function creditFile(db: Db, companyId: number) {
  return db
    .selectFrom('red_property_credit_entries as c')
    .leftJoin('linli_people as p', 'p.id', 'c.recorded_by')
    .select(['c.id', 'c.kind', 'c.period', 'c.rating', 'c.total', 'c.max_total', 'c.note', 'c.evaluation_id', 'p.display_name as recorded_by', 'c.recorded_at'])
    .where('c.company_org_id', '=', companyId)
    .orderBy('c.id', 'desc')
    .execute();
}
