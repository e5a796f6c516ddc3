import { enumLabels, type FormDefinition, type FromSchema } from '@linli/sdk';

export const wishCategories = ['学习用品', '生活物资', '助老服务', '助残帮扶', '医疗健康', '维修服务', '文体娱乐', '其他'] as const;
const categoryLabels = {
  学习用品: 'School supplies',
  生活物资: 'Daily necessities',
  助老服务: 'Help for the elderly',
  助残帮扶: 'Help for the disabled',
  医疗健康: 'Health',
  维修服务: 'Repairs',
  文体娱乐: 'Culture and leisure',
  其他: 'Other',
} as const;

const photos = { type: 'array', maxItems: 6, items: { type: 'string', pattern: '^[0-9]{1,10}$' } } as const;

/** 微心愿: a resident's small wish, posted at their compound; the ticket's intake form. */
export const wishSchema = {
  type: 'object',
  title: '发布微心愿',
  properties: {
    title: { type: 'string', title: '心愿', minLength: 2, maxLength: 60 },
    category: { type: 'string', title: '类别', enum: wishCategories },
    description: { type: 'string', title: '具体情况', minLength: 5, maxLength: 1000 },
    photos: { ...photos, title: '照片' },
  },
  required: ['title', 'category', 'description'],
  additionalProperties: false,
} as const;

export type WishData = FromSchema<typeof wishSchema>;

export const wishForm: FormDefinition = {
  id: 'volunteer-points.wish',
  title: { 'zh-CN': '发布微心愿', en: 'Post a micro-wish' },
  schema: wishSchema,
  uiSchema: {
    'ui:order': ['title', 'category', 'description', 'photos'],
    title: { 'ui:placeholder': '如：想要一套初中数学辅导书' },
    description: { 'ui:widget': 'textarea', 'ui:options': { rows: 3 } },
    photos: { 'ui:widget': 'photos' },
  },
  translations: {
    en: {
      '/': 'Post a micro-wish',
      '/title': 'Wish',
      '/title@placeholder': 'e.g. a set of maths workbooks for middle school',
      '/category': 'Category',
      ...enumLabels('/category', wishCategories, categoryLabels),
      '/description': 'Details',
      '/photos': 'Photos',
    },
  },
};

export const claimAs = ['个人', '共建单位'] as const;

/** 认领: as oneself (a registered member) or for a co-building unit 共建单位 one acts for. */
export const claimSchema = {
  type: 'object',
  title: '认领微心愿',
  properties: {
    as: { type: 'string', title: '认领身份', enum: claimAs, default: '个人' },
    unitOrgId: { type: 'string', title: '共建单位', pattern: '^[0-9]{1,10}$' },
    note: { type: 'string', title: '认领留言', maxLength: 300 },
  },
  required: ['as'],
  additionalProperties: false,
} as const;

export type ClaimInput = FromSchema<typeof claimSchema>;

export const claimForm: FormDefinition = {
  id: 'volunteer-points.claim',
  title: { 'zh-CN': '认领微心愿', en: 'Claim a micro-wish' },
  schema: claimSchema,
  uiSchema: {
    'ui:order': ['as', 'unitOrgId', 'note'],
    as: { 'ui:widget': 'radio' },
    unitOrgId: { 'ui:widget': 'org', 'ui:options': { types: ['co_building_unit'] }, 'ui:help': '以共建单位名义认领时选择' },
    note: { 'ui:widget': 'textarea', 'ui:options': { rows: 2 } },
  },
  translations: {
    en: {
      '/': 'Claim a micro-wish',
      '/as': 'Claim as',
      ...enumLabels('/as', claimAs, { 个人: 'Myself (registered member)', 共建单位: 'A co-building unit' }),
      '/unitOrgId': 'Co-building unit',
      '/unitOrgId@help': 'When claiming for a co-building unit',
      '/note': 'Message',
    },
  },
};

/** 实现: the proof that the wish came true, with photos (uploaded through the core's attachments). */
export const fulfilSchema = {
  type: 'object',
  title: '心愿实现',
  properties: {
    note: { type: 'string', title: '实现情况', minLength: 5, maxLength: 1000 },
    photos: { ...photos, title: '现场照片', minItems: 1 },
  },
  required: ['note', 'photos'],
  additionalProperties: false,
} as const;

export type FulfilInput = FromSchema<typeof fulfilSchema>;

export const fulfilForm: FormDefinition = {
  id: 'volunteer-points.fulfil',
  title: { 'zh-CN': '登记心愿实现', en: 'Record the fulfilment' },
  schema: fulfilSchema,
  uiSchema: { 'ui:order': ['note', 'photos'], note: { 'ui:widget': 'textarea', 'ui:options': { rows: 3 } }, photos: { 'ui:widget': 'photos' } },
  translations: { en: { '/': 'Record the fulfilment', '/note': 'What was done', '/photos': 'Photos (proof)' } },
};

const verdicts = ['满意', '基本满意'] as const;

/** 核验: the community confirms the wish came true; points are awarded in the same transaction. */
export const verifyForm: FormDefinition = {
  id: 'volunteer-points.verify',
  title: { 'zh-CN': '核验通过', en: 'Verify' },
  schema: {
    type: 'object',
    properties: {
      verdict: { type: 'string', title: '居民评价', enum: verdicts },
      note: { type: 'string', title: '核验意见', maxLength: 500 },
    },
    required: ['verdict'],
    additionalProperties: false,
  },
  uiSchema: { verdict: { 'ui:widget': 'radio' }, note: { 'ui:widget': 'textarea' } },
  translations: { en: { '/': 'Verify', '/verdict': "Resident's verdict", ...enumLabels('/verdict', verdicts, { 满意: 'Satisfied', 基本满意: 'Mostly satisfied' }), '/note': 'Remarks' } },
};
