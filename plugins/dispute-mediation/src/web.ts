import type { WebExtension } from '@linli/sdk';
import { intakeRoles } from './workflows/case.js';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const desk = [...intakeRoles, 'residents_committee_member'];

const indicatorColumns = (first: { zh: string; en: string }) => [
  { field: 'name', title: t(first.zh, first.en) },
  { field: 'cases', title: t('受理案件', 'Cases'), format: 'number' as const },
  { field: 'open', title: t('在办', 'Open'), format: 'number' as const },
  { field: 'agreements', title: t('达成协议', 'Agreements'), format: 'number' as const },
  { field: 'referrals', title: t('移交处理', 'Referred'), format: 'number' as const },
  { field: 'successRate', title: t('调解成功率', 'Success rate'), format: 'percent' as const },
  { field: 'avgDaysToClose', title: t('平均办结天数', 'Days to close'), format: 'number' as const },
  { field: 'recurrences', title: t('重复纠纷', 'Recurrences'), format: 'number' as const },
  { field: 'amountText', title: t('争议金额', 'Amount in dispute') },
];

/**
 * The plugin's pages, as data. The desk works from 调解案件 (forming teams);
 * mediators from the same list, which shows them the cases on whose team they
 * are, and each case's page (sessions) with its next steps.
 */
export const web: WebExtension = {
  pages: [
    {
      id: 'cases',
      kind: 'table',
      title: t('调解案件', 'Mediation cases'),
      source: '/cases',
      columns: [
        { field: 'title', title: t('纠纷事项', 'Dispute') },
        { field: 'compoundName', title: t('小区', 'Compound') },
        { field: 'disputeType', title: t('类型', 'Type') },
        { field: 'amountText', title: t('争议金额', 'Amount') },
        { field: 'parties', title: t('当事人', 'Parties') },
        { field: 'stateTitle', title: t('状态', 'State'), format: 'badge' },
        { field: 'deadline', title: t('期限', 'Due'), format: 'datetime' },
        { field: 'team', title: t('调解团队', 'Team') },
        { field: 'sessions', title: t('调解次数', 'Sessions'), format: 'number' },
      ],
      rowLink: 'page:case?id={id}&state={state}',
      rowActions: [{ title: t('组建调解团队', 'Form the team'), to: 'page:team?id={id}', roles: desk, when: { state: ['accepted'] } }],
    },
    {
      id: 'case',
      kind: 'table',
      title: t('调解记录', 'Sessions'),
      hidden: true,
      source: '/cases/{id}/sessions',
      columns: [
        { field: 'heldOn', title: t('日期', 'Held on'), format: 'date' },
        { field: 'place', title: t('地点', 'Place') },
        { field: 'partiesPresent', title: t('到场当事人', 'Parties present') },
        { field: 'mediatorsPresent', title: t('出席调解员', 'Mediators present'), format: 'number' },
        { field: 'absent', title: t('缺席', 'Absent') },
        { field: 'record', title: t('调解笔录', 'Record') },
        { field: 'recordedBy', title: t('记录人', 'Recorded by') },
      ],
      actions: [
        { title: t('登记调解', 'Record a session'), to: 'page:session?id={id}&state={state}', when: { state: ['mediating'] } },
        { title: t('达成协议', 'Record the agreement'), to: 'page:agreement?id={id}', when: { state: ['mediating'] } },
        { title: t('移交处理', 'Refer'), to: 'page:referral?id={id}', when: { state: ['mediating'] } },
        { title: t('回访结案', 'Follow-up visit'), to: 'page:visit?id={id}', when: { state: ['agreed', 'replied'] } },
        { title: t('组建调解团队', 'Form the team'), to: 'page:team?id={id}', roles: desk, when: { state: ['accepted'] } },
        { title: t('查看工单', 'Open the ticket'), to: 'ticket:{id}', roles: desk },
      ],
    },
    { id: 'team', kind: 'form', title: t('组建调解团队', 'Form the team'), hidden: true, form: 'dispute-mediation.team', submit: '/cases/{id}/team', next: 'page:cases' },
    { id: 'session', kind: 'form', title: t('登记调解', 'Record a session'), hidden: true, form: 'dispute-mediation.session', submit: '/cases/{id}/sessions', next: 'page:case?id={id}&state={state}' },
    { id: 'agreement', kind: 'form', title: t('达成调解协议', 'Record the agreement'), hidden: true, form: 'dispute-mediation.agreement', submit: '/cases/{id}/agreement', next: 'page:cases' },
    { id: 'referral', kind: 'form', title: t('移交处理', 'Refer'), hidden: true, form: 'dispute-mediation.referral', submit: '/cases/{id}/referral', next: 'page:cases' },
    { id: 'visit', kind: 'form', title: t('回访结案', 'Follow-up visit'), hidden: true, form: 'dispute-mediation.visit', submit: '/cases/{id}/visit', next: 'page:cases' },
    {
      id: 'indicators',
      kind: 'table',
      title: t('调解成效（按小区）', 'Results by compound'),
      staffOnly: true,
      source: '/indicators?by=compound',
      columns: indicatorColumns({ zh: '小区', en: 'Compound' }),
      downloads: [{ title: t('导出 CSV', 'Export CSV'), source: '/indicators.csv?by=compound' }],
    },
    {
      id: 'indicators-company',
      kind: 'table',
      title: t('调解成效（按物业企业）', 'Results by property company'),
      staffOnly: true,
      source: '/indicators?by=company',
      columns: indicatorColumns({ zh: '物业服务企业', en: 'Property company' }),
      downloads: [{ title: t('导出 CSV', 'Export CSV'), source: '/indicators.csv?by=company' }],
    },
  ],
  widgets: [{ id: 'open', kind: 'stat', staffOnly: true, title: t('在办调解案件', 'Open mediation cases'), source: '/stats/open?orgId={orgId}' }],
};
