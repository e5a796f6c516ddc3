import type { WebPage } from '@linli/sdk';
import { conveners } from './permissions.js';

/**
 * The sitting owners' committee's pages: 业主委员会 (members, roles, term;
 * row → 设定职务), 发起业委会选举表决 (from a published election).
 */
export const committeePages = (staff: string[]): WebPage[] => [
  {
    id: 'committee',
    kind: 'table',
    title: { 'zh-CN': '业主委员会', en: "Owners' committee" },
    roles: staff,
    staffOnly: true,
    source: '/committee-members',
    columns: [
      { field: 'compoundName', title: { 'zh-CN': '小区', en: 'Compound' } },
      { field: 'name', title: { 'zh-CN': '姓名', en: 'Name' } },
      { field: 'building', title: { 'zh-CN': '楼栋', en: 'Building' } },
      { field: 'role', title: { 'zh-CN': '职务', en: 'Role' }, format: 'badge' },
      { field: 'termStart', title: { 'zh-CN': '任期开始', en: 'Term from' }, format: 'date' },
      { field: 'termEnd', title: { 'zh-CN': '任期届满', en: 'Term until' }, format: 'date' },
      { field: 'termTitle', title: { 'zh-CN': '任期', en: 'Term' }, format: 'badge' },
    ],
    rowActions: [{ title: { 'zh-CN': '设定职务', en: 'Set role' }, to: 'page:committee-role?id={id}', roles: [...conveners], when: { termState: ['sitting', 'ending'] } }],
  },
  { id: 'committee-role', kind: 'form', hidden: true, title: { 'zh-CN': '设定业委会职务', en: 'Set a committee role' }, form: 'owners-self-governance.committee-role', submit: '/committee-members/{id}/role', next: 'page:committee' },
  { id: 'election-vote', kind: 'form', roles: [...conveners], title: { 'zh-CN': '发起业委会选举表决', en: 'Committee election vote' }, form: 'owners-self-governance.election-vote', submit: '/election-votes', next: 'page:votes' },
];
