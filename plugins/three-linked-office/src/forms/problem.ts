import { enumLabels, type FormDefinition, type FromSchema } from '@linli/sdk';
import { difficulties, urgencies } from '../parties.js';

export const categories = ['停车管理', '环境卫生', '设施维修', '安全秩序', '绿化养护', '物业收费', '其他'] as const;
export const sources = ['居民', '业委会', '物业', '居委会', '网格员', '楼栋长'] as const;

const photos = { type: 'array', title: '现场照片（随手拍）', maxItems: 6, items: { type: 'string', pattern: '^[0-9]{1,10}$' } } as const;

const schema = {
  type: 'object',
  title: '反映物业问题',
  properties: {
    title: { type: 'string', title: '问题', minLength: 2, maxLength: 100 },
    category: { type: 'string', title: '类别', enum: categories },
    description: { type: 'string', title: '情况描述', minLength: 5, maxLength: 2000 },
    location: { type: 'string', title: '位置', maxLength: 200 },
    source: { type: 'string', title: '反映方', enum: sources },
    raisedBy: { type: 'string', title: '反映人', maxLength: 50 },
    contactPhone: { type: 'string', title: '联系电话', pattern: '^1[0-9]{10}$', 'x-linli-sensitive': true },
    urgency: { type: 'string', title: '轻重缓急', enum: urgencies, default: '缓' },
    difficulty: { type: 'string', title: '难易程度', enum: difficulties, default: '易' },
    photos,
  },
  required: ['title', 'category', 'description', 'source', 'urgency', 'difficulty'],
  additionalProperties: false,
} as const;

export type ProblemIntake = FromSchema<typeof schema>;

/** Intake of a property problem 物业难题: who raised it, how urgent and how hard, so the agenda can put urgent and easy ones first. */
export const problemIntakeForm: FormDefinition = {
  id: 'three-linked-office.problem.intake',
  title: { 'zh-CN': '反映物业问题', en: 'Raise a property problem' },
  schema,
  uiSchema: {
    'ui:order': ['title', 'category', 'description', 'location', 'urgency', 'difficulty', 'source', 'raisedBy', 'contactPhone', 'photos'],
    description: { 'ui:widget': 'textarea', 'ui:options': { rows: 4 } },
    urgency: { 'ui:widget': 'radio', 'ui:help': '急：影响安全或日常生活，需尽快解决' },
    difficulty: { 'ui:widget': 'radio', 'ui:help': '难：需多方投入或资金，不能短期解决' },
    contactPhone: { 'ui:inputType': 'tel' },
    photos: { 'ui:widget': 'photos' },
  },
  translations: {
    en: {
      '/': 'Raise a property problem',
      '/title': 'Problem',
      '/category': 'Category',
      ...enumLabels('/category', categories, { 停车管理: 'Parking', 环境卫生: 'Environment and sanitation', 设施维修: 'Repairs', 安全秩序: 'Safety and order', 绿化养护: 'Green spaces', 物业收费: 'Property fees', 其他: 'Other' }),
      '/description': 'What is wrong',
      '/location': 'Where',
      '/source': 'Raised by (party)',
      ...enumLabels('/source', sources, { 居民: 'Resident', 业委会: "Owners' committee", 物业: 'Property company', 居委会: "Residents' committee", 网格员: 'Grid worker', 楼栋长: 'Building leader' }),
      '/raisedBy': 'Raised by (name)',
      '/contactPhone': 'Contact phone',
      '/urgency': 'Urgency (urgent / can wait)',
      ...enumLabels('/urgency', urgencies, { 急: 'Urgent', 缓: 'Can wait' }),
      '/urgency@help': 'Urgent: it affects safety or daily life and must be solved soon',
      '/difficulty': 'Difficulty (easy / hard)',
      ...enumLabels('/difficulty', difficulties, { 易: 'Easy', 难: 'Hard' }),
      '/difficulty@help': 'Hard: it needs several parties or money and cannot be solved quickly',
      '/photos': 'Photos (snap and report)',
    },
  },
};
