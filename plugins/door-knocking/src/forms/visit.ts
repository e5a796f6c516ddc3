import { enumLabels, type FormDefinition, type FromSchema } from '@linli/sdk';

/** What neighbours ask for on the doorstep; the needs chart counts these. */
export const needCategories = ['养老照护', '医疗健康', '就业帮扶', '困难救助', '矛盾纠纷', '环境卫生', '安全隐患', '政策咨询', '其他'] as const;

/** The need categories in English, for `translations.en`. */
export const needLabels = (path: string) =>
  enumLabels(path, needCategories, {
    养老照护: 'Elderly care',
    医疗健康: 'Health care',
    就业帮扶: 'Help finding work',
    困难救助: 'Hardship relief',
    矛盾纠纷: 'Disputes',
    环境卫生: 'Environment and sanitation',
    安全隐患: 'Safety hazard',
    政策咨询: 'Questions about policies',
    其他: 'Other',
  });

/**
 * One door knocked on. The schema is the single source of truth: fastify
 * validates the route body with it, the web app renders it, and `VisitInput`
 * below is its TypeScript type.
 */
export const visitSchema = {
  type: 'object',
  title: '登记走访',
  properties: {
    buildingOrgId: { type: 'string', title: '楼栋', pattern: '^[0-9]{1,10}$' },
    household: { type: 'string', title: '住户（单元门牌）', minLength: 1, maxLength: 40 },
    atHome: { type: 'boolean', title: '家中有人', default: true },
    needs: { type: 'array', title: '群众需求', items: { type: 'string', enum: needCategories }, uniqueItems: true, maxItems: needCategories.length },
    note: { type: 'string', title: '走访情况', maxLength: 1000 },
    problemTitle: { type: 'string', title: '发现的问题（填写后生成工单）', minLength: 2, maxLength: 100 },
    problemDescription: { type: 'string', title: '问题描述', minLength: 5, maxLength: 2000 },
    // Photos of the problem: they go with its ticket (a visit without a problem keeps none).
    photos: { type: 'array', title: '问题照片（随手拍）', maxItems: 6, items: { type: 'string', pattern: '^[0-9]{1,10}$' } },
  },
  required: ['buildingOrgId', 'household', 'atHome'],
  // A problem needs a description to be worked on.
  dependencies: { problemTitle: ['problemDescription'] },
  additionalProperties: false,
} as const;

export type VisitInput = FromSchema<typeof visitSchema>;

export const visitForm: FormDefinition = {
  id: 'door-knocking.visit',
  title: { 'zh-CN': '登记走访', en: 'Record a visit' },
  schema: visitSchema,
  uiSchema: {
    'ui:order': ['buildingOrgId', 'household', 'atHome', 'needs', 'note', 'problemTitle', 'problemDescription', 'photos'],
    buildingOrgId: { 'ui:widget': 'org', 'ui:options': { types: ['building'] } },
    household: { 'ui:placeholder': '如：2单元301' },
    needs: { 'ui:widget': 'checkboxes', 'ui:options': { inline: true } },
    note: { 'ui:widget': 'textarea', 'ui:options': { rows: 3 } },
    problemDescription: { 'ui:widget': 'textarea', 'ui:options': { rows: 3 } },
    photos: { 'ui:widget': 'photos' },
  },
  translations: {
    en: {
      '/': 'Record a visit',
      '/buildingOrgId': 'Building',
      '/household': 'Household (entrance and door)',
      '/household@placeholder': 'e.g. entrance 2, flat 301',
      '/atHome': 'Someone at home',
      '/needs': 'Needs',
      ...needLabels('/needs'),
      '/note': 'Notes',
      '/problemTitle': 'Problem found (files a ticket)',
      '/problemDescription': 'Problem description',
      '/photos': 'Photos of the problem',
    },
  },
};
