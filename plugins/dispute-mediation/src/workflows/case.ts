import type { WorkflowDefinition } from '@linli/sdk';

export const CASE_WORKFLOW = 'dispute-mediation.case';
export const TEAM_ENROLMENT = 'dispute-mediation.team';

/** The community's mediation desk 调解室: its secretary and staff, the residents' committee, the compound's branch secretary. */
export const intakeRoles = ['community_secretary', 'community_staff', 'branch_secretary'] as const;
export const desk = [
  { role: 'community_secretary', scope: 'ancestor' },
  { role: 'community_staff', scope: 'ancestor' },
  { role: 'branch_secretary', scope: 'ancestor' },
  { role: 'residents_committee_member', scope: 'host' },
] as const;

/**
 * The case's mediators: whoever the team table enrols at the case's compound
 * (the core reads it, `enrolments` in plugin.ts); the beforeTransition hook
 * narrows it to this case's own team.
 */
const team = [{ scope: 'enrolled', enrolment: TEAM_ENROLMENT }] as const;

/** Whoever a referral went to: the street, the court or the department (its officers). */
const receiver = [
  { role: 'department_officer', scope: 'assigned-org' },
  { role: 'street_secretary', scope: 'assigned-org' },
] as const;

/**
 * 物业纠纷调解 (Nan'an's mediation rooms and "8+X" teams): taken in at the
 * compound → a team from the city's pools (组建调解团队, the plugin's page)
 * → sessions with attendance and a record → a signed agreement, or a
 * referral to the street, a court or a department that reports back → a
 * follow-up visit closes it. Each state has its time limit.
 */
export const caseWorkflow: WorkflowDefinition = {
  id: CASE_WORKFLOW,
  title: { 'zh-CN': '物业纠纷调解', en: 'Property dispute mediation' },
  description: {
    'zh-CN': '受理 → 组建“8+X”调解团队 → 调解（出席、笔录）→ 达成协议或移交街道、法院、职能部门 → 回访结案',
    en: 'Intake → an "8+X" mediation team → sessions (attendance, record) → a signed agreement, or a referral to the street, a court or a department → follow-up visit',
  },
  intakeForm: 'dispute-mediation.case',
  titleField: 'title',
  create: [...desk],
  intake: {
    title: { 'zh-CN': '受理一起物业纠纷', en: 'Take in a property dispute' },
    hint: { 'zh-CN': '业主与物业之间的费用、服务、维修等纠纷，登记后组建调解团队', en: 'A dispute between owners and their property company (fees, service, repairs); a mediation team is formed next' },
    locationQuestion: { 'zh-CN': '纠纷发生在哪个小区？', en: 'Which compound is the dispute in?' },
    submit: { 'zh-CN': '受理纠纷', en: 'Take in the dispute' },
    success: { 'zh-CN': '纠纷已受理：请在两个工作日内组建调解团队。', en: 'Dispute taken in: form the mediation team within two working days.' },
    places: ['compound'],
    mapPin: false,
  },
  initial: 'accepted',
  states: [
    { id: 'accepted', title: { 'zh-CN': '待组建团队', en: 'Awaiting a team' }, timeLimit: { days: 2, workingDays: true } },
    // 人民调解: a dispute is mediated within 30 days of intake, or referred.
    { id: 'mediating', title: { 'zh-CN': '调解中', en: 'In mediation' }, timeLimit: { days: 30, remindBeforeHours: 72 } },
    { id: 'referred', title: { 'zh-CN': '已移交', en: 'Referred' }, timeLimit: { days: 15, workingDays: true, remindBeforeHours: 24 } },
    { id: 'agreed', title: { 'zh-CN': '已达成协议·待回访', en: 'Agreed: follow-up due' }, timeLimit: { days: 30 } },
    { id: 'replied', title: { 'zh-CN': '移交已办结·待回访', en: 'Referral answered: follow-up due' }, timeLimit: { days: 15 } },
    { id: 'closed', title: { 'zh-CN': '已结案', en: 'Closed' }, terminal: true },
    { id: 'withdrawn', title: { 'zh-CN': '已撤回', en: 'Withdrawn' }, terminal: true },
  ],
  transitions: [
    // Taken by the plugin's 组建调解团队 route once the team is written; the hook refuses it without one.
    { name: 'form-team', title: { 'zh-CN': '组建调解团队', en: 'Form the team' }, from: 'accepted', to: 'mediating', allow: [...desk] },
    { name: 'agree', title: { 'zh-CN': '达成调解协议', en: 'Record the agreement' }, from: 'mediating', to: 'agreed', allow: [...team, ...desk], form: 'dispute-mediation.agreement' },
    {
      name: 'refer',
      title: { 'zh-CN': '移交处理', en: 'Refer' },
      from: 'mediating',
      to: 'referred',
      allow: [...team, ...desk],
      form: 'dispute-mediation.referral',
      effects: [{ type: 'assign-org', field: 'targetOrgId' }, { type: 'clear-assignee' }],
    },
    {
      name: 'reply',
      title: { 'zh-CN': '办理反馈', en: 'Report back' },
      from: 'referred',
      to: 'replied',
      allow: [...receiver],
      form: 'dispute-mediation.reply',
      // It stays with the receiver, who keeps seeing what it answered; the community (above the compound) makes the follow-up visit.
    },
    { name: 'send-back', title: { 'zh-CN': '退回调解', en: 'Send back to mediation' }, from: 'referred', to: 'mediating', allow: [...receiver], commentRequired: true, effects: [{ type: 'assign-ticket-org' }] },
    { name: 'visit', title: { 'zh-CN': '回访结案', en: 'Follow-up visit and close' }, from: ['agreed', 'replied'], to: 'closed', allow: [...team, ...desk], form: 'dispute-mediation.visit' },
    { name: 'withdraw', title: { 'zh-CN': '撤回申请', en: 'Withdraw' }, from: ['accepted', 'mediating'], to: 'withdrawn', allow: [...desk], commentRequired: true },
  ],
};
