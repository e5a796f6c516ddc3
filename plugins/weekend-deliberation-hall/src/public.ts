import { matterTitles, publishedResult, type Matter } from '@linli/plugin-owners-self-governance';
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
  {
    // Topics referred to the owners (交业主共同决定): the owners' vote's published result beside the topic — its
    // arithmetic as owners-self-governance publishes it (counts and areas, never a unit or how it voted).
    id: 'owners-decisions',
    title: { 'zh-CN': '议题交业主共同决定', en: "Topics referred to the owners' vote" },
    item: {
      type: 'object',
      properties: {
        title: { type: 'string' },
        compound: { type: 'string' },
        scope: { type: 'string' },
        matter: { type: 'string' },
        outcome: { type: 'string' },
        participation: { type: 'string' },
        agreement: { type: 'string' },
        ownersVote: { type: 'string' },
        progress: { type: 'string' },
        referredAt: { type: 'string', format: 'date-time' },
      },
      required: ['title', 'compound', 'scope', 'matter', 'outcome', 'progress', 'referredAt'],
      additionalProperties: false,
    },
    async load({ db, place }, limit) {
      const rows = await db
        .selectFrom('wdh_referrals as r')
        .innerJoin('wdh_topics as t', 't.ticket_id', 'r.ticket_id')
        .innerJoin('linli_orgs as o', 'o.id', 't.compound_org_id')
        .select(['t.title', 'o.name as compound', 'r.scope_name', 'r.matter', 'r.vote_id', 'r.passed', 'r.referred_at', 't.state'])
        .where('t.compound_path', 'like', `${place.path}%`)
        .orderBy('r.referred_at', 'desc')
        .orderBy('r.ticket_id', 'desc')
        .limit(limit)
        .execute();
      // Rows exist only where owners-self-governance is on: its published result of each counted vote.
      return Promise.all(
        rows.map(async (r) => {
          const published = r.passed === null ? undefined : await publishedResult(db, r.vote_id);
          return {
            title: r.title,
            compound: r.compound,
            scope: r.scope_name,
            matter: matterTitles[r.matter as Matter]?.['zh-CN'] ?? r.matter,
            outcome: published?.outcome ?? '业主表决中',
            ...(published
              ? { participation: published.participation, agreement: published.agreement, ownersVote: `业主表决“${published.title}”于${published.closedAt.slice(0, 10)}计票，详见“业主自治 · 表决结果公示”` }
              : {}),
            progress: stateTitle(r.state),
            referredAt: new Date(r.referred_at).toISOString(),
          };
        }),
      );
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
  {
    id: 'owners-decisions',
    title: { 'zh-CN': '周末议事厅 · 交业主共同决定', en: "Weekend hall · referred to the owners" },
    source: 'owners-decisions',
    heading: 'title',
    order: 11,
    fields: [
      { field: 'compound', title: { 'zh-CN': '小区', en: 'Compound' } },
      { field: 'scope', title: { 'zh-CN': '表决范围', en: 'Owners of' } },
      { field: 'matter', title: { 'zh-CN': '事项', en: 'Matter' } },
      { field: 'outcome', title: { 'zh-CN': '业主表决', en: "Owners' vote" }, format: 'badge' },
      { field: 'participation', title: { 'zh-CN': '参与表决', en: 'Participation' } },
      { field: 'agreement', title: { 'zh-CN': '同意', en: 'Agreement' } },
      { field: 'ownersVote', title: { 'zh-CN': '表决结果', en: 'Result' } },
      { field: 'progress', title: { 'zh-CN': '进展', en: 'Progress' }, format: 'badge' },
      { field: 'referredAt', title: { 'zh-CN': '提交日期', en: 'Referred' }, format: 'date' },
    ],
    empty: { 'zh-CN': '暂无交业主共同决定的议题', en: 'No topics referred to the owners' },
  },
];
