import type { WorkflowDefinition } from '@linli/sdk';
import { inspectorRoles, keeperRoles } from '../settings.js';

export const RECTIFICATION_WORKFLOW = 'service-stations.rectification';

const inspectors = inspectorRoles.map((role) => ({ role, scope: 'ancestor' as const }));
/** The station's community fixes it ("the station's community handles it"), or the compound's branch. */
const keepers = keeperRoles.map((role) => ({ role, scope: 'ancestor' as const }));

/**
 * One failed checklist item of a station inspection, through the core's
 * closed loop: 待整改 (the community fixes it, with a photo) → 待复核 (the
 * inspector checks) → 已销号; a fix that does not hold goes back. The
 * station is compliant again once every failed item is closed.
 */
export const rectificationWorkflow: WorkflowDefinition = {
  id: RECTIFICATION_WORKFLOW,
  title: { 'zh-CN': '服务站整改', en: 'Station rectification' },
  description: { 'zh-CN': '检查不合格 → 社区整改 → 复核销号', en: 'Failed at inspection → fixed by the community → checked and closed' },
  intakeForm: 'service-stations.rectification',
  titleField: 'title',
  create: inspectors,
  // Filed by the inspection route only: no intake page offers it (the afterCreate hook refuses one filed by hand).
  filedBy: 'plugin',
  initial: 'open',
  states: [
    { id: 'open', title: { 'zh-CN': '待整改', en: 'To fix' }, timeLimit: { days: 10, workingDays: true, remindBeforeHours: 24 } },
    { id: 'review', title: { 'zh-CN': '待复核', en: 'To check' }, timeLimit: { days: 3, workingDays: true } },
    { id: 'closed', title: { 'zh-CN': '已销号', en: 'Closed' }, terminal: true },
  ],
  transitions: [
    { name: 'rectify', visibility: 'internal', title: { 'zh-CN': '提交整改', en: 'Report the fix' }, from: 'open', to: 'review', allow: [...keepers], form: 'service-stations.rectify' },
    { name: 'verify', visibility: 'internal', title: { 'zh-CN': '复核销号', en: 'Check and close' }, from: 'review', to: 'closed', allow: [...inspectors], form: 'service-stations.verify' },
    { name: 'send-back', visibility: 'internal', title: { 'zh-CN': '复核未通过，退回整改', en: 'Not fixed: send back' }, from: 'review', to: 'open', allow: [...inspectors], commentRequired: true },
  ],
};
