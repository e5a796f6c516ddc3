import { sql, type PublicDataSource, type PublicPage } from '@linli/sdk';

/**
 * Red property's part of the public notice board 公示栏: the red/black list
 * 红黑榜 of property companies, and the public parts of the three ledgers
 * 三本账 — the fee and public-income ledger 公共收益 (entries, not who
 * recorded them) and the ten practical matters 十件实事. The compound file
 * and the evaluations' scores and comments stay with staff.
 */
const listTitle: Record<string, string> = { red_list: '红榜', black_list: '黑榜' };

export const publicData: PublicDataSource[] = [
  {
    id: 'red-black-list',
    title: { 'zh-CN': '物业服务红黑榜', en: 'Property companies: red and black list' },
    item: {
      type: 'object',
      properties: {
        company: { type: 'string' },
        list: { type: 'string', enum: ['红榜', '黑榜'] },
        period: { type: 'string' },
        rating: { type: 'string' },
        since: { type: 'string', format: 'date' },
      },
      required: ['company', 'list', 'since'],
      additionalProperties: false,
    },
    async load({ db, place, deployment }, limit) {
      const offset = sql.lit(`${deployment.calendar.utcOffsetHours} hours`);
      // Each company's latest list entry; a company delisted since shows on neither list.
      const rows = await db
        .selectFrom('red_property_credit_entries as c')
        .innerJoin('linli_orgs as o', 'o.id', 'c.company_org_id')
        .select(['o.name as company', 'c.kind', 'c.period', 'c.rating', sql<string>`to_char(c.recorded_at + interval ${offset}, 'YYYY-MM-DD')`.as('since')])
        .where('c.kind', 'in', ['red_list', 'black_list', 'delisted'])
        .where('o.path', 'like', `${place.path}%`)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('red_property_credit_entries as later').select('later.id').whereRef('later.company_org_id', '=', 'c.company_org_id').where('later.kind', 'in', ['red_list', 'black_list', 'delisted']).whereRef('later.id', '>', 'c.id'))),
        )
        .orderBy('c.kind', 'desc')
        .orderBy('o.name')
        .limit(limit)
        .execute();
      return rows
        .filter((r) => r.kind !== 'delisted')
        .map((r) => ({ company: r.company, list: listTitle[r.kind]!, ...(r.period ? { period: r.period } : {}), ...(r.rating ? { rating: r.rating } : {}), since: r.since }));
    },
  },
  {
    id: 'public-income',
    title: { 'zh-CN': '物业费及公共收益清单', en: 'Fee and public-income ledger' },
    item: {
      type: 'object',
      properties: {
        compound: { type: 'string' },
        occurredOn: { type: 'string', format: 'date' },
        kind: { type: 'string', enum: ['收入', '支出'] },
        category: { type: 'string' },
        amountFen: { type: 'integer', description: 'Amount in fen (1/100 yuan)' },
        purpose: { type: 'string' },
      },
      required: ['compound', 'occurredOn', 'kind', 'category', 'amountFen', 'purpose'],
      additionalProperties: false,
    },
    async load({ db, place }, limit) {
      const rows = await db
        .selectFrom('red_property_ledger_entries as l')
        .innerJoin('linli_orgs as o', 'o.id', 'l.compound_org_id')
        .select(['o.name as compound', sql<string>`to_char(l.occurred_on, 'YYYY-MM-DD')`.as('occurredOn'), 'l.kind', 'l.category', 'l.amount_fen', 'l.purpose'])
        .where('l.compound_path', 'like', `${place.path}%`)
        .orderBy('l.occurred_on', 'desc')
        .orderBy('l.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ compound: r.compound, occurredOn: r.occurredOn, kind: r.kind === 'income' ? '收入' : '支出', category: r.category, amountFen: Number(r.amount_fen), purpose: r.purpose }));
    },
  },
  {
    id: 'practical-matters',
    title: { 'zh-CN': '十件实事', en: 'Ten practical matters' },
    item: {
      type: 'object',
      properties: {
        title: { type: 'string' },
        compound: { type: 'string' },
        year: { type: 'integer' },
        status: { type: 'string', enum: ['办理中', '已办结'] },
        result: { type: 'string' },
      },
      required: ['title', 'compound', 'year', 'status'],
      additionalProperties: false,
    },
    async load({ db, place }, limit) {
      const rows = await db
        .selectFrom('red_property_practical_matters as m')
        .innerJoin('linli_orgs as o', 'o.id', 'm.compound_org_id')
        .select(['m.title', 'o.name as compound', 'm.year', 'm.status', 'm.result'])
        .where('m.compound_path', 'like', `${place.path}%`)
        .orderBy('m.year', 'desc')
        .orderBy('m.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ title: r.title, compound: r.compound, year: r.year, status: r.status === 'done' ? '已办结' : '办理中', ...(r.result ? { result: r.result } : {}) }));
    },
  },
];

export const publicPages: PublicPage[] = [
  {
    id: 'red-black-list',
    title: { 'zh-CN': '红色物业 · 红黑榜', en: 'Red property · red and black list' },
    source: 'red-black-list',
    heading: 'company',
    order: 30,
    fields: [
      { field: 'list', title: { 'zh-CN': '榜单', en: 'List' }, format: 'badge' },
      { field: 'period', title: { 'zh-CN': '考核期', en: 'Period' } },
      { field: 'rating', title: { 'zh-CN': '考核等次', en: 'Rating' } },
      { field: 'since', title: { 'zh-CN': '上榜日期', en: 'Since' }, format: 'date' },
    ],
    empty: { 'zh-CN': '暂无上榜物业企业', en: 'No company is listed' },
  },
  {
    id: 'public-income',
    title: { 'zh-CN': '红色物业 · 公共收益公开', en: 'Red property · public income' },
    source: 'public-income',
    heading: 'category',
    order: 31,
    fields: [
      { field: 'compound', title: { 'zh-CN': '小区', en: 'Compound' } },
      { field: 'occurredOn', title: { 'zh-CN': '日期', en: 'Date' }, format: 'date' },
      { field: 'kind', title: { 'zh-CN': '收支', en: 'In/out' }, format: 'badge' },
      { field: 'amountFen', title: { 'zh-CN': '金额', en: 'Amount' }, format: 'money' },
      { field: 'purpose', title: { 'zh-CN': '用途', en: 'Purpose' } },
    ],
    empty: { 'zh-CN': '暂无收支记录', en: 'No entries yet' },
  },
  {
    id: 'practical-matters',
    title: { 'zh-CN': '红色物业 · 十件实事', en: 'Red property · ten practical matters' },
    source: 'practical-matters',
    heading: 'title',
    order: 32,
    fields: [
      { field: 'compound', title: { 'zh-CN': '小区', en: 'Compound' } },
      { field: 'year', title: { 'zh-CN': '年度', en: 'Year' } },
      { field: 'status', title: { 'zh-CN': '状态', en: 'Status' }, format: 'badge' },
      { field: 'result', title: { 'zh-CN': '办理结果', en: 'Result' } },
    ],
    empty: { 'zh-CN': '暂无实事项目', en: 'No matters yet' },
  },
];
