import { enumLabels, type FormDefinition, type FromSchema } from '@linli/sdk';

/** 在职党员 report to their home compound from their work unit; 在册党员 are on the compound branch's own rolls. */
export const memberKinds = ['在职党员', '在册党员'] as const;
export const skillList = ['政策宣讲', '法律咨询', '医疗健康', '教育辅导', '维修服务', '文体活动', '助老助残', '环境整治', '心理疏导', '其他'] as const;

const skillLabels = {
  政策宣讲: 'Explaining policies',
  法律咨询: 'Legal advice',
  医疗健康: 'Health care',
  教育辅导: 'Tutoring',
  维修服务: 'Repairs',
  文体活动: 'Culture and sports',
  助老助残: 'Helping the elderly and disabled',
  环境整治: 'Cleaning up the neighbourhood',
  心理疏导: 'Counselling',
  其他: 'Other',
} as const;

/** 双报到: a party member registers with their home compound. */
export const memberSchema = {
  type: 'object',
  title: '党员双报到',
  properties: {
    compoundOrgId: { type: 'string', title: '居住小区', pattern: '^[0-9]{1,10}$' },
    kind: { type: 'string', title: '党员类别', enum: memberKinds, default: '在职党员' },
    workUnit: { type: 'string', title: '工作单位', minLength: 2, maxLength: 100 },
    partyBranch: { type: 'string', title: '所在党组织', minLength: 2, maxLength: 100 },
    skills: { type: 'array', title: '服务特长', items: { type: 'string', enum: skillList }, uniqueItems: true, maxItems: skillList.length },
  },
  required: ['compoundOrgId', 'kind'],
  additionalProperties: false,
} as const;

export type MemberInput = FromSchema<typeof memberSchema>;

export const memberForm: FormDefinition = {
  id: 'volunteer-points.member',
  title: { 'zh-CN': '党员双报到', en: 'Register with your home compound' },
  schema: memberSchema,
  uiSchema: {
    'ui:order': ['compoundOrgId', 'kind', 'workUnit', 'partyBranch', 'skills'],
    compoundOrgId: { 'ui:widget': 'org', 'ui:options': { types: ['compound'] } },
    kind: { 'ui:widget': 'radio' },
    workUnit: { 'ui:help': '在职党员填写' },
    partyBranch: { 'ui:placeholder': '如：市住建局机关第二党支部' },
    skills: { 'ui:widget': 'checkboxes', 'ui:options': { inline: true } },
  },
  translations: {
    en: {
      '/': 'Register with your home compound',
      '/compoundOrgId': 'Home compound',
      '/kind': 'Kind of member',
      ...enumLabels('/kind', memberKinds, { 在职党员: 'In-service member (reports from a work unit)', 在册党员: "On the compound branch's rolls" }),
      '/workUnit': 'Work unit',
      '/workUnit@help': 'For in-service members',
      '/partyBranch': 'Party organization',
      '/partyBranch@placeholder': 'e.g. 2nd branch of the city housing bureau',
      '/skills': 'Skills offered',
      ...enumLabels('/skills', skillList, skillLabels),
    },
  },
};
