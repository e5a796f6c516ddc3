import { enumLabels, type FormDefinition, type FromSchema } from '@linli/sdk';
import { needCategories, needLabels } from './visit.js';

const verdicts = ['满意', '基本满意', '不满意'] as const;

/**
 * A problem found on a visit, as a ticket. The visit route files it from the
 * visit form; staff may also file one directly through the core's ticket
 * route with this form.
 */
export const problemSchema = {
  type: 'object',
  title: '走访发现问题',
  properties: {
    title: { type: 'string', title: '问题', minLength: 2, maxLength: 100 },
    household: { type: 'string', title: '住户（单元门牌）', minLength: 1, maxLength: 40 },
    category: { type: 'string', title: '类别', enum: needCategories },
    description: { type: 'string', title: '问题描述', minLength: 5, maxLength: 2000 },
    photos: { type: 'array', title: '现场照片（随手拍）', maxItems: 6, items: { type: 'string', pattern: '^[0-9]{1,10}$' } },
  },
  required: ['title', 'household', 'description'],
  additionalProperties: false,
} as const;

export type ProblemData = FromSchema<typeof problemSchema>;

export const problemForm: FormDefinition = {
  id: 'door-knocking.problem',
  title: { 'zh-CN': '走访发现问题', en: 'Problem found on a visit' },
  schema: problemSchema,
  uiSchema: {
    'ui:order': ['title', 'household', 'category', 'description', 'photos'],
    description: { 'ui:widget': 'textarea', 'ui:options': { rows: 4 } },
    photos: { 'ui:widget': 'photos' },
  },
  translations: {
    en: { '/': 'Problem found on a visit', '/title': 'Problem', '/household': 'Household', '/category': 'Category', ...needLabels('/category'), '/description': 'Description', '/photos': 'Photos' },
  },
};

export const handleForm: FormDefinition = {
  id: 'door-knocking.handle',
  title: { 'zh-CN': '办理结果', en: 'Handling result' },
  schema: {
    type: 'object',
    properties: { result: { type: 'string', title: '办理结果', minLength: 2, maxLength: 1000 } },
    required: ['result'],
    additionalProperties: false,
  },
  uiSchema: { result: { 'ui:widget': 'textarea' } },
  translations: { en: { '/': 'Handling result', '/result': 'What was done' } },
};

export const confirmForm: FormDefinition = {
  id: 'door-knocking.confirm',
  title: { 'zh-CN': '回访销号', en: 'Close after the return visit' },
  schema: {
    type: 'object',
    properties: {
      satisfaction: { type: 'string', title: '住户评价', enum: verdicts },
      note: { type: 'string', title: '回访情况', maxLength: 500 },
    },
    required: ['satisfaction'],
    additionalProperties: false,
  },
  uiSchema: { satisfaction: { 'ui:widget': 'radio' }, note: { 'ui:widget': 'textarea' } },
  translations: { en: { '/': 'Close after the return visit', '/satisfaction': "Household's verdict", ...enumLabels('/satisfaction', verdicts, { 满意: 'Satisfied', 基本满意: 'Mostly satisfied', 不满意: 'Not satisfied' }), '/note': 'Return visit notes' } },
};
