import { enumLabels, orgPicker, type FormDefinition, type FromSchema } from '@linli/sdk';
import { matters, matterTitles, type Matter } from '@linli/plugin-owners-self-governance';

/** The owners' matters (业主共同决定事项, Civil Code Art. 278) as staff pick them: their Chinese titles; the hook maps back to the matter. */
export const ownersMatterChoices = matters.map((m) => matterTitles[m]['zh-CN']);
export const ownersMatterOf = (title: string): Matter | undefined => matters.find((m) => matterTitles[m]['zh-CN'] === title);

export const referSchema = {
  type: 'object',
  title: '交业主共同决定',
  properties: {
    matter: { type: 'string', title: '表决事项（民法典第二百七十八条）', enum: ownersMatterChoices },
    scopeOrgId: { type: 'string', title: '表决范围：只涉及一栋楼时选该楼栋', pattern: '^[1-9][0-9]{0,9}$' },
    question: { type: 'string', title: '业主表决议题', minLength: 2, maxLength: 100 },
    days: { type: 'integer', title: '投票天数', minimum: 1, maximum: 90 },
  },
  required: ['matter'],
  additionalProperties: false,
} as const;
export type ReferData = FromSchema<typeof referSchema>;

/**
 * 交业主共同决定: a topic only the owners can decide (using or raising the
 * maintenance fund, changing the use of common parts, hiring the property
 * company, adding an elevator …) goes to an owners' vote for the compound —
 * or one building — counted by Art. 278 in owners' self-governance.
 */
export const referForm: FormDefinition = {
  id: 'weekend-deliberation-hall.topic.refer',
  title: { 'zh-CN': '交业主共同决定', en: "Refer to an owners' vote" },
  schema: referSchema,
  uiSchema: {
    'ui:order': ['matter', 'scopeOrgId', 'question', 'days'],
    scopeOrgId: { ...orgPicker({ types: ['building'], search: true }), 'ui:help': '不选即本小区全体业主表决' },
    question: { 'ui:help': '不填即用议题名称' },
    days: { 'ui:help': '不填按城市配置的天数' },
  },
  translations: {
    en: {
      '/': "Refer to an owners' vote",
      '/matter': 'Matter (Civil Code Art. 278)',
      ...enumLabels('/matter', ownersMatterChoices, Object.fromEntries(matters.map((m) => [matterTitles[m]['zh-CN'], matterTitles[m].en])) as Record<string, string>),
      '/scopeOrgId': 'Only one building votes (optional)',
      '/scopeOrgId@help': 'Leave empty for all owners of the compound',
      '/question': 'Question owners read',
      '/question@help': "Leave empty for the topic's title",
      '/days': 'Days open',
      '/days@help': "Leave empty for the city's default",
    },
  },
};

export const ownersPassedSchema = {
  type: 'object',
  title: '业主表决通过',
  properties: {
    implementer: { type: 'string', title: '实施单位', maxLength: 100 },
    deadline: { type: 'string', title: '完成时限', format: 'date-time' },
  },
  additionalProperties: false,
} as const;
export type OwnersPassedData = FromSchema<typeof ownersPassedSchema>;

/** The owners passed it: who carries it out and by when, as after a session's resolution. */
export const ownersPassedForm: FormDefinition = {
  id: 'weekend-deliberation-hall.topic.owners-passed',
  title: { 'zh-CN': '业主表决通过', en: "Owners' vote passed" },
  schema: ownersPassedSchema,
  translations: { en: { '/': "Owners' vote passed", '/implementer': 'Who carries it out', '/deadline': 'Deadline' } },
};
