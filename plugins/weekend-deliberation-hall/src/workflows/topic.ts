import type { WorkflowDefinition } from '@linli/sdk';
import { conveners, proposers, screeners, supervisors } from '../permissions.js';

export const TOPIC_WORKFLOW = 'weekend-deliberation-hall.topic';

/**
 * A topic 议题 through the weekend deliberation hall 周末议事厅:
 * proposed 待审核 → screened for reasonableness 合理性 (accepted 待上会, or
 * declined 不予受理 with a reason the resident reads) → put on a weekend
 * session's agenda 已排期 → deliberated and voted 民议民决 (passed: 落实中;
 * not passed: 未通过) → supervised by the community until done 待公示 →
 * the result posted 已公示. A matter only the owners decide together (Civil
 * Code Art. 278) is referred to an owners' vote instead 交业主共同决定 (业主表决中,
 * then 落实中 or 未通过 by the counted vote). The session rules (agenda, attendance by
 * stakeholder group, the vote counts and the pass rule) are the plugin's
 * beforeTransition hook, whichever route a step comes through.
 */
export const topicWorkflow: WorkflowDefinition = {
  id: TOPIC_WORKFLOW,
  title: { 'zh-CN': '周末议事厅议题', en: 'Weekend deliberation hall topic' },
  description: {
    'zh-CN': '居民提出议题 → 社区合理性审核 → 排入周末议事活动 → 协商表决（民事、民议、民决）→ 监督落实 → 结果公示',
    en: 'Resident raises a topic → community screens it → weekend session → deliberation and vote → supervised implementation → public notice',
  },
  intakeForm: 'weekend-deliberation-hall.topic',
  titleField: 'title',
  create: [...proposers],
  intake: {
    title: { 'zh-CN': '提一个议题（周末议事厅）', en: 'Raise a topic for the weekend hall' },
    hint: { 'zh-CN': '小区里想请大家一起商量、表决的公共事务', en: 'A shared matter of the compound to deliberate and vote on' },
    locationQuestion: { 'zh-CN': '议题涉及哪个小区？', en: 'Which compound is it about?' },
    submit: { 'zh-CN': '提交议题', en: 'Raise the topic' },
    success: { 'zh-CN': '议题已提交：社区审核后排入周末议事活动，表决结果会公示。', en: 'Topic raised: after the community screens it, it goes to a weekend session; the result is posted.' },
    mapPin: false,
  },
  initial: 'proposed',
  states: [
    { id: 'proposed', title: { 'zh-CN': '待审核', en: 'Awaiting screening' }, timeLimit: { days: 5, workingDays: true, remindBeforeHours: 8 } },
    { id: 'accepted', title: { 'zh-CN': '待上会', en: 'Accepted, awaiting a session' } },
    { id: 'scheduled', title: { 'zh-CN': '已排期', en: 'On a session agenda' } },
    // Referred to the owners (交业主共同决定): waits for their vote in owners-self-governance.
    { id: 'owners-voting', title: { 'zh-CN': '业主表决中', en: "Owners' vote under way" } },
    { id: 'implementing', title: { 'zh-CN': '落实中', en: 'Being implemented' } },
    { id: 'completed', title: { 'zh-CN': '待公示', en: 'Done, awaiting notice' }, timeLimit: { days: 3, workingDays: true } },
    { id: 'publicized', title: { 'zh-CN': '已公示', en: 'Publicized' }, terminal: true },
    { id: 'not-adopted', title: { 'zh-CN': '未通过', en: 'Not adopted' }, terminal: true },
    { id: 'declined', title: { 'zh-CN': '不予受理', en: 'Declined' }, terminal: true },
  ],
  transitions: [
    { name: 'accept', visibility: 'public', title: { 'zh-CN': '受理（纳入议事项目）', en: 'Accept into the agenda' }, from: 'proposed', to: 'accepted', allow: [...screeners], form: 'weekend-deliberation-hall.topic.accept' },
    { name: 'decline', visibility: 'public', title: { 'zh-CN': '不予受理', en: 'Decline' }, from: 'proposed', to: 'declined', allow: [...screeners], form: 'weekend-deliberation-hall.topic.decline' },
    { name: 'schedule', visibility: 'public', title: { 'zh-CN': '排入议程', en: 'Put on a session' }, from: 'accepted', to: 'scheduled', allow: [...conveners], form: 'weekend-deliberation-hall.topic.schedule' },
    { name: 'unschedule', visibility: 'public', title: { 'zh-CN': '移出议程', en: 'Take off the agenda' }, from: 'scheduled', to: 'accepted', allow: [...conveners], commentRequired: true },
    { name: 'resolve', visibility: 'public', title: { 'zh-CN': '表决通过', en: 'Resolution passed' }, from: 'scheduled', to: 'implementing', allow: [...conveners], form: 'weekend-deliberation-hall.topic.vote' },
    { name: 'not-adopt', visibility: 'public', title: { 'zh-CN': '表决未通过', en: 'Resolution not passed' }, from: 'scheduled', to: 'not-adopted', allow: [...conveners], form: 'weekend-deliberation-hall.topic.vote' },
    // Matters only the owners decide together (Civil Code Art. 278): an owners' vote, only where the city enables owners-self-governance.
    {
      name: 'refer-owners',
      visibility: 'public',
      title: { 'zh-CN': '交业主共同决定', en: "Refer to an owners' vote" },
      from: ['accepted', 'scheduled'],
      to: 'owners-voting',
      allow: [...conveners],
      form: 'weekend-deliberation-hall.topic.refer',
      requiresPlugin: 'owners-self-governance',
    },
    { name: 'owners-passed', visibility: 'public', title: { 'zh-CN': '业主表决通过', en: "Owners' vote passed" }, from: 'owners-voting', to: 'implementing', allow: [...conveners], form: 'weekend-deliberation-hall.topic.owners-passed', requiresPlugin: 'owners-self-governance' },
    { name: 'owners-failed', visibility: 'public', title: { 'zh-CN': '业主表决未通过', en: "Owners' vote not passed" }, from: 'owners-voting', to: 'not-adopted', allow: [...conveners], requiresPlugin: 'owners-self-governance' },
    // A supervision note stays in the same state; the hook keeps the resolution's deadline.
    { name: 'supervise', title: { 'zh-CN': '监督落实', en: 'Supervision update' }, from: 'implementing', to: 'implementing', allow: [...supervisors], form: 'weekend-deliberation-hall.topic.supervise' },
    { name: 'complete', visibility: 'public', title: { 'zh-CN': '落实完成', en: 'Implementation done' }, from: 'implementing', to: 'completed', allow: [...conveners], form: 'weekend-deliberation-hall.topic.complete' },
    { name: 'publicize', visibility: 'public', title: { 'zh-CN': '结果公示', en: 'Post the public notice' }, from: 'completed', to: 'publicized', allow: [...conveners], form: 'weekend-deliberation-hall.topic.publicize' },
  ],
};
