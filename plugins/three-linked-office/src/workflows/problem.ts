import type { WorkflowDefinition } from '@linli/sdk';
import { communityStaff, deciders, implementers } from '../permissions.js';

export const PROBLEM_WORKFLOW = 'three-linked-office.problem';

/**
 * A property problem through the three-linked office: raised 待会商 → decided
 * at a weekly meeting with all three parties present, naming the responsible
 * party and a deadline 落实中 → reported done 待验收 → verified and closed by
 * the residents' committee 已销号, or sent back. The meeting rules (quorum,
 * agenda, the party's org) are checked by the plugin's beforeTransition hook.
 */
export const problemWorkflow: WorkflowDefinition = {
  id: PROBLEM_WORKFLOW,
  title: { 'zh-CN': '三联办物业问题', en: 'Three-linked office: property problem' },
  description: {
    'zh-CN': '受理 → 每周三方会商（先急后缓、先易后难）→ 明确责任方和时限 → 落实 → 居委会验收销号',
    en: 'Intake → weekly three-party meeting (urgent before slow, easy before hard) → responsible party and deadline → implementation → verified and closed by the residents’ committee',
  },
  intakeForm: 'three-linked-office.problem.intake',
  titleField: 'title',
  // Residents and the people serving the compound raise problems there; the
  // property company and the owners' committee raise them for the compound
  // whose office they sit in (the afterCreate hook checks which one).
  create: [
    { role: 'resident', scope: 'ancestor' },
    { role: 'building_leader', scope: 'ancestor' },
    { role: 'grid_worker', scope: 'ancestor' },
    { role: 'party_grid_worker', scope: 'ancestor' },
    { role: 'grid_leader', scope: 'ancestor' },
    { role: 'branch_secretary', scope: 'ancestor' },
    ...communityStaff,
    { role: 'property_staff', scope: 'any' },
    { role: 'owners_committee_member', scope: 'any' },
    { role: 'admin', scope: 'ancestor' },
  ],
  intake: {
    title: { 'zh-CN': '小区物业难题，请三联办会商', en: 'A property problem for the three-linked office' },
    hint: { 'zh-CN': '居委会、业委会、物业三方每周会商，定责任方和时限', en: 'The residents’ committee, owners’ committee and property company decide it weekly, naming who and by when' },
    locationQuestion: { 'zh-CN': '问题出在哪个小区？', en: 'In which compound?' },
    submit: { 'zh-CN': '提交三联办', en: 'Send to the office' },
    success: { 'zh-CN': '已提交三联办，会排入最近一次三方会商，决定后可查看责任方和时限。', en: 'Sent: it goes on the next three-party meeting; the decision names who and by when.' },
  },
  initial: 'raised',
  states: [
    { id: 'raised', title: { 'zh-CN': '待会商', en: 'Awaiting the meeting' } },
    { id: 'decided', title: { 'zh-CN': '落实中', en: 'Being carried out' } },
    { id: 'implemented', title: { 'zh-CN': '待验收', en: 'Awaiting verification' }, timeLimit: { days: 3, workingDays: true, remindBeforeHours: 8 } },
    { id: 'closed', title: { 'zh-CN': '已销号', en: 'Closed' }, terminal: true },
    { id: 'rejected', title: { 'zh-CN': '不予受理', en: 'Not a property problem' }, terminal: true },
  ],
  transitions: [
    {
      name: 'decide', visibility: 'public',
      title: { 'zh-CN': '会商决定', en: 'Decide at the meeting' },
      from: 'raised',
      to: 'decided',
      allow: [...deciders],
      form: 'three-linked-office.problem.decide',
      effects: [
        { type: 'assign-org', field: 'responsibleOrgId' },
        { type: 'clear-assignee' },
        { type: 'set-deadline', field: 'deadline' },
      ],
    },
    { name: 'reject', visibility: 'public', title: { 'zh-CN': '不予受理', en: 'Reject' }, from: 'raised', to: 'rejected', allow: [...deciders], commentRequired: true },
    // Progress keeps the meeting's deadline: the hook carries it over.
    { name: 'progress', visibility: 'public', title: { 'zh-CN': '落实进展', en: 'Report progress' }, from: 'decided', to: 'decided', allow: [...implementers, ...communityStaff], form: 'three-linked-office.problem.progress' },
    { name: 'report-done', visibility: 'public', title: { 'zh-CN': '报告办结', en: 'Report done' }, from: 'decided', to: 'implemented', allow: [...implementers], form: 'three-linked-office.problem.done' },
    {
      name: 'reconsider',
      title: { 'zh-CN': '提交再议', en: 'Back to the meeting' },
      from: 'decided',
      to: 'raised',
      allow: [...deciders],
      commentRequired: true,
      effects: [{ type: 'assign-ticket-org' }],
    },
    { name: 'verify', visibility: 'public', title: { 'zh-CN': '验收销号', en: 'Verify and close' }, from: 'implemented', to: 'closed', allow: [...deciders], form: 'three-linked-office.problem.verify' },
    {
      name: 'send-back',
      title: { 'zh-CN': '退回重办', en: 'Send back' },
      from: 'implemented',
      to: 'decided',
      allow: [...deciders],
      form: 'three-linked-office.problem.send-back',
      effects: [{ type: 'set-deadline', field: 'deadline' }],
    },
  ],
};
