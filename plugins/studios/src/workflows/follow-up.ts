import type { FormDefinition, FromSchema, WorkflowDefinition } from '@linli/sdk';

/**
 * A problem a studio meeting could not settle goes into the core's closed
 * loop: filed by the studio's staff at the resident's compound (or the
 * community), handled by whoever serves there, closed with a reply.
 */
export const FOLLOW_UP_WORKFLOW = 'studios.follow-up';

export const followUpSchema = {
  type: 'object',
  title: '工作室跟进问题',
  properties: {
    title: { type: 'string', title: '问题', minLength: 2, maxLength: 100 },
    description: { type: 'string', title: '问题描述', minLength: 5, maxLength: 2000 },
    studio: { type: 'string', title: '来源工作室', maxLength: 60 },
  },
  required: ['title', 'description'],
  additionalProperties: false,
} as const;
export type FollowUpData = FromSchema<typeof followUpSchema>;

export const followUpForm: FormDefinition = {
  id: 'studios.follow-up',
  title: { 'zh-CN': '工作室跟进问题', en: 'Studio follow-up' },
  schema: followUpSchema,
  uiSchema: { 'ui:order': ['title', 'description', 'studio'], description: { 'ui:widget': 'textarea' } },
  translations: { en: { '/': 'Studio follow-up', '/title': 'Problem', '/description': 'Description', '/studio': 'From the studio' } },
};

export const handleSchema = {
  type: 'object',
  title: '办理回复',
  properties: { result: { type: 'string', title: '办理结果', minLength: 2, maxLength: 2000 } },
  required: ['result'],
  additionalProperties: false,
} as const;

export const handleForm: FormDefinition = {
  id: 'studios.follow-up.handle',
  title: { 'zh-CN': '办理回复', en: 'Handle and reply' },
  schema: handleSchema,
  uiSchema: { result: { 'ui:widget': 'textarea' } },
  translations: { en: { '/': 'Handle and reply', '/result': 'Result' } },
};

const staff = [
  { role: 'community_secretary', scope: 'ancestor' },
  { role: 'community_staff', scope: 'ancestor' },
  { role: 'admin', scope: 'ancestor' },
] as const;
const solvers = [...staff, { role: 'grid_leader', scope: 'ancestor' }, { role: 'grid_worker', scope: 'ancestor' }, { role: 'branch_secretary', scope: 'ancestor' }] as const;

export const followUpWorkflow: WorkflowDefinition = {
  id: FOLLOW_UP_WORKFLOW,
  title: { 'zh-CN': '工作室跟进问题', en: 'Studio follow-up' },
  description: { 'zh-CN': '工作室接待发现 → 办理 → 回复销号', en: 'Found at a studio meeting → handled → closed with a reply' },
  intakeForm: 'studios.follow-up',
  titleField: 'title',
  create: [...staff],
  // Filed from a studio meeting's record (the problem found there), never from an intake page.
  filedBy: 'plugin',
  initial: 'open',
  states: [
    { id: 'open', title: { 'zh-CN': '待办理', en: 'Open' }, timeLimit: { days: 5, workingDays: true } },
    { id: 'done', title: { 'zh-CN': '已办结', en: 'Done' }, terminal: true },
  ],
  transitions: [
    { name: 'handle', visibility: 'public', title: { 'zh-CN': '办理回复', en: 'Handle and reply' }, from: 'open', to: 'done', allow: [...solvers], form: 'studios.follow-up.handle' },
  ],
};
