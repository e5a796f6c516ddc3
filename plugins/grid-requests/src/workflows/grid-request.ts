import type { WorkflowDefinition } from '@linli/sdk';

const gridStaff = [
  { role: 'grid_worker', scope: 'ancestor' },
  { role: 'party_grid_worker', scope: 'ancestor' },
  { role: 'grid_leader', scope: 'ancestor' },
  { role: 'community_staff', scope: 'ancestor' },
  { role: 'community_secretary', scope: 'ancestor' },
] as const;

/** Who dispatches (派单), and so may reassign or recall what was dispatched: the community and the city's command centre. */
const dispatchers = [
  { role: 'community_secretary', scope: 'ancestor' },
  { role: 'community_staff', scope: 'ancestor' },
  { role: 'command_officer', scope: 'any' },
] as const;

const handlers = [
  { role: 'department_officer', scope: 'assigned-org' },
  { role: 'property_staff', scope: 'assigned-org' },
  { role: 'community_staff', scope: 'assigned-org' },
] as const;

/**
 * The closed loop of DOMAIN.md §3 as Ji'an and Tianchang run it: collect 收集
 * → sort 梳理 → dispatch 派单 → handle 处理 → feedback 反馈. Small matters are
 * solved in the grid ("小事不出楼栋"); others are dispatched to a department or
 * the property company, who may return an order that is not theirs.
 */
export const gridRequestWorkflow: WorkflowDefinition = {
  id: 'grid-request',
  title: { 'zh-CN': '网格诉求', en: 'Grid request' },
  description: { 'zh-CN': '收集 → 梳理 → 派单 → 处理 → 反馈，闭环销号', en: 'Collect → sort → dispatch → handle → feedback, closed loop' },
  intakeForm: 'grid-request.intake',
  titleField: 'title',
  // Residents file for their own compound; grid staff, the command centre and
  // administrators also take requests by phone or in person and file them.
  create: [
    { role: 'resident', scope: 'ancestor' },
    { role: 'building_leader', scope: 'ancestor' },
    ...gridStaff,
    { role: 'command_officer', scope: 'ancestor' },
    { role: 'admin', scope: 'ancestor' },
  ],
  intake: {
    title: { 'zh-CN': '小区里的问题（随手拍）', en: 'A problem where I live (snap and report)' },
    hint: { 'zh-CN': '环境卫生、物业服务、公共设施、安全隐患、邻里纠纷', en: 'Sanitation, property services, facilities, hazards, neighbour disputes' },
    locationQuestion: { 'zh-CN': '问题在哪里？', en: 'Where is the problem?' },
    submit: { 'zh-CN': '提交反映', en: 'Send' },
    success: { 'zh-CN': '已收到您的反映，网格员会尽快受理。', en: 'Received: a grid worker will take it up soon.' },
  },
  initial: 'collected',
  states: [
    { id: 'collected', title: { 'zh-CN': '已收集', en: 'Collected' }, timeLimit: { hours: 24, remindBeforeHours: 4 } },
    { id: 'sorted', title: { 'zh-CN': '已梳理', en: 'Sorted' }, timeLimit: { hours: 24 } },
    { id: 'dispatched', title: { 'zh-CN': '已派单', en: 'Dispatched' }, timeLimit: { days: 3, workingDays: true, remindBeforeHours: 8 } },
    { id: 'handled', title: { 'zh-CN': '待评价', en: 'Awaiting feedback' }, timeLimit: { days: 3 } },
    { id: 'closed', title: { 'zh-CN': '已办结', en: 'Closed' }, terminal: true },
    { id: 'rejected', title: { 'zh-CN': '不予受理', en: 'Not accepted' }, terminal: true },
  ],
  transitions: [
    { name: 'sort', title: { 'zh-CN': '梳理', en: 'Sort' }, from: 'collected', to: 'sorted', allow: [...gridStaff], form: 'grid-request.sort' },
    // The reason for not accepting and what was done are replies to the resident; sorting and dispatch notes stay internal (the default).
    { name: 'reject', title: { 'zh-CN': '不予受理', en: 'Reject' }, from: ['collected', 'sorted'], to: 'rejected', allow: [...gridStaff], commentRequired: true, visibility: 'public' },
    { name: 'solve-in-grid', title: { 'zh-CN': '网格内解决', en: 'Solve in the grid' }, from: 'sorted', to: 'handled', allow: [...gridStaff], form: 'grid-request.handle', visibility: 'public' },
    {
      name: 'dispatch',
      title: { 'zh-CN': '派单', en: 'Dispatch' },
      from: 'sorted',
      to: 'dispatched',
      allow: [...dispatchers],
      form: 'grid-request.dispatch',
      // The dispatcher may pick the handling unit; left empty, the city's dispatch rules (routing) choose it.
      effects: [{ type: 'route', field: 'assigneeOrgId' }, { type: 'clear-assignee' }],
    },
    {
      name: 'reassign',
      title: { 'zh-CN': '改派', en: 'Reassign' },
      from: 'dispatched',
      to: 'dispatched',
      allow: [...dispatchers],
      form: 'grid-request.dispatch',
      // Dispatched to the wrong unit: the dispatcher or the command centre sends it to the right one; the reason stays in the history.
      commentRequired: true,
      effects: [{ type: 'route', field: 'assigneeOrgId' }, { type: 'clear-assignee' }],
    },
    {
      name: 'recall',
      title: { 'zh-CN': '收回', en: 'Recall' },
      from: 'dispatched',
      to: 'sorted',
      allow: [...dispatchers],
      commentRequired: true,
      // Back to the desk that dispatched it, to solve in the grid or dispatch again.
      effects: [{ type: 'assign-previous' }],
    },
    { name: 'handle', title: { 'zh-CN': '办结回复', en: 'Report handled' }, from: 'dispatched', to: 'handled', allow: [...handlers], form: 'grid-request.handle', visibility: 'public' },
    {
      name: 'return',
      title: { 'zh-CN': '退回（非本单位职责）', en: 'Return (not ours)' },
      from: 'dispatched',
      to: 'sorted',
      allow: [...handlers],
      commentRequired: true,
      // "Not ours": back to whoever dispatched it (never to the resident), with the reason in the history.
      effects: [{ type: 'assign-previous' }],
    },
    {
      name: 'confirm',
      title: { 'zh-CN': '评价销号', en: 'Rate and close' },
      from: 'handled',
      to: 'closed',
      // 成效群众判: the resident who filed it judges the result (1–5).
      allow: [{ scope: 'reporter' }],
      form: 'grid-request.feedback',
      rating: { field: 'rating' },
    },
    {
      name: 'close-unrated',
      title: { 'zh-CN': '代为销号（群众未评价）', en: 'Close without the resident\'s rating' },
      from: 'handled',
      to: 'closed',
      // The resident did not rate in time or cannot be reached: staff close it, say why, and it counts as closed without a rating.
      allow: [...gridStaff],
      commentRequired: true,
      visibility: 'public',
    },
    {
      name: 'rework',
      title: { 'zh-CN': '核实未办好，重新办理', en: 'Not done: rework' },
      from: 'handled',
      to: 'sorted',
      // The grid checks the result (回访核实) and finds it not done: back to sorting, the reason in the history. Not a resident's reopen.
      allow: [...gridStaff],
      commentRequired: true,
    },
    {
      name: 'reopen',
      title: { 'zh-CN': '不满意，重新办理', en: 'Not satisfied: reopen' },
      from: ['handled', 'closed'],
      to: 'sorted',
      allow: [{ scope: 'reporter' }],
      commentRequired: true,
      // Once, and within 7 days of closing.
      reopen: { limit: 1, withinDays: 7 },
    },
  ],
};
