import { enumLabels, orgPicker, type FormDefinition, type FromSchema } from '@linli/sdk';

export const complaintCategories = ['环境卫生', '秩序维护', '设施维修', '绿化养护', '停车管理', '物业收费', '服务态度', '其他'] as const;
export const satisfactions = ['满意', '基本满意', '不满意'] as const;

const photos = (title: string) => ({ type: 'array', title, maxItems: 9, items: { type: 'string', pattern: '^[0-9]{1,10}$' } }) as const;

const complaintSchema = {
  type: 'object',
  title: '物业投诉',
  properties: {
    title: { type: 'string', title: '投诉事项', minLength: 2, maxLength: 100 },
    category: { type: 'string', title: '类别', enum: complaintCategories },
    description: { type: 'string', title: '情况说明', minLength: 5, maxLength: 2000 },
    location: { type: 'string', title: '位置', maxLength: 200 },
    contactPhone: { type: 'string', title: '联系电话', pattern: '^1[0-9]{10}$', 'x-linli-sensitive': true },
    photos: photos('现场照片（随手拍）'),
  },
  required: ['title', 'category', 'description'],
  additionalProperties: false,
} as const;
export type ComplaintData = FromSchema<typeof complaintSchema>;

/** 随手拍: a resident, building leader or grid worker snaps the problem and files it at the compound (or one of its buildings). */
export const complaintForm: FormDefinition = {
  id: 'red-property.complaint',
  title: { 'zh-CN': '物业投诉', en: 'Property complaint' },
  schema: complaintSchema,
  uiSchema: {
    'ui:order': ['title', 'category', 'description', 'location', 'photos', 'contactPhone'],
    description: { 'ui:widget': 'textarea', 'ui:options': { rows: 4 } },
    contactPhone: { 'ui:inputType': 'tel' },
    photos: { 'ui:widget': 'photos' },
  },
  translations: {
    en: {
      '/': 'Property complaint',
      '/title': 'Complaint',
      '/category': 'Category',
      ...enumLabels('/category', complaintCategories, {
        环境卫生: 'Cleaning and sanitation',
        秩序维护: 'Security and order',
        设施维修: 'Repairs',
        绿化养护: 'Green spaces',
        停车管理: 'Parking',
        物业收费: 'Property fees',
        服务态度: 'Staff attitude',
        其他: 'Other',
      }),
      '/description': 'What is wrong',
      '/location': 'Where',
      '/contactPhone': 'Contact phone',
      '/photos': 'Photos (snap and report)',
    },
  },
};

/** 一键交办: the intake desk sends the complaint to the compound's property company (the hook checks it is that one). */
export const dispatchForm: FormDefinition = {
  id: 'red-property.complaint.dispatch',
  title: { 'zh-CN': '交办物业', en: 'Dispatch to the property company' },
  schema: {
    type: 'object',
    properties: {
      propertyOrgId: { type: 'string', title: '物业服务企业', pattern: '^[1-9][0-9]{0,9}$' },
      instructions: { type: 'string', title: '交办意见', maxLength: 500 },
    },
    required: ['propertyOrgId'],
    additionalProperties: false,
  },
  // 一键交办: the compound's own property company, chosen already when it has one.
  uiSchema: { propertyOrgId: orgPicker({ types: ['property_company'], kind: 'side', near: true }), instructions: { 'ui:widget': 'textarea' } },
  translations: { en: { '/': 'Dispatch to the property company', '/propertyOrgId': 'Property company', '/instructions': 'Instructions' } },
};

/** The property company's answer, with photos of the result. */
export const respondForm: FormDefinition = {
  id: 'red-property.complaint.respond',
  title: { 'zh-CN': '物业答复', en: 'Property company response' },
  schema: {
    type: 'object',
    properties: {
      response: { type: 'string', title: '处理结果', minLength: 2, maxLength: 1000 },
      photos: photos('处理后照片'),
    },
    required: ['response'],
    additionalProperties: false,
  },
  uiSchema: { response: { 'ui:widget': 'textarea' }, photos: { 'ui:widget': 'photos' } },
  translations: { en: { '/': 'Property company response', '/response': 'What was done', '/photos': 'Photos after' } },
};

/** 成效群众判: the complainant (or the community for them) verifies the result. */
export const verifyForm: FormDefinition = {
  id: 'red-property.complaint.verify',
  title: { 'zh-CN': '核实评价', en: 'Verify' },
  schema: {
    type: 'object',
    properties: {
      satisfaction: { type: 'string', title: '满意度', enum: satisfactions },
      note: { type: 'string', title: '评价说明', maxLength: 500 },
    },
    required: ['satisfaction'],
    additionalProperties: false,
  },
  uiSchema: { satisfaction: { 'ui:widget': 'radio' }, note: { 'ui:widget': 'textarea' } },
  translations: {
    en: {
      '/': 'Verify',
      '/satisfaction': 'Satisfaction',
      ...enumLabels('/satisfaction', satisfactions, { 满意: 'Satisfied', 基本满意: 'Mostly satisfied', 不满意: 'Not satisfied' }),
      '/note': 'Note',
    },
  },
};
