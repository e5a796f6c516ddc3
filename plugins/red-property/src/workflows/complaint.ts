import type { WorkflowDefinition } from '@linli/sdk';

export const COMPLAINT_WORKFLOW = 'red-property.complaint';

/** The intake desk 集中受理: community staff, the compound's party branch, grid workers, and the city command centre. */
export const dispatchers = [
  { role: 'community_staff', scope: 'ancestor' },
  { role: 'community_secretary', scope: 'ancestor' },
  { role: 'branch_secretary', scope: 'ancestor' },
  { role: 'grid_worker', scope: 'ancestor' },
  { role: 'grid_leader', scope: 'ancestor' },
  { role: 'command_officer', scope: 'any' },
] as const;

/** The property company's people, once the complaint is assigned to it. */
const company = [{ role: 'property_staff', scope: 'assigned-org' }] as const;

/**
 * 物业投诉 (Tianchang's 随手拍, Chuzhou's 物业服务e见箱): filed with photos →
 * dispatched within a day to the compound's property company 一键交办 → the
 * company answers within two working days 限时办结 → the complainant or the
 * community verifies 成效群众判, or sends it back. Which company is checked
 * by the beforeTransition hook against the plugin's options.
 */
export const complaintWorkflow: WorkflowDefinition = {
  id: COMPLAINT_WORKFLOW,
  title: { 'zh-CN': '物业投诉', en: 'Property complaint' },
  description: {
    'zh-CN': '随手拍投诉 → 集中受理、一键交办物业 → 物业限时答复 → 投诉人或社区核实评价',
    en: 'Snap and report → central intake, dispatch to the property company → time-limited response → verified by the complainant or the community',
  },
  intakeForm: 'red-property.complaint',
  titleField: 'title',
  create: [
    { role: 'resident', scope: 'ancestor' },
    { role: 'building_leader', scope: 'ancestor' },
    { role: 'owners_committee_member', scope: 'any' },
    { role: 'party_grid_worker', scope: 'ancestor' },
    ...dispatchers,
  ],
  intake: {
    title: { 'zh-CN': '物业投诉', en: 'Complain about the property company' },
    hint: { 'zh-CN': '保安保洁、维修养护、收费公示不到位：社区交办小区物业，限时答复', en: 'Security, cleaning, repairs, fees: the community passes it to the compound’s company, which must answer in time' },
    locationQuestion: { 'zh-CN': '在哪个小区、哪栋楼？', en: 'Which compound or building?' },
    submit: { 'zh-CN': '提交投诉', en: 'Send the complaint' },
    success: { 'zh-CN': '投诉已收到：社区一天内交办物业，物业两个工作日内答复，请留意办理进度。', en: 'Complaint received: the community passes it to the property company within a day; it answers within two working days.' },
  },
  initial: 'submitted',
  states: [
    { id: 'submitted', title: { 'zh-CN': '待交办', en: 'Awaiting dispatch' }, timeLimit: { hours: 24 } },
    { id: 'dispatched', title: { 'zh-CN': '物业处理中', en: 'With the property company' }, timeLimit: { days: 2, workingDays: true, remindBeforeHours: 8 } },
    { id: 'responded', title: { 'zh-CN': '待核实', en: 'Awaiting verification' }, timeLimit: { days: 3 } },
    { id: 'closed', title: { 'zh-CN': '已办结', en: 'Closed' }, terminal: true },
    { id: 'rejected', title: { 'zh-CN': '不予受理', en: 'Not accepted' }, terminal: true },
    { id: 'withdrawn', title: { 'zh-CN': '已撤回', en: 'Withdrawn' }, terminal: true },
  ],
  transitions: [
    {
      name: 'dispatch',
      title: { 'zh-CN': '交办物业', en: 'Dispatch to the property company' },
      from: 'submitted',
      to: 'dispatched',
      allow: [...dispatchers],
      form: 'red-property.complaint.dispatch',
      effects: [{ type: 'assign-org', field: 'propertyOrgId' }, { type: 'clear-assignee' }],
    },
    { name: 'reject', visibility: 'public', title: { 'zh-CN': '不予受理', en: 'Do not accept' }, from: 'submitted', to: 'rejected', allow: [...dispatchers], commentRequired: true },
    { name: 'withdraw', title: { 'zh-CN': '撤回', en: 'Withdraw' }, from: 'submitted', to: 'withdrawn', allow: [{ scope: 'reporter' }], commentRequired: true },
    {
      name: 'recall',
      title: { 'zh-CN': '收回', en: 'Recall' },
      from: 'dispatched',
      to: 'submitted',
      allow: [...dispatchers],
      // Dispatched to the wrong company, or to be handled another way: back to the intake desk, the reason in the history.
      commentRequired: true,
      effects: [{ type: 'assign-previous' }],
    },
    { name: 'respond', visibility: 'public', title: { 'zh-CN': '物业答复', en: 'Respond' }, from: 'dispatched', to: 'responded', allow: [...company], form: 'red-property.complaint.respond' },
    {
      name: 'verify', visibility: 'public',
      title: { 'zh-CN': '核实评价', en: 'Verify and close' },
      from: 'responded',
      to: 'closed',
      allow: [{ scope: 'reporter' }, ...dispatchers],
      form: 'red-property.complaint.verify',
    },
    {
      name: 'send-back',
      title: { 'zh-CN': '未解决，退回物业', en: 'Not solved: send back' },
      from: 'responded',
      to: 'dispatched',
      allow: [{ scope: 'reporter' }, ...dispatchers],
      commentRequired: true,
    },
  ],
};
