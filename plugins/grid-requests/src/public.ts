import { sql, type PublicDataSource, type PublicPage } from '@linli/sdk';

/**
 * Satisfaction by month for the public notice board: "成效群众判", counted
 * from the residents' own feedback step (评价销号, form grid-request.feedback)
 * — how many rated, and how many were satisfied or mostly satisfied. Counts
 * only; remarks stay with staff.
 */
export const publicData: PublicDataSource[] = [
  {
    id: 'satisfaction',
    title: { 'zh-CN': '群众满意度（按月）', en: 'Residents’ satisfaction by month' },
    item: {
      type: 'object',
      properties: {
        month: { type: 'string', description: 'YYYY-MM, local time' },
        rated: { type: 'integer' },
        satisfied: { type: 'integer' },
        mostly: { type: 'integer' },
        unsatisfied: { type: 'integer' },
        satisfactionPct: { type: 'number', description: '(satisfied + mostly satisfied) / rated × 100, one decimal' },
      },
      required: ['month', 'rated', 'satisfied', 'mostly', 'unsatisfied', 'satisfactionPct'],
      additionalProperties: false,
    },
    async load({ db, place, deployment, now }, limit) {
      const offset = sql.lit(`${deployment.calendar.utcOffsetHours} hours`);
      const since = new Date(now().getTime() - 366 * 86_400_000);
      const rows = await db
        .selectFrom('linli_ticket_events as e')
        .innerJoin('linli_tickets as t', 't.id', 'e.ticket_id')
        .select([
          sql<string>`to_char(e.created_at + interval ${offset}, 'YYYY-MM')`.as('month'),
          sql<number>`cast(count(*) filter (where e.data->>'satisfaction' = '满意') as integer)`.as('satisfied'),
          sql<number>`cast(count(*) filter (where e.data->>'satisfaction' = '基本满意') as integer)`.as('mostly'),
          sql<number>`cast(count(*) filter (where e.data->>'satisfaction' = '不满意') as integer)`.as('unsatisfied'),
        ])
        .where('t.workflow', '=', 'grid-request')
        .where('e.action', '=', 'confirm')
        .where('t.org_path', 'like', `${place.path}%`)
        .where('e.created_at', '>=', since)
        .groupBy(sql`1`)
        .orderBy(sql`1`, 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => {
        const [satisfied, mostly, unsatisfied] = [Number(r.satisfied), Number(r.mostly), Number(r.unsatisfied)];
        const rated = satisfied + mostly + unsatisfied;
        return { month: r.month, rated, satisfied, mostly, unsatisfied, satisfactionPct: rated ? Math.round(((satisfied + mostly) * 1000) / rated) / 10 : 0 };
      });
    },
  },
];

export const publicPages: PublicPage[] = [
  {
    id: 'satisfaction',
    title: { 'zh-CN': '成效群众判 · 满意度（按月）', en: 'Satisfaction by month' },
    source: 'satisfaction',
    heading: 'month',
    order: 1,
    fields: [
      { field: 'rated', title: { 'zh-CN': '参评件数', en: 'Rated' }, format: 'number' },
      { field: 'satisfactionPct', title: { 'zh-CN': '满意率', en: 'Satisfied' }, format: 'percent' },
      { field: 'satisfied', title: { 'zh-CN': '满意', en: 'Satisfied' }, format: 'number' },
      { field: 'mostly', title: { 'zh-CN': '基本满意', en: 'Mostly' }, format: 'number' },
      { field: 'unsatisfied', title: { 'zh-CN': '不满意', en: 'Not satisfied' }, format: 'number' },
    ],
    empty: { 'zh-CN': '近一年暂无群众评价', en: 'No ratings in the last year' },
  },
];
