import type { WorkflowDefinition } from '@linli/sdk';
import { visitorRoles } from '../settings.js';

export const PROBLEM_WORKFLOW = 'door-knocking.problem';

/** Everyone who knocks on doors, at the problem's building or above it. */
const visitors = visitorRoles.map((role) => ({ role, scope: 'ancestor' as const }));

/** Who solves a problem found on a visit: "small matters stay in the building" 小事不出楼栋. */
const solvers = [
  { role: 'building_leader', scope: 'ancestor' },
  { role: 'grid_worker', scope: 'ancestor' },
  { role: 'party_grid_worker', scope: 'ancestor' },
  { role: 'grid_leader', scope: 'ancestor' },
  { role: 'community_staff', scope: 'ancestor' },
  { role: 'community_secretary', scope: 'ancestor' },
] as const;

/**
 * A problem found on a door-knocking visit: reported at the household's
 * building → handled by the building leader, the grid or the community →
 * closed after a return visit 回访销号 (the plugin's beforeTransition hook
 * refuses `confirm` until someone has visited the household again).
 */
export const problemWorkflow: WorkflowDefinition = {
  id: PROBLEM_WORKFLOW,
  title: { 'zh-CN': '走访问题', en: 'Door-knocking problem' },
  description: { 'zh-CN': '走访发现 → 办理 → 回访销号', en: 'Found on a visit → handled → closed after a return visit' },
  intakeForm: 'door-knocking.problem',
  titleField: 'title',
  create: visitors,
  // Filed at the household's building (the afterCreate hook refuses anything else).
  intake: {
    title: { 'zh-CN': '走访发现的问题', en: 'A problem found on a visit' },
    hint: { 'zh-CN': '入户走访时看到或住户反映的问题：楼栋长、网格或社区办理，回访后销号', en: 'Seen or heard on a home visit: handled by the building leader, the grid or the community, closed after a return visit' },
    locationQuestion: { 'zh-CN': '在哪栋楼？', en: 'In which building?' },
    submit: { 'zh-CN': '登记问题', en: 'Record the problem' },
    success: { 'zh-CN': '问题已登记，办理后请回访销号。', en: 'Recorded: visit the household again once it is handled, to close it.' },
    places: ['building'],
    mapPin: false,
  },
  initial: 'reported',
  states: [
    { id: 'reported', title: { 'zh-CN': '待办理', en: 'Reported' }, timeLimit: { days: 3, workingDays: true, remindBeforeHours: 8 } },
    // Until the next round at the latest: the visitor comes back within half a month.
    { id: 'handled', title: { 'zh-CN': '待回访', en: 'Awaiting return visit' }, timeLimit: { days: 15 } },
    { id: 'closed', title: { 'zh-CN': '已销号', en: 'Closed' }, terminal: true },
    { id: 'withdrawn', title: { 'zh-CN': '已撤销', en: 'Withdrawn' }, terminal: true },
  ],
  transitions: [
    { name: 'handle', visibility: 'public', title: { 'zh-CN': '办理', en: 'Handle' }, from: 'reported', to: 'handled', allow: [...solvers], form: 'door-knocking.handle' },
    {
      name: 'confirm', visibility: 'public',
      title: { 'zh-CN': '回访销号', en: 'Close after return visit' },
      from: 'handled',
      to: 'closed',
      allow: [{ scope: 'reporter' }, ...solvers],
      form: 'door-knocking.confirm',
    },
    { name: 'reopen', visibility: 'public', title: { 'zh-CN': '回访未解决，重新办理', en: 'Not solved: reopen' }, from: 'handled', to: 'reported', allow: [{ scope: 'reporter' }, ...solvers], commentRequired: true },
    { name: 'withdraw', title: { 'zh-CN': '撤销', en: 'Withdraw' }, from: 'reported', to: 'withdrawn', allow: [{ scope: 'reporter' }, ...solvers], commentRequired: true },
  ],
};
