import { sql, type PublicDataSource, type PublicPage } from '@linli/sdk';
import { stateTitle } from './service/agenda.js';

/**
 * The hall's part of the public notice board 公示栏: each resolution with its
 * vote and how far its implementation has got — the public notice of a
 * session as data. Like the printed notice (notice.ts) it holds no personal
 * data: participants are counted, proposers never shown, and the free-text
 * deliberation record (which names speakers) stays with staff.
 */
export const publicData: PublicDataSource[] = [
  {
    id: 'resolutions',
    title: { 'zh-CN': '议事决议及落实', en: 'Resolutions and their implementation' },
    item: {
      type: 'object',
      properties: {
        title: { type: 'string' },
        compound: { type: 'string' },
        sessionDate: { type: 'string', format: 'date' },
        resolution: { type: 'string' },
        outcome: { type: 'string', enum: ['通过', '未通过'] },
        votes: { type: 'string' },
        implementer: { type: 'string' },
        progress: { type: 'string' },
        result: { type: 'string' },
      },
      required: ['title', 'compound', 'sessionDate', 'resolution', 'outcome', 'votes', 'progress'],
      additionalProperties: false,
    },
    async load({ db, place }, limit) {
      const rows = await db
        .selectFrom('wdh_votes as v')
        .innerJoin('wdh_sessions as s', 's.id', 'v.session_id')
        .innerJoin('wdh_topics as t', 't.ticket_id', 'v.ticket_id')
        .innerJoin('linli_orgs as o', 'o.id', 's.compound_org_id')
        .select(['t.title', 'o.name as compound', sql<string>`to_char(s.session_date, 'YYYY-MM-DD')`.as('sessionDate'), 'v.resolution', 'v.passed', 'v.votes_for', 'v.votes_against', 'v.abstentions', 'v.implementer', 't.state', 't.result'])
        .where('s.compound_path', 'like', `${place.path}%`)
        .orderBy('s.session_date', 'desc')
        .orderBy('v.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        title: r.title,
        compound: r.compound,
        sessionDate: r.sessionDate,
        resolution: r.resolution,
        outcome: r.passed ? '通过' : '未通过',
        votes: `赞成 ${r.votes_for} · 反对 ${r.votes_against} · 弃权 ${r.abstentions}`,
        ...(r.implementer ? { implementer: r.implementer } : {}),
        progress: stateTitle(r.state),
        ...(r.result ? { result: r.result } : {}),
      }));
    },
  },
];

export const publicPages: PublicPage[] = [
  {
    id: 'resolutions',
    title: { 'zh-CN': '周末议事厅 · 决议公示', en: 'Weekend hall · resolutions' },
    source: 'resolutions',
    heading: 'title',
    order: 10,
    fields: [
      { field: 'compound', title: { 'zh-CN': '小区', en: 'Compound' } },
      { field: 'sessionDate', title: { 'zh-CN': '议事日期', en: 'Session' }, format: 'date' },
      { field: 'resolution', title: { 'zh-CN': '决议', en: 'Resolution' } },
      { field: 'outcome', title: { 'zh-CN': '表决', en: 'Vote' }, format: 'badge' },
      { field: 'votes', title: { 'zh-CN': '票数', en: 'Votes' } },
      { field: 'implementer', title: { 'zh-CN': '落实单位', en: 'Carried out by' } },
      { field: 'progress', title: { 'zh-CN': '落实进展', en: 'Progress' }, format: 'badge' },
      { field: 'result', title: { 'zh-CN': '落实结果', en: 'Result' } },
    ],
    empty: { 'zh-CN': '暂无议事决议', en: 'No resolutions yet' },
  },
];
