import { enumLabels, orgPicker, type FormDefinition } from '@linli/sdk';
import { categories, categoryLabels } from './intake.js';

const urgencies = ['急', '缓'] as const;

export const sortForm: FormDefinition = {
  id: 'grid-request.sort',
  title: { 'zh-CN': '梳理诉求', en: 'Sort the request' },
  schema: {
    type: 'object',
    properties: {
      category: { type: 'string', title: '确认类别', enum: categories },
      urgency: { type: 'string', title: '紧急程度', enum: urgencies, default: '缓' },
      note: { type: 'string', title: '梳理意见', maxLength: 1000 },
    },
    required: ['category', 'urgency'],
    additionalProperties: false,
  },
  uiSchema: { urgency: { 'ui:widget': 'radio' }, note: { 'ui:widget': 'textarea' } },
  translations: { en: { '/': 'Sort the request', '/category': 'Category', ...categoryLabels('/category'), '/urgency': 'Urgency', ...enumLabels('/urgency', urgencies, { 急: 'Urgent', 缓: 'Can wait' }), '/note': 'Notes' } },
};

export const dispatchForm: FormDefinition = {
  id: 'grid-request.dispatch',
  title: { 'zh-CN': '派单', en: 'Dispatch' },
  schema: {
    type: 'object',
    properties: {
      assigneeOrgId: { type: 'string', title: '承办单位（不选则按派单规则自动分派）', pattern: '^[0-9]{1,10}$' },
      instructions: { type: 'string', title: '办理要求', maxLength: 1000 },
    },
    additionalProperties: false,
  },
  // Units that handle requests here: the city's departments, this compound's property company, this community's residents' committee.
  uiSchema: { assigneeOrgId: orgPicker({ kind: 'side', types: ['department', 'property_company', 'residents_committee'], near: true, search: true }), instructions: { 'ui:widget': 'textarea' } },
  translations: { en: { '/': 'Dispatch', '/assigneeOrgId': 'Handling unit (empty: by the dispatch rules)', '/instructions': 'Instructions' } },
};

export const handleForm: FormDefinition = {
  id: 'grid-request.handle',
  title: { 'zh-CN': '办理结果', en: 'Handling result' },
  schema: {
    type: 'object',
    properties: {
      result: { type: 'string', title: '办理情况', minLength: 2, maxLength: 2000 },
      photos: { type: 'array', title: '办结照片', maxItems: 6, items: { type: 'string', pattern: '^[0-9]{1,10}$' } },
    },
    required: ['result'],
    additionalProperties: false,
  },
  uiSchema: { result: { 'ui:widget': 'textarea' }, photos: { 'ui:widget': 'photos' } },
  translations: { en: { '/': 'Handling result', '/result': 'What was done', '/photos': 'Photos' } },
};

export const feedbackForm: FormDefinition = {
  id: 'grid-request.feedback',
  title: { 'zh-CN': '群众评价', en: 'Resident feedback' },
  schema: {
    type: 'object',
    properties: {
      rating: { type: 'integer', title: '评分（1–5 分，5 分最满意）', enum: [1, 2, 3, 4, 5] },
      remark: { type: 'string', title: '评价意见', maxLength: 1000 },
    },
    required: ['rating'],
    additionalProperties: false,
  },
  uiSchema: { rating: { 'ui:widget': 'radio' }, remark: { 'ui:widget': 'textarea' } },
  translations: { en: { '/': 'Resident feedback', '/rating': 'Rating (1–5, 5 is best)', '/remark': 'Remarks' } },
};
