import { enumLabels, money, orgPicker, type FormDefinition, type FromSchema } from '@linli/sdk';

export const disputeTypes = ['物业费纠纷', '停车纠纷', '维修责任', '公共收益', '装修纠纷', '漏水纠纷', '噪音扰民', '服务质量', '其他'] as const;
export const partyKinds = ['业主', '租户', '物业服务企业', '业主委员会', '其他'] as const;

const partyKindLabels = (path: string) =>
  enumLabels(path, partyKinds, { 业主: 'Owner', 租户: 'Tenant', 物业服务企业: 'Property company', 业主委员会: "Owners' committee", 其他: 'Other' });

/** A party's name and phone are personal data: marked sensitive, the core masks them everywhere but the case's own page, for those who may read them. */
const name = (title: string) => ({ type: 'string', title, minLength: 1, maxLength: 60, 'x-linli-sensitive': true }) as const;
const phone = (title: string) => ({ type: 'string', title, pattern: '^1[0-9]{10}$', 'x-linli-sensitive': true }) as const;

const caseSchema = {
  type: 'object',
  title: '物业纠纷调解申请',
  properties: {
    title: { type: 'string', title: '纠纷事项', minLength: 2, maxLength: 100, description: '不写当事人姓名' },
    disputeType: { type: 'string', title: '纠纷类型', enum: disputeTypes },
    amountFen: { type: 'integer', title: '争议金额（元）', minimum: 0, maximum: 2_000_000_000 },
    applicantKind: { type: 'string', title: '申请人类别', enum: partyKinds },
    applicantName: name('申请人姓名'),
    applicantPhone: phone('申请人电话'),
    respondentKind: { type: 'string', title: '被申请人类别', enum: partyKinds },
    respondentName: name('被申请人（姓名或单位）'),
    respondentPhone: phone('被申请人电话'),
    propertyOrgId: { type: 'string', title: '涉及物业服务企业', pattern: '^[1-9][0-9]{0,9}$' },
    description: { type: 'string', title: '纠纷经过', minLength: 5, maxLength: 2000 },
  },
  required: ['title', 'disputeType', 'applicantKind', 'applicantName', 'respondentKind', 'respondentName', 'description'],
  additionalProperties: false,
} as const;
export type CaseData = FromSchema<typeof caseSchema>;

/** 受理: the community's mediator or secretary takes in a dispute at its compound: the parties, the type, the amount in dispute. */
export const caseForm: FormDefinition = {
  id: 'dispute-mediation.case',
  title: { 'zh-CN': '物业纠纷调解申请', en: 'Property dispute mediation' },
  schema: caseSchema,
  uiSchema: {
    'ui:order': ['title', 'disputeType', 'amountFen', 'description', 'applicantKind', 'applicantName', 'applicantPhone', 'respondentKind', 'respondentName', 'respondentPhone', 'propertyOrgId'],
    title: { 'ui:help': '概括纠纷，不写当事人姓名，如“3栋业主与物业物业费纠纷”' },
    amountFen: money,
    description: { 'ui:widget': 'textarea', 'ui:options': { rows: 4 } },
    applicantPhone: { 'ui:inputType': 'tel' },
    respondentPhone: { 'ui:inputType': 'tel' },
    propertyOrgId: orgPicker({ types: ['property_company'], kind: 'side', near: true }),
  },
  translations: {
    en: {
      '/': 'Property dispute mediation',
      '/title': 'Dispute',
      '/title@help': 'Sum it up without the parties\' names, e.g. "Building 3 owner and property company: fees"',
      '/disputeType': 'Type of dispute',
      ...enumLabels('/disputeType', disputeTypes, {
        物业费纠纷: 'Property fees',
        停车纠纷: 'Parking',
        维修责任: 'Repair liability',
        公共收益: 'Public income',
        装修纠纷: 'Renovation',
        漏水纠纷: 'Leaks',
        噪音扰民: 'Noise',
        服务质量: 'Service quality',
        其他: 'Other',
      }),
      '/amountFen': 'Amount in dispute (yuan)',
      '/applicantKind': 'Applicant is',
      ...partyKindLabels('/applicantKind'),
      '/applicantName': 'Applicant\'s name',
      '/applicantPhone': 'Applicant\'s phone',
      '/respondentKind': 'Respondent is',
      ...partyKindLabels('/respondentKind'),
      '/respondentName': 'Respondent (name or company)',
      '/respondentPhone': 'Respondent\'s phone',
      '/propertyOrgId': 'Property company involved',
      '/description': 'What happened',
    },
  },
};
