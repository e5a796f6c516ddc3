import type { WebColumn, WebExtension } from '@linli/sdk';
import { conveners } from './permissions.js';
import { committeePages } from './web-committee.js';
import { unitOwnerPages } from './web-owners.js';

/** What an owner reads above their ballot: the question, where, the matter, the rule, the closing time. */
const summaryFields: WebColumn[] = [
  { field: 'title', title: { 'zh-CN': '表决议题', en: 'Question' } },
  { field: 'scopeName', title: { 'zh-CN': '表决范围', en: 'Scope' } },
  { field: 'matterTitle', title: { 'zh-CN': '事项', en: 'Matter' } },
  { field: 'ruleTitle', title: { 'zh-CN': '表决规则', en: 'Rule' } },
  { field: 'closesAt', title: { 'zh-CN': '截止', en: 'Closes' }, format: 'datetime' },
];

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
      rowLink: 'page:result?id={id}&status={status}&ballot={ballot}',
      rowActions: [
        { title: { 'zh-CN': '投票', en: 'Vote' }, to: 'page:ballot?vote={id}', when: { canVote: ['yes'], ballot: ['question'] } },
        // A committee election: a box per published candidate, ticked up to the seats.
        { title: { 'zh-CN': '投票', en: 'Vote' }, to: 'page:candidate-ballot?vote={id}&seats={seats}', when: { canVote: ['yes'], ballot: ['candidates'] } },
      ],
    },
    {
      id: 'ballot',
      kind: 'form',
      hidden: true,
      title: { 'zh-CN': '业主投票', en: 'Vote' },
      form: 'owners-self-governance.ballot',
      // The owner reads what they are voting on, and by which rule, above their choice.
      context: {
        source: '/votes/{vote}/summary',
        fields: summaryFields,
      },
      submit: '/votes/{vote}/ballot',
      next: 'page:my-votes',
    },
    {
      id: 'candidate-ballot',
      kind: 'form',
      hidden: true,
      title: { 'zh-CN': '业委会选举投票', en: 'Committee election ballot' },
      form: 'owners-self-governance.candidate-ballot',
      context: { source: '/votes/{vote}/summary', fields: [...summaryFields, { field: 'seats', title: { 'zh-CN': '应选人数', en: 'Seats' } }] },
      submit: '/votes/{vote}/candidate-ballot',
      next: 'page:my-votes',
    },
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
        // Units and persons, as Art. 9 counts owners and the count page says it (6户专有部分，按人计 4人).
        { field: 'turnout', title: { 'zh-CN': '已投票', en: 'Voted' } },
        { field: 'electorate', title: { 'zh-CN': '业主人数', en: 'Owners' } },
        { field: 'outcome', title: { 'zh-CN': '结果', en: 'Outcome' } },
        { field: 'origin', title: { 'zh-CN': '来源议题', en: 'Referred from' } },
      ],
      rowLink: 'page:result?id={id}&status={status}&ballot={ballot}',
      rowActions: [
        { title: { 'zh-CN': '登记纸质票', en: 'Paper ballot' }, to: 'page:paper?id={id}', roles: [...conveners], when: { status: ['open'], ballot: ['question'] } },
        { title: { 'zh-CN': '登记纸质票', en: 'Paper ballot' }, to: 'page:candidate-paper?id={id}&seats={seats}', roles: [...conveners], when: { status: ['open'], ballot: ['candidates'] } },
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
      // Shown while the vote is open (the link that opens the page says so, and which ballot it takes; none said: one answer).
      actions: [
        { title: { 'zh-CN': '登记纸质票', en: 'Paper ballot' }, to: 'page:paper?id={id}', roles: [...conveners], when: { status: ['open'], ballot: ['question', ''] } },
        { title: { 'zh-CN': '登记纸质票', en: 'Paper ballot' }, to: 'page:candidate-paper?id={id}&seats={seats}', roles: [...conveners], when: { status: ['open'], ballot: ['candidates'] } },
        { title: { 'zh-CN': '结束计票', en: 'Close and count' }, to: 'page:close?id={id}', roles: [...conveners], when: { status: ['open'] } },
      ],
    },
    { id: 'paper', kind: 'form', hidden: true, title: { 'zh-CN': '登记纸质选票', en: 'Record a paper ballot' }, form: 'owners-self-governance.paper-ballot', submit: '/votes/{id}/paper', next: 'page:result?id={id}&status=open' },
    { id: 'candidate-paper', kind: 'form', hidden: true, title: { 'zh-CN': '登记纸质选票（业委会选举）', en: 'Record a paper election ballot' }, form: 'owners-self-governance.candidate-paper-ballot', submit: '/votes/{id}/candidate-paper', next: 'page:result?id={id}&status=open&ballot=candidates' },
    { id: 'close', kind: 'form', hidden: true, title: { 'zh-CN': '结束表决并计票', en: 'Close and count' }, form: 'owners-self-governance.close', submit: '/votes/{id}/close', next: 'page:result?id={id}&status=closed' },
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
        { field: 'developerHeld', title: { 'zh-CN': '开发商持有', en: "Developer's" } },
        // Art. 9: the same buyer's units, and the developer's, are one owner in a vote's headcount.
        { field: 'headcount', title: { 'zh-CN': '表决计人', en: 'Counts as' } },
      ],
      // A unit's row leads to its owners: there an owner is added, linked or removed, and removals stay listed.
      rowLink: 'page:unit-owners?unit={id}',
      rowActions: [{ title: { 'zh-CN': '关联账号', en: 'Link account' }, to: 'page:link-account?unit={id}', roles: [...conveners] }],
    },
    { id: 'link-account', kind: 'form', hidden: true, title: { 'zh-CN': '关联业主账号', en: "Link an owner's account" }, form: 'owners-self-governance.link-account', submit: '/units/{unit}/account', next: 'page:units' },
    ...unitOwnerPages(staff),
    {
      id: 'elections',
      kind: 'table',
      title: { 'zh-CN': '业委会选举', en: "Committee elections" },
      roles: staff,
      staffOnly: true,
      source: '/elections',
      columns: [
        { field: 'title', title: { 'zh-CN': '选举', en: 'Election' } },
        { field: 'compoundName', title: { 'zh-CN': '小区', en: 'Compound' } },
        { field: 'statusTitle', title: { 'zh-CN': '状态', en: 'Status' }, format: 'badge' },
        { field: 'candidates', title: { 'zh-CN': '候选人', en: 'Candidates' }, format: 'number' },
        { field: 'pending', title: { 'zh-CN': '待审查项', en: 'Items pending' }, format: 'number' },
      ],
      rowLink: 'page:candidates?id={id}',
      rowActions: [
        { title: { 'zh-CN': '提名候选人', en: 'Nominate' }, to: 'page:nominate?id={id}', roles: [...conveners], when: { status: ['nominating'] } },
        { title: { 'zh-CN': '公布名单', en: 'Publish' }, to: 'page:publish?id={id}', roles: [...conveners], when: { status: ['nominating'] } },
        { title: { 'zh-CN': '发起选举表决', en: 'Open the vote' }, to: 'page:election-vote?id={id}', roles: [...conveners], when: { status: ['published'] } },
      ],
    },
    { id: 'new-election', kind: 'form', roles: [...conveners], title: { 'zh-CN': '成立筹备组', en: 'Preparatory group' }, form: 'owners-self-governance.election', submit: '/elections', next: 'page:elections' },
    {
      id: 'candidates',
      kind: 'table',
      hidden: true,
      title: { 'zh-CN': '候选人与联审', en: 'Candidates and vetting' },
      source: '/elections/{id}/candidates',
      actions: [
        { title: { 'zh-CN': '提名候选人', en: 'Nominate' }, to: 'page:nominate?id={id}', roles: [...conveners] },
        { title: { 'zh-CN': '公布名单', en: 'Publish' }, to: 'page:publish?id={id}', roles: [...conveners] },
      ],
      columns: [
        { field: 'name', title: { 'zh-CN': '候选人', en: 'Candidate' } },
        { field: 'unit', title: { 'zh-CN': '房屋', en: 'Unit' } },
        { field: 'nomination', title: { 'zh-CN': '提名方式', en: 'Nominated by' } },
        { field: 'verdict', title: { 'zh-CN': '审查', en: 'Vetting' }, format: 'badge' },
        { field: 'passed', title: { 'zh-CN': '通过项', en: 'Passed' }, format: 'number' },
        { field: 'failed', title: { 'zh-CN': '不通过项', en: 'Failed' }, format: 'number' },
        { field: 'pending', title: { 'zh-CN': '待审查', en: 'Pending' }, format: 'number' },
        { field: 'dueAt', title: { 'zh-CN': '审查时限', en: 'Due' }, format: 'datetime' },
        { field: 'overdue', title: { 'zh-CN': '逾期', en: 'Overdue' }, format: 'badge' },
      ],
      rowLink: 'page:candidate-checks?id={id}',
    },
    {
      id: 'candidate-checks',
      kind: 'table',
      hidden: true,
      title: { 'zh-CN': '联审明细', en: 'Vetting items' },
      source: '/candidates/{id}/checks',
      columns: [
        { field: 'kind', title: { 'zh-CN': '类别', en: 'Kind' } },
        { field: 'item', title: { 'zh-CN': '审查事项', en: 'Item' } },
        { field: 'checker', title: { 'zh-CN': '审查部门', en: 'Checker' } },
        { field: 'result', title: { 'zh-CN': '结论', en: 'Finding' }, format: 'badge' },
        { field: 'reason', title: { 'zh-CN': '理由', en: 'Reason' } },
        { field: 'checkedAt', title: { 'zh-CN': '审查时间', en: 'Checked' } },
      ],
    },
    { id: 'nominate', kind: 'form', hidden: true, title: { 'zh-CN': '提名候选人', en: 'Nominate a candidate' }, form: 'owners-self-governance.nominate', submit: '/elections/{id}/candidates', next: 'page:candidates?id={id}' },
    { id: 'publish', kind: 'form', hidden: true, title: { 'zh-CN': '公布候选人名单', en: 'Publish the vetted list' }, form: 'owners-self-governance.publish', submit: '/elections/{id}/publish', next: 'page:candidates?id={id}' },
    {
      id: 'checks',
      kind: 'table',
      title: { 'zh-CN': '候选人联审', en: 'Candidate vetting' },
      staffOnly: true,
      roles: [...staff, 'department_officer'],
      source: '/checks',
      columns: [
        { field: 'candidate', title: { 'zh-CN': '候选人', en: 'Candidate' } },
        { field: 'kind', title: { 'zh-CN': '类别', en: 'Kind' } },
        { field: 'item', title: { 'zh-CN': '审查事项', en: 'Item' } },
        { field: 'dueAt', title: { 'zh-CN': '审查时限', en: 'Due' }, format: 'datetime' },
        { field: 'overdue', title: { 'zh-CN': '逾期', en: 'Overdue' }, format: 'badge' },
      ],
      rowActions: [{ title: { 'zh-CN': '审查', en: 'Vet' }, to: 'page:check?id={id}' }],
    },
    { id: 'check', kind: 'form', hidden: true, title: { 'zh-CN': '候选人审查', en: 'Vet a candidate' }, form: 'owners-self-governance.check', submit: '/checks/{id}', next: 'page:checks' },
    ...committeePages(staff),
    { id: 'add-unit', kind: 'form', roles: [...conveners], title: { 'zh-CN': '登记房屋和业主', en: 'Register a unit' }, form: 'owners-self-governance.unit', submit: '/units', next: 'page:units' },
  ],
};
