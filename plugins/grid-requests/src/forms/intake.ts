import { enumLabels, type FormDefinition, type FromSchema } from '@linli/sdk';

export const categories = ['环境卫生', '物业服务', '邻里纠纷', '公共设施', '安全隐患', '其他'] as const;

/** The categories in English, for `translations.en` of every form that asks for one. */
export const categoryLabels = (path: string) =>
  enumLabels(path, categories, { 环境卫生: 'Environment and sanitation', 物业服务: 'Property services', 邻里纠纷: 'Neighbour dispute', 公共设施: 'Public facilities', 安全隐患: 'Safety hazard', 其他: 'Other' });

const schema = {
  type: 'object',
  title: '反映诉求',
  properties: {
    title: { type: 'string', title: '标题', minLength: 2, maxLength: 100 },
    category: { type: 'string', title: '类别', enum: categories },
    description: { type: 'string', title: '情况描述', minLength: 5, maxLength: 2000 },
    location: { type: 'string', title: '位置', maxLength: 200 },
    photos: { type: 'array', title: '现场照片（随手拍）', maxItems: 6, items: { type: 'string', pattern: '^[0-9]{1,10}$' } },
    contactPhone: { type: 'string', title: '联系电话', pattern: '^1[0-9]{10}$', 'x-linli-sensitive': true },
  },
  required: ['title', 'category', 'description'],
  additionalProperties: false,
} as const;

export type GridRequestIntake = FromSchema<typeof schema>;

export const intakeForm: FormDefinition = {
  id: 'grid-request.intake',
  title: { 'zh-CN': '反映诉求', en: 'Report a problem' },
  schema,
  uiSchema: {
    'ui:order': ['title', 'category', 'description', 'location', 'photos', 'contactPhone'],
    description: { 'ui:widget': 'textarea', 'ui:options': { rows: 4 } },
    photos: { 'ui:widget': 'photos' },
    contactPhone: { 'ui:inputType': 'tel' },
  },
  translations: {
    en: { '/': 'Report a problem', '/title': 'Title', '/category': 'Category', ...categoryLabels('/category'), '/description': 'What is wrong', '/location': 'Where', '/photos': 'Photos (snap and report)', '/contactPhone': 'Contact phone' },
  },
};
