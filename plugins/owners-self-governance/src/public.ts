import type { PublicDataSource, PublicPage } from '@linli/sdk';
import type { Decision } from './art278.js';
import { publishedDecision } from './service/published.js';
import { committeeData, committeePage } from './public-committee.js';

/**
 * Owners' decisions on the public notice board 公示栏: the question, where, the
 * outcome and the arithmetic in numbers. No personal data: units are counted,
 * owners never named, and how anyone voted is nowhere.
 */
export const publicData: PublicDataSource[] = [
  {
    id: 'decisions',
    title: { 'zh-CN': '业主表决结果', en: 'Owners’ decisions' },
    item: {
      type: 'object',
      properties: {
        title: { type: 'string' },
        scope: { type: 'string' },
        matter: { type: 'string' },
        outcome: { type: 'string' },
        participation: { type: 'string' },
        agreement: { type: 'string' },
        closedAt: { type: 'string', format: 'date-time' },
      },
      required: ['title', 'scope', 'matter', 'outcome', 'participation', 'agreement', 'closedAt'],
      additionalProperties: false,
    },
    async load({ db, place }, limit) {
      const rows = await db
        .selectFrom('owners_self_governance_votes as v')
        .innerJoin('linli_orgs as o', 'o.id', 'v.scope_org_id')
        .select(['v.title', 'o.name', 'v.matter', 'v.result', 'v.closed_at'])
        .where('v.status', '=', 'closed')
        .where('v.scope_path', 'like', `${place.path}%`)
        .orderBy('v.closed_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r: { title: string; name: string; matter: string; result: Decision; closed_at: Date }) => publishedDecision(r));
    },
  },
  {
    // The vetted list: only candidates who passed every item, by name and building — nothing else about them.
    id: 'candidates',
    title: { 'zh-CN': '业主委员会候选人名单', en: "Owners' committee candidates" },
    item: {
      type: 'object',
      properties: { election: { type: 'string' }, compound: { type: 'string' }, name: { type: 'string' }, building: { type: 'string' }, publishedAt: { type: 'string', format: 'date-time' } },
      required: ['election', 'compound', 'name', 'building', 'publishedAt'],
      additionalProperties: false,
    },
    async load({ db, place }, limit) {
      const rows = await db
        .selectFrom('owners_self_governance_candidates as k')
        .innerJoin('owners_self_governance_elections as e', 'e.id', 'k.election_id')
        .innerJoin('linli_orgs as c', 'c.id', 'e.compound_org_id')
        .innerJoin('owners_self_governance_owners as w', 'w.id', 'k.owner_id')
        .innerJoin('owners_self_governance_units as u', 'u.id', 'w.unit_id')
        .innerJoin('linli_orgs as b', 'b.id', 'u.building_org_id')
        .select(['e.title as election', 'c.name as compound', 'w.name', 'b.name as building', 'e.published_at as publishedAt'])
        .where('e.status', '=', 'published')
        .where('e.compound_path', 'like', `${place.path}%`)
        // A candidacy that ended (no longer an owner of the compound) is off the published list.
        .where('k.withdrawn_at', 'is', null)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('owners_self_governance_checks as x').select('x.id').whereRef('x.candidate_id', '=', 'k.id').where('x.result', '<>', 'pass'))))
        .orderBy('e.published_at', 'desc')
        .orderBy('k.id')
        .limit(limit)
        .execute();
      return rows.map((r: { election: string; compound: string; name: string; building: string; publishedAt: Date }) => ({ ...r, publishedAt: new Date(r.publishedAt).toISOString() }));
    },
  },
  committeeData,
];

export const publicPages: PublicPage[] = [
  {
    id: 'decisions',
    title: { 'zh-CN': '业主自治 · 表决结果公示', en: 'Owners · decisions' },
    source: 'decisions',
    heading: 'title',
    order: 30,
    fields: [
      { field: 'scope', title: { 'zh-CN': '范围', en: 'For' } },
      { field: 'matter', title: { 'zh-CN': '事项', en: 'Matter' } },
      { field: 'outcome', title: { 'zh-CN': '结果', en: 'Outcome' }, format: 'badge' },
      { field: 'participation', title: { 'zh-CN': '参与表决', en: 'Participation' } },
      { field: 'agreement', title: { 'zh-CN': '同意', en: 'Agreement' } },
      { field: 'closedAt', title: { 'zh-CN': '计票时间', en: 'Counted' }, format: 'date' },
    ],
    empty: { 'zh-CN': '暂无业主表决结果', en: 'No owners’ decisions yet' },
  },
  {
    id: 'candidates',
    title: { 'zh-CN': '业主自治 · 业委会候选人公示', en: "Owners · committee candidates" },
    source: 'candidates',
    heading: 'name',
    order: 31,
    fields: [
      { field: 'building', title: { 'zh-CN': '楼栋', en: 'Building' } },
      { field: 'compound', title: { 'zh-CN': '小区', en: 'Compound' } },
      { field: 'election', title: { 'zh-CN': '选举', en: 'Election' } },
      { field: 'publishedAt', title: { 'zh-CN': '公示日期', en: 'Published' }, format: 'date' },
    ],
    empty: { 'zh-CN': '暂无候选人公示', en: 'No candidates published' },
  },
  committeePage,
];
