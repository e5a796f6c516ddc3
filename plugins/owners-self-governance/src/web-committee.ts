import type { WebPage } from '@linli/sdk';
import { conveners } from './permissions.js';

/**
 * The sitting owners' committee's pages: 业主委员会 (members, roles, term,
 * seats that ended and how many sit; row → 设定职务), 发起业委会选举表决 (from a published election).
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
      // A seat that ended (no longer an owner, 指导规则第三十七条) stays listed below the sitting ones, with when and why.
      { field: 'seatTitle', title: { 'zh-CN': '委员资格', en: 'Seat' }, format: 'badge' },
      { field: 'ended', title: { 'zh-CN': '终止', en: 'Ended' } },
      // How many sit against the seats and the city's minimum: a vacancy or too few shows here.
      { field: 'staffing', title: { 'zh-CN': '在任人数', en: 'Sitting' } },
    ],
    rowActions: [{ title: { 'zh-CN': '设定职务', en: 'Set role' }, to: 'page:committee-role?id={id}', roles: [...conveners], when: { termState: ['sitting', 'ending'], seat: ['sitting'] } }],
  },
  { id: 'committee-role', kind: 'form', hidden: true, title: { 'zh-CN': '设定业委会职务', en: 'Set a committee role' }, form: 'owners-self-governance.committee-role', submit: '/committee-members/{id}/role', next: 'page:committee' },
  { id: 'election-vote', kind: 'form', roles: [...conveners], title: { 'zh-CN': '发起业委会选举表决', en: 'Committee election vote' }, form: 'owners-self-governance.election-vote', submit: '/election-votes', next: 'page:votes' },
];
