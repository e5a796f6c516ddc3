import { enumLabels, lookup, orgPicker, type FormDefinition, type FromSchema } from '@linli/sdk';

const api = '/api/plugins/owners-self-governance';

/** The street or community opens an owners' committee election with its preparatory group 筹备组. */
export const electionSchema = {
  type: 'object',
  title: '成立筹备组',
  properties: {
    compoundOrgId: { type: 'string', title: '小区', pattern: '^[0-9]{1,10}$' },
    title: { type: 'string', title: '选举名称', minLength: 2, maxLength: 100 },
    preparatoryGroup: { type: 'string', title: '筹备组成员', minLength: 2, maxLength: 500 },
    seats: { type: 'integer', title: '业主委员会委员名额', minimum: 3, maximum: 15, default: 5 },
  },
  required: ['compoundOrgId', 'title', 'preparatoryGroup', 'seats'],
  additionalProperties: false,
} as const;
export type ElectionInput = FromSchema<typeof electionSchema>;

export const electionForm: FormDefinition = {
  id: 'owners-self-governance.election',
  title: { 'zh-CN': '成立筹备组', en: 'Set up the preparatory group' },
  schema: electionSchema,
  uiSchema: {
    compoundOrgId: orgPicker({ types: ['compound'], search: true }),
    title: { 'ui:placeholder': '如 河畔家园第二届业主委员会选举' },
    preparatoryGroup: { 'ui:widget': 'textarea', 'ui:help': '社区党组织、居委会、业主代表等，写明姓名和身份' },
  },
  translations: {
    en: {
      '/': 'Set up the preparatory group',
      '/compoundOrgId': 'Compound',
      '/title': 'Election',
      '/title@placeholder': "e.g. Second owners' committee election",
      '/preparatoryGroup': 'Preparatory group members',
      '/preparatoryGroup@help': 'Community party organisation, residents’ committee, owner representatives: names and roles',
      '/seats': 'Committee seats',
    },
  },
};

export const nominations = ['本人自荐', '业主联名推荐', '筹备组推荐'] as const;

export const nominateSchema = {
  type: 'object',
  title: '提名候选人',
  properties: {
    ownerId: { type: 'string', title: '业主', pattern: '^[0-9]{1,10}$' },
    nomination: { type: 'string', title: '提名方式', enum: nominations },
  },
  required: ['ownerId', 'nomination'],
  additionalProperties: false,
} as const;
export type NominateInput = FromSchema<typeof nominateSchema>;

export const nominateForm: FormDefinition = {
  id: 'owners-self-governance.nominate',
  title: { 'zh-CN': '提名候选人', en: 'Nominate a candidate' },
  schema: nominateSchema,
  uiSchema: {
    ownerId: lookup({ source: `${api}/elections/{param.id}/owners`, value: 'id', label: '{unit} {name}', search: true }),
    nomination: { 'ui:widget': 'radio' },
  },
  translations: { en: { '/': 'Nominate a candidate', '/ownerId': 'Owner', '/nomination': 'Nominated by', ...enumLabels('/nomination', nominations, { 本人自荐: 'Self-nominated', 业主联名推荐: 'Owners jointly', 筹备组推荐: 'The preparatory group' }) } },
};

export const checkResults = ['通过', '不通过'] as const;

export const checkSchema = {
  type: 'object',
  title: '候选人审查',
  properties: {
    // The item being checked, shown by candidate and text (the page opens with it chosen).
    checkId: { type: 'string', title: '审查事项', pattern: '^[0-9]{1,10}$' },
    result: { type: 'string', title: '审查结论', enum: checkResults },
    reason: { type: 'string', title: '不通过的理由', maxLength: 500 },
  },
  required: ['checkId', 'result'],
  additionalProperties: false,
} as const;
export type CheckInput = FromSchema<typeof checkSchema>;

export const checkForm: FormDefinition = {
  id: 'owners-self-governance.check',
  title: { 'zh-CN': '候选人审查', en: 'Vet a candidate' },
  schema: checkSchema,
  uiSchema: {
    checkId: lookup({ source: `${api}/checks`, value: 'id', label: '{candidate}：{kind}{item}', where: { id: '{param.id}' } }),
    result: { 'ui:widget': 'radio' }, reason: { 'ui:widget': 'textarea', 'ui:help': '不通过时必填，筹备组据此告知候选人' } },
  translations: { en: { '/': 'Vet a candidate', '/checkId': 'Item', '/result': 'Finding', ...enumLabels('/result', checkResults, { 通过: 'Passes', 不通过: 'Fails' }), '/reason': 'Why it fails', '/reason@help': 'Required when it fails; the preparatory group tells the candidate' } },
};

export const publishSchema = {
  type: 'object',
  title: '公布审查结果',
  properties: { confirm: { type: 'boolean', title: '确认公布通过审查的候选人名单（仅公布姓名和楼栋）', default: false } },
  required: ['confirm'],
  additionalProperties: false,
} as const;

export const publishForm: FormDefinition = {
  id: 'owners-self-governance.publish',
  title: { 'zh-CN': '公布候选人名单', en: 'Publish the vetted list' },
  schema: publishSchema,
  translations: { en: { '/': 'Publish the vetted list', '/confirm': 'Publish the candidates who passed (name and building only)' } },
};
