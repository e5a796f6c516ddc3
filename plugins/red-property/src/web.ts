import type { WebExtension } from '@linli/sdk';
import { bookkeeperRoles, evaluatorRoles } from './permissions.js';

/** The party organizations evaluate; the community and the branch keep the books; property staff see their own company's pages. */
const evaluators = [...evaluatorRoles, 'street_secretary', 'admin'];
const bookkeepers = [...bookkeeperRoles, 'admin'];
const supervisors = [...new Set([...evaluators, ...bookkeepers, 'property_staff', 'owners_committee_member', 'command_officer'])];

/**
 * Pages and dashboard widgets for the staff web app, as data. Complaints are
 * filed and worked through the core's ticket pages (上报 → 物业投诉, 待办);
 * these pages hold the supervision: companies, evaluation, the red/black
 * list, and each compound's three ledgers and four-party meetings.
 */
export const web: WebExtension = {
  pages: [
    {
      id: 'companies',
      roles: supervisors,
      kind: 'table',
      title: { 'zh-CN': '物业服务企业', en: 'Property companies' },
      source: '/companies',
      columns: [
        { field: 'name', title: { 'zh-CN': '企业', en: 'Company' } },
        { field: 'compounds', title: { 'zh-CN': '服务小区', en: 'Compounds' } },
        { field: 'complaints', title: { 'zh-CN': '本期投诉', en: 'Complaints this period' }, format: 'number' },
        { field: 'overdue', title: { 'zh-CN': '超时响应', en: 'Late responses' }, format: 'number' },
        { field: 'avgResponseHours', title: { 'zh-CN': '平均响应（小时）', en: 'Mean response (h)' }, format: 'number' },
        { field: 'satisfactionRate', title: { 'zh-CN': '满意率（%）', en: 'Satisfied (%)' }, format: 'number' },
        { field: 'latestRating', title: { 'zh-CN': '最近评价', en: 'Latest rating' }, format: 'badge' },
        { field: 'standingTitle', title: { 'zh-CN': '红黑榜', en: 'Red/black list' }, format: 'badge' },
        // Filled only when the city enables owners' self-governance.
        { field: 'ownersCommittee', title: { 'zh-CN': '业主委员会', en: "Owners' committee" }, optional: true },
      ],
      rowLink: 'page:credit?id={id}',
    },
    {
      id: 'credit',
      kind: 'table',
      hidden: true,
      title: { 'zh-CN': '物业服务信用档案', en: 'Credit file' },
      source: '/companies/{id}/credit',
      columns: [
        { field: 'recordedAt', title: { 'zh-CN': '时间', en: 'When' }, format: 'datetime' },
        { field: 'kindTitle', title: { 'zh-CN': '事项', en: 'Entry' }, format: 'badge' },
        { field: 'period', title: { 'zh-CN': '考核期', en: 'Period' } },
        { field: 'rating', title: { 'zh-CN': '评价', en: 'Rating' } },
        { field: 'total', title: { 'zh-CN': '得分', en: 'Score' }, format: 'number' },
        { field: 'note', title: { 'zh-CN': '说明', en: 'Note' } },
        { field: 'recordedBy', title: { 'zh-CN': '记录人', en: 'By' } },
      ],
    },
    {
      id: 'red-black-list',
      roles: supervisors,
      kind: 'table',
      title: { 'zh-CN': '红黑榜', en: 'Red and black list' },
      source: '/red-black-list',
      columns: [
        { field: 'standingTitle', title: { 'zh-CN': '榜单', en: 'List' }, format: 'badge' },
        { field: 'name', title: { 'zh-CN': '企业', en: 'Company' } },
        { field: 'compounds', title: { 'zh-CN': '服务小区', en: 'Compounds' } },
        { field: 'latestRating', title: { 'zh-CN': '最近评价', en: 'Latest rating' } },
        { field: 'latestPeriod', title: { 'zh-CN': '考核期', en: 'Period' } },
      ],
      rowLink: 'page:credit?id={id}',
    },
    { id: 'evaluate', kind: 'form', roles: evaluators, title: { 'zh-CN': '考核评价', en: 'Evaluate a company' }, form: 'red-property.evaluation', submit: '/evaluations', next: 'page:evaluations' },
    {
      id: 'evaluations',
      roles: supervisors,
      kind: 'table',
      title: { 'zh-CN': '考核记录', en: 'Evaluations' },
      source: '/evaluations',
      columns: [
        { field: 'period', title: { 'zh-CN': '考核期', en: 'Period' } },
        { field: 'companyName', title: { 'zh-CN': '企业', en: 'Company' } },
        { field: 'total', title: { 'zh-CN': '得分', en: 'Score' }, format: 'number' },
        { field: 'rating', title: { 'zh-CN': '评价', en: 'Rating' }, format: 'badge' },
        { field: 'complaints', title: { 'zh-CN': '期内投诉', en: 'Complaints' }, format: 'number' },
        { field: 'overdue', title: { 'zh-CN': '超时', en: 'Late' }, format: 'number' },
        { field: 'scoresText', title: { 'zh-CN': '分项', en: 'Scores' } },
        { field: 'evaluator', title: { 'zh-CN': '评价人', en: 'Evaluator' } },
      ],
    },
    {
      id: 'compounds',
      roles: supervisors,
      kind: 'table',
      title: { 'zh-CN': '小区三本账', en: 'Three ledgers' },
      source: '/compounds',
      columns: [
        { field: 'name', title: { 'zh-CN': '小区', en: 'Compound' } },
        { field: 'companyName', title: { 'zh-CN': '物业', en: 'Property company' } },
        { field: 'compoundType', title: { 'zh-CN': '类型', en: 'Kind' } },
        { field: 'households', title: { 'zh-CN': '户数', en: 'Households' }, format: 'number' },
        { field: 'balanceYuan', title: { 'zh-CN': '公共收益结余（元）', en: 'Public income balance (yuan)' } },
        { field: 'openMatters', title: { 'zh-CN': '在办实事', en: 'Open practical matters' }, format: 'number' },
      ],
      rowLink: 'page:ledger?compoundOrgId={id}',
    },
    {
      id: 'ledger',
      roles: supervisors,
      kind: 'table',
      title: { 'zh-CN': '物业费及公共收益清单', en: 'Fee and public-income ledger' },
      source: '/ledger?compoundOrgId={compoundOrgId}',
      columns: [
        { field: 'occurredOn', title: { 'zh-CN': '日期', en: 'Date' }, format: 'date' },
        { field: 'compoundName', title: { 'zh-CN': '小区', en: 'Compound' } },
        { field: 'kindTitle', title: { 'zh-CN': '收支', en: 'In/out' }, format: 'badge' },
        { field: 'category', title: { 'zh-CN': '科目', en: 'Category' } },
        { field: 'amountYuan', title: { 'zh-CN': '金额（元）', en: 'Amount (yuan)' } },
        { field: 'balanceYuan', title: { 'zh-CN': '结余（元）', en: 'Balance (yuan)' } },
        { field: 'purpose', title: { 'zh-CN': '用途/来源', en: 'Purpose' } },
      ],
    },
    { id: 'ledger-entry', kind: 'form', roles: bookkeepers, title: { 'zh-CN': '登记收支', en: 'Add a ledger entry' }, form: 'red-property.ledger-entry', submit: '/ledger', next: 'page:ledger' },
    { id: 'compound-file', kind: 'form', roles: bookkeepers, title: { 'zh-CN': '一区一档', en: 'Compound file' }, form: 'red-property.compound-file', submit: '/compound-files', next: 'page:compounds' },
    {
      id: 'practical-matters',
      roles: supervisors,
      kind: 'table',
      title: { 'zh-CN': '十件实事', en: 'Ten practical matters' },
      source: '/practical-matters',
      columns: [
        { field: 'year', title: { 'zh-CN': '年度', en: 'Year' } },
        { field: 'compoundName', title: { 'zh-CN': '小区', en: 'Compound' } },
        { field: 'title', title: { 'zh-CN': '实事', en: 'Matter' } },
        { field: 'statusTitle', title: { 'zh-CN': '状态', en: 'Status' }, format: 'badge' },
        { field: 'result', title: { 'zh-CN': '办理结果', en: 'Result' } },
      ],
      rowLink: 'page:matter-done?id={id}',
    },
    { id: 'practical-matter', kind: 'form', roles: bookkeepers, title: { 'zh-CN': '列入十件实事', en: 'Add a practical matter' }, form: 'red-property.practical-matter', submit: '/practical-matters', next: 'page:practical-matters' },
    { id: 'matter-done', kind: 'form', hidden: true, title: { 'zh-CN': '实事办结', en: 'Practical matter done' }, form: 'red-property.practical-matter.done', submit: '/practical-matters/{id}/done', next: 'page:practical-matters' },
    {
      id: 'meetings',
      roles: supervisors,
      kind: 'table',
      title: { 'zh-CN': '四方联席会议', en: 'Four-party meetings' },
      source: '/meetings',
      columns: [
        { field: 'heldOn', title: { 'zh-CN': '日期', en: 'Date' }, format: 'date' },
        { field: 'compoundName', title: { 'zh-CN': '小区', en: 'Compound' } },
        { field: 'topic', title: { 'zh-CN': '议题类别', en: 'Topic' }, format: 'badge' },
        { field: 'subject', title: { 'zh-CN': '议题', en: 'Subject' } },
        { field: 'absent', title: { 'zh-CN': '缺席方', en: 'Absent' } },
        { field: 'decision', title: { 'zh-CN': '会议决定', en: 'Decision' } },
      ],
    },
    { id: 'record-meeting', kind: 'form', roles: bookkeepers, title: { 'zh-CN': '登记联席会议', en: 'Record a four-party meeting' }, form: 'red-property.meeting', submit: '/meetings', next: 'page:meetings' },
  ],
  widgets: [
    { id: 'overdue', kind: 'stat', title: { 'zh-CN': '物业超时响应投诉', en: 'Complaints answered late' }, source: '/stats/overdue?orgId={orgId}' },
    {
      id: 'response-hours',
      kind: 'bar',
      title: { 'zh-CN': '物业平均响应时长（小时）', en: 'Mean response time (hours)' },
      source: '/stats/response-hours?orgId={orgId}',
      x: 'company',
      y: [{ field: 'avgResponseHours', title: { 'zh-CN': '小时', en: 'Hours' }, format: 'number' }],
    },
  ],
};
