import { enumLabels, money, orgPicker, type FormDefinition } from '@linli/sdk';

export const referralKinds = ['街道', '法院', '职能部门'] as const;
export const performances = ['已履行', '部分履行', '未履行'] as const;
export const satisfactions = ['满意', '基本满意', '不满意'] as const;
export const replyResults = ['已化解', '未化解'] as const;

const photo = { type: 'string', pattern: '^[0-9]{1,10}$' } as const;
const day = { type: 'string', format: 'date' } as const;

/** 达成协议: the signed agreement — its terms, the amount agreed, a photo of the signed paper. */
export const agreementForm: FormDefinition = {
  id: 'dispute-mediation.agreement',
  title: { 'zh-CN': '达成调解协议', en: 'Mediation agreement' },
  schema: {
    type: 'object',
    properties: {
      terms: { type: 'string', title: '协议内容', minLength: 5, maxLength: 2000 },
      agreedAmountFen: { type: 'integer', title: '协议金额（元）', minimum: 0, maximum: 2_000_000_000 },
      signedOn: { ...day, title: '签订日期' },
      photos: { type: 'array', title: '签字协议照片', minItems: 1, maxItems: 6, items: photo },
    },
    required: ['terms', 'signedOn', 'photos'],
    additionalProperties: false,
  },
  uiSchema: { 'ui:order': ['terms', 'agreedAmountFen', 'signedOn', 'photos'], terms: { 'ui:widget': 'textarea' }, agreedAmountFen: money, photos: { 'ui:widget': 'photos' } },
  translations: { en: { '/': 'Mediation agreement', '/terms': 'Terms agreed', '/agreedAmountFen': 'Amount agreed (yuan)', '/signedOn': 'Signed on', '/photos': 'Photo of the signed agreement' } },
};

/** 移交: mediation failed or the matter is beyond it — to the street, a court (诉调对接) or a department, through the ticket loop. */
export const referralForm: FormDefinition = {
  id: 'dispute-mediation.referral',
  title: { 'zh-CN': '移交处理', en: 'Refer' },
  schema: {
    type: 'object',
    properties: {
      referralKind: { type: 'string', title: '移交对象', enum: referralKinds },
      targetOrgId: { type: 'string', title: '接收单位', pattern: '^[1-9][0-9]{0,9}$' },
      reason: { type: 'string', title: '移交理由', minLength: 5, maxLength: 1000 },
    },
    required: ['referralKind', 'targetOrgId', 'reason'],
    additionalProperties: false,
  },
  uiSchema: {
    'ui:order': ['referralKind', 'targetOrgId', 'reason'],
    referralKind: { 'ui:widget': 'radio' },
    targetOrgId: orgPicker({ types: ['street', 'department'], search: true }),
    reason: { 'ui:widget': 'textarea' },
  },
  translations: {
    en: {
      '/': 'Refer',
      '/referralKind': 'Refer to',
      ...enumLabels('/referralKind', referralKinds, { 街道: 'The street', 法院: 'A court', 职能部门: 'A government department' }),
      '/targetOrgId': 'Receiving organization',
      '/reason': 'Why',
    },
  },
};

/** The street, court or department answers the referral. */
export const replyForm: FormDefinition = {
  id: 'dispute-mediation.reply',
  title: { 'zh-CN': '办理反馈', en: 'Report back' },
  schema: {
    type: 'object',
    properties: {
      result: { type: 'string', title: '办理结果', minLength: 2, maxLength: 1000 },
      resolved: { type: 'string', title: '纠纷是否化解', enum: replyResults },
    },
    required: ['result', 'resolved'],
    additionalProperties: false,
  },
  uiSchema: { result: { 'ui:widget': 'textarea' }, resolved: { 'ui:widget': 'radio' } },
  translations: { en: { '/': 'Report back', '/result': 'What was done', '/resolved': 'Dispute settled?', ...enumLabels('/resolved', replyResults, { 已化解: 'Settled', 未化解: 'Not settled' }) } },
};

/** 回访: the community goes back to the parties — was the agreement kept, are they satisfied. */
export const visitForm: FormDefinition = {
  id: 'dispute-mediation.visit',
  title: { 'zh-CN': '回访结案', en: 'Follow-up visit' },
  schema: {
    type: 'object',
    properties: {
      performed: { type: 'string', title: '协议履行情况', enum: performances },
      satisfaction: { type: 'string', title: '当事人满意度', enum: satisfactions },
      note: { type: 'string', title: '回访情况', maxLength: 1000 },
    },
    required: ['performed', 'satisfaction'],
    additionalProperties: false,
  },
  uiSchema: { performed: { 'ui:widget': 'radio' }, satisfaction: { 'ui:widget': 'radio' }, note: { 'ui:widget': 'textarea' } },
  translations: {
    en: {
      '/': 'Follow-up visit',
      '/performed': 'Agreement kept',
      ...enumLabels('/performed', performances, { 已履行: 'Kept', 部分履行: 'Partly kept', 未履行: 'Not kept' }),
      '/satisfaction': 'Parties\' satisfaction',
      ...enumLabels('/satisfaction', satisfactions, { 满意: 'Satisfied', 基本满意: 'Mostly satisfied', 不满意: 'Not satisfied' }),
      '/note': 'Notes',
    },
  },
};
