import type { WebExtension } from '@linli/sdk';
import { conveners } from './permissions.js';

const staff = [...conveners, 'command_officer', 'grid_leader', 'grid_worker', 'branch_secretary', 'residents_committee_member'];

/**
 * Pages as data. Staff: 业主名册 (the roll) → 登记房屋 ; 业主表决 (row → the
 * count with its arithmetic; 登记纸质票, 结束计票) → 发起表决. Owners:
 * 我的业主表决 (row → 投票, one time, confirmed).
 */
export const web: WebExtension = {
  pages: [
    {
      id: 'my-votes',
      kind: 'table',
      title: { 'zh-CN': '我的业主表决', en: 'My owners’ votes' },
      source: '/my/votes',
      columns: [
        { field: 'title', title: { 'zh-CN': '表决议题', en: 'Question' } },
        { field: 'unit', title: { 'zh-CN': '房屋', en: 'Unit' } },
        { field: 'statusTitle', title: { 'zh-CN': '状态', en: 'Status' }, format: 'badge' },
        { field: 'closesAt', title: { 'zh-CN': '截止', en: 'Closes' }, format: 'datetime' },
        { field: 'outcome', title: { 'zh-CN': '结果', en: 'Outcome' } },
      ],
      rowLink: 'page:result?id={id}',
      rowActions: [{ title: { 'zh-CN': '投票', en: 'Vote' }, to: 'page:ballot?vote={id}', when: { canVote: ['yes'] } }],
    },
    { id: 'ballot', kind: 'form', hidden: true, title: { 'zh-CN': '业主投票', en: 'Vote' }, form: 'owners-self-governance.ballot', submit: '/votes/{vote}/ballot', next: 'page:my-votes' },
    {
      id: 'votes',
      kind: 'table',
      title: { 'zh-CN': '业主表决', en: 'Owners’ votes' },
      roles: staff,
      staffOnly: true,
      source: '/votes',
      columns: [
        { field: 'title', title: { 'zh-CN': '表决议题', en: 'Question' } },
        { field: 'scopeName', title: { 'zh-CN': '范围', en: 'For' } },
        { field: 'matterTitle', title: { 'zh-CN': '事项', en: 'Matter' } },
        { field: 'statusTitle', title: { 'zh-CN': '状态', en: 'Status' }, format: 'badge' },
        { field: 'voted', title: { 'zh-CN': '已投票户数', en: 'Voted' }, format: 'number' },
        { field: 'units', title: { 'zh-CN': '总户数', en: 'Units' }, format: 'number' },
        { field: 'outcome', title: { 'zh-CN': '结果', en: 'Outcome' } },
      ],
      rowLink: 'page:result?id={id}',
      rowActions: [
        { title: { 'zh-CN': '登记纸质票', en: 'Paper ballot' }, to: 'page:paper?id={id}', roles: [...conveners], when: { status: ['open'] } },
        { title: { 'zh-CN': '结束计票', en: 'Close and count' }, to: 'page:close?id={id}', roles: [...conveners], when: { status: ['open'] } },
      ],
    },
    { id: 'new-vote', kind: 'form', roles: [...conveners], title: { 'zh-CN': '发起业主表决', en: 'Set up a vote' }, form: 'owners-self-governance.vote', submit: '/votes', next: 'page:votes' },
    {
      id: 'result',
      kind: 'html',
      hidden: true,
      title: { 'zh-CN': '表决结果与计票', en: 'Result and count' },
      source: '/votes/{id}/result',
      actions: [
        { title: { 'zh-CN': '登记纸质票', en: 'Paper ballot' }, to: 'page:paper?id={id}', roles: [...conveners] },
        { title: { 'zh-CN': '结束计票', en: 'Close and count' }, to: 'page:close?id={id}', roles: [...conveners] },
      ],
    },
    { id: 'paper', kind: 'form', hidden: true, title: { 'zh-CN': '登记纸质选票', en: 'Record a paper ballot' }, form: 'owners-self-governance.paper-ballot', submit: '/votes/{id}/paper', next: 'page:result?id={id}' },
    { id: 'close', kind: 'form', hidden: true, title: { 'zh-CN': '结束表决并计票', en: 'Close and count' }, form: 'owners-self-governance.close', submit: '/votes/{id}/close', next: 'page:result?id={id}' },
    {
      id: 'units',
      kind: 'table',
      title: { 'zh-CN': '业主名册', en: 'Units and owners' },
      roles: staff,
      staffOnly: true,
      source: '/units',
      columns: [
        { field: 'buildingName', title: { 'zh-CN': '楼栋', en: 'Building' } },
        { field: 'room', title: { 'zh-CN': '房号', en: 'Unit' } },
        { field: 'area', title: { 'zh-CN': '面积（㎡）', en: 'Area (m²)' } },
        { field: 'owners', title: { 'zh-CN': '业主', en: 'Owners' } },
        { field: 'partyMemberHousehold', title: { 'zh-CN': '党员中心户', en: 'Party member household' } },
      ],
    },
    { id: 'add-unit', kind: 'form', roles: [...conveners], title: { 'zh-CN': '登记房屋和业主', en: 'Register a unit' }, form: 'owners-self-governance.unit', submit: '/units', next: 'page:units' },
  ],
};
