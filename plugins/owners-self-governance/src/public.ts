import type { PublicDataSource, PublicPage } from '@linli/sdk';
import { areaText, percentText, type Decision } from './art278.js';
import { outcomeText } from './service/result-page.js';
import { matterTitle } from './service/votes.js';

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
      return rows.map((r: { title: string; name: string; matter: string; result: Decision; closed_at: Date }) => {
        const d = r.result;
        return {
          title: r.title,
          scope: r.name,
          matter: matterTitle(r.matter),
          outcome: outcomeText(d),
          participation: `参与表决 ${d.participatingOwners}/${d.participation.owners.whole} 户（${percentText(d.participatingOwners, d.participation.owners.whole)}，要求${d.participation.owners.threshold}）· 面积 ${areaText(d.participatingAreaCenti)}/${areaText(d.participation.area.whole)} ㎡（${percentText(d.participatingAreaCenti, d.participation.area.whole)}，要求${d.participation.area.threshold}）`,
          agreement: `同意 ${d.yesOwners}/${d.participatingOwners} 户（${percentText(d.yesOwners, d.participatingOwners)}，要求${d.pass.owners.threshold}）· 面积 ${areaText(d.yesAreaCenti)}/${areaText(d.participatingAreaCenti)} ㎡（${percentText(d.yesAreaCenti, d.participatingAreaCenti)}，要求${d.pass.area.threshold}）`,
          closedAt: new Date(r.closed_at).toISOString(),
        };
      });
    },
  },
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
];
