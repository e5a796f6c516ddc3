import { enumLabels, lookup, money, type FormDefinition, type FromSchema } from '@linli/sdk';

const compoundOrgId = { type: 'string', title: '小区', pattern: '^[1-9][0-9]{0,9}$' } as const;
const compoundWidget = { 'ui:widget': 'org', 'ui:options': { types: ['compound'] } } as const;

// ---- 四方联席会议 -------------------------------------------------------

export const fourParties = ['partyBranch', 'residentsCommittee', 'ownersCommittee', 'propertyCompany'] as const;
export type FourParty = (typeof fourParties)[number];
export const fourPartyTitle: Record<FourParty, { zh: string; en: string }> = {
  partyBranch: { zh: '小区党支部', en: 'Party branch' },
  residentsCommittee: { zh: '居委会', en: "Residents' committee" },
  ownersCommittee: { zh: '业委会', en: "Owners' committee" },
  propertyCompany: { zh: '物业服务企业', en: 'Property company' },
};
export const meetingTopics = ['公共收益', '维修资金', '物业服务', '其他'] as const;

const presence = (title: string) =>
  ({
    type: 'object',
    title,
    properties: { present: { type: 'boolean', title: '出席', default: false }, attendees: { type: 'string', title: '出席人', maxLength: 200 } },
    required: ['present'],
    additionalProperties: false,
  }) as const;

export const meetingSchema = {
  type: 'object',
  title: '四方联席会议',
  properties: {
    compoundOrgId,
    heldOn: { type: 'string', title: '会议日期', format: 'date' },
    topic: { type: 'string', title: '议题类别', enum: meetingTopics },
    subject: { type: 'string', title: '议题', minLength: 2, maxLength: 200 },
    attendance: {
      type: 'object',
      title: '出席情况',
      properties: Object.fromEntries(fourParties.map((p) => [p, presence(fourPartyTitle[p].zh)])) as Record<FourParty, ReturnType<typeof presence>>,
      required: [...fourParties],
      additionalProperties: false,
    },
    decision: { type: 'string', title: '会议决定（须四方出席）', maxLength: 2000 },
  },
  required: ['compoundOrgId', 'heldOn', 'topic', 'subject', 'attendance'],
  additionalProperties: false,
} as const;
export type MeetingInput = {
  compoundOrgId: string;
  heldOn: string;
  topic: (typeof meetingTopics)[number];
  subject: string;
  /** `members`: the owners' committee members present (ids from owners' self-governance), when the city enables it. */
  attendance: Record<FourParty, { present: boolean; attendees?: string; members?: string[] }>;
  decision?: string;
};

/**
 * With owners' self-governance enabled, the owners' committee's attendance is
 * the sitting members ticked as present (the party is present when one is):
 * its `members` field replaces the 出席 box and the free-text names.
 */
export const meetingSchemaWithCommittee = {
  ...meetingSchema,
  properties: {
    ...meetingSchema.properties,
    attendance: {
      ...meetingSchema.properties.attendance,
      properties: {
        ...meetingSchema.properties.attendance.properties,
        ownersCommittee: {
          ...meetingSchema.properties.attendance.properties.ownersCommittee,
          properties: {
            ...meetingSchema.properties.attendance.properties.ownersCommittee.properties,
            members: { type: 'array', title: '出席的业委会委员', items: { type: 'string', pattern: '^[1-9][0-9]{0,9}$' }, uniqueItems: true, maxItems: 15 },
          },
        },
      },
    },
  },
} as const;

export const meetingForm: FormDefinition = {
  id: 'red-property.meeting',
  title: { 'zh-CN': '四方联席会议', en: 'Four-party joint meeting' },
  schema: meetingSchema,
  uiSchema: {
    'ui:order': ['compoundOrgId', 'heldOn', 'topic', 'subject', 'attendance', 'decision'],
    compoundOrgId: compoundWidget,
    attendance: { 'ui:order': [...fourParties] },
    decision: { 'ui:widget': 'textarea', 'ui:help': '党支部、居委会、业委会、物业四方都出席才能作出决定' },
  },
  translations: {
    en: {
      '/': 'Four-party joint meeting',
      '/compoundOrgId': 'Compound',
      '/heldOn': 'Date',
      '/topic': 'Topic',
      ...enumLabels('/topic', meetingTopics, { 公共收益: 'Public income', 维修资金: 'Repair funds', 物业服务: 'Property services', 其他: 'Other' }),
      '/subject': 'Subject',
      '/attendance': 'Attendance',
      ...Object.fromEntries(fourParties.flatMap((p) => [[`/attendance/${p}`, fourPartyTitle[p].en], [`/attendance/${p}/present`, 'Present'], [`/attendance/${p}/attendees`, 'Who came']])),
      '/decision': 'Decision (needs all four parties present)',
      '/decision@help': 'A decision needs the party branch, residents’ committee, owners’ committee and property company all present',
    },
  },
};

// ---- 一区一档 -----------------------------------------------------------

export const compoundTypes = ['商品房小区', '安置小区', '老旧小区', '无物业小区'] as const;

export const compoundFileSchema = {
  type: 'object',
  title: '一区一档',
  properties: {
    compoundOrgId,
    compoundType: { type: 'string', title: '小区类型', enum: compoundTypes },
    households: { type: 'integer', title: '户数', minimum: 0, maximum: 100000 },
    buildings: { type: 'integer', title: '楼栋数', minimum: 0, maximum: 1000 },
    builtYear: { type: 'integer', title: '建成年份', minimum: 1949, maximum: 2100 },
    partyMembers: { type: 'integer', title: '党员人数', minimum: 0, maximum: 100000 },
    feeFenPerSqm: { type: 'integer', title: '物业费标准（分/㎡·月）', minimum: 0, maximum: 100000 },
    facilities: { type: 'string', title: '阵地与设施', maxLength: 1000 },
    notes: { type: 'string', title: '备注', maxLength: 1000 },
  },
  required: ['compoundOrgId', 'compoundType', 'households'],
  additionalProperties: false,
} as const;
export type CompoundFileInput = FromSchema<typeof compoundFileSchema>;

export const compoundFileForm: FormDefinition = {
  id: 'red-property.compound-file',
  title: { 'zh-CN': '一区一档', en: 'Compound file' },
  schema: compoundFileSchema,
  uiSchema: { compoundOrgId: compoundWidget, facilities: { 'ui:widget': 'textarea' }, notes: { 'ui:widget': 'textarea' } },
  translations: {
    en: {
      '/': 'Compound file',
      '/compoundOrgId': 'Compound',
      '/compoundType': 'Kind of compound',
      ...enumLabels('/compoundType', compoundTypes, { 商品房小区: 'Commercial housing', 安置小区: 'Resettlement housing', 老旧小区: 'Old compound', 无物业小区: 'No property company' }),
      '/households': 'Households',
      '/buildings': 'Buildings',
      '/builtYear': 'Year built',
      '/partyMembers': 'Party members',
      '/feeFenPerSqm': 'Property fee (fen per m² per month)',
      '/facilities': 'Venues and facilities',
      '/notes': 'Notes',
    },
  },
};

// ---- 物业费及公共收益清单 -------------------------------------------------

export const ledgerKinds = ['收入', '支出'] as const;
export const ledgerCategories = ['物业费', '停车收益', '广告收益', '场地租赁', '维修资金', '公共设施维护', '公益活动', '其他'] as const;

export const ledgerEntrySchema = {
  type: 'object',
  title: '物业费及公共收益清单',
  properties: {
    compoundOrgId,
    kind: { type: 'string', title: '收支', enum: ledgerKinds },
    category: { type: 'string', title: '科目', enum: ledgerCategories },
    amountFen: { type: 'integer', title: '金额（元）', minimum: 1, maximum: 100000000000 },
    purpose: { type: 'string', title: '用途/来源', minLength: 2, maxLength: 200 },
    occurredOn: { type: 'string', title: '日期', format: 'date' },
    meetingId: { type: 'string', title: '依据的四方联席会议', pattern: '^[1-9][0-9]{0,9}$' },
  },
  required: ['compoundOrgId', 'kind', 'category', 'amountFen', 'purpose', 'occurredOn'],
  additionalProperties: false,
} as const;
export type LedgerEntryInput = Omit<FromSchema<typeof ledgerEntrySchema>, 'amountFen'> & { amountFen: number };

/** The route's body: the amount need only be a number here, so a bad amount gets RP_ERR_BAD_AMOUNT instead of a generic 400. */
export const ledgerEntryBody = { ...ledgerEntrySchema, properties: { ...ledgerEntrySchema.properties, amountFen: { type: 'number' } } } as const;

export const ledgerEntryForm: FormDefinition = {
  id: 'red-property.ledger-entry',
  title: { 'zh-CN': '登记收支', en: 'Add a ledger entry' },
  schema: ledgerEntrySchema,
  uiSchema: {
    compoundOrgId: compoundWidget,
    kind: { 'ui:widget': 'radio' },
    // Typed in yuan, stored in fen.
    amountFen: money,
    meetingId: lookup({ source: '/api/plugins/red-property/meetings', label: '{heldOn} {compoundName}四方联席会议', search: true }),
  },
  translations: {
    en: {
      '/': 'Add a fee and public-income ledger entry',
      '/compoundOrgId': 'Compound',
      '/kind': 'Income or expense',
      ...enumLabels('/kind', ledgerKinds, { 收入: 'Income', 支出: 'Expense' }),
      '/category': 'Category',
      ...enumLabels('/category', ledgerCategories, {
        物业费: 'Property fees',
        停车收益: 'Parking income',
        广告收益: 'Advertising income',
        场地租赁: 'Rent of common space',
        维修资金: 'Repair fund',
        公共设施维护: 'Upkeep of common facilities',
        公益活动: 'Community activities',
        其他: 'Other',
      }),
      '/amountFen': 'Amount (yuan)',
      '/purpose': 'Purpose / source',
      '/occurredOn': 'Date',
      '/meetingId': 'Four-party meeting that decided it',
    },
  },
};

// ---- 十件实事 -----------------------------------------------------------

export const practicalMatterSchema = {
  type: 'object',
  title: '十件实事',
  properties: {
    compoundOrgId,
    year: { type: 'integer', title: '年度', minimum: 2000, maximum: 2100 },
    title: { type: 'string', title: '实事', minLength: 2, maxLength: 100 },
    description: { type: 'string', title: '内容', maxLength: 1000 },
  },
  required: ['compoundOrgId', 'year', 'title'],
  additionalProperties: false,
} as const;
export type PracticalMatterInput = FromSchema<typeof practicalMatterSchema>;

export const practicalMatterForm: FormDefinition = {
  id: 'red-property.practical-matter',
  title: { 'zh-CN': '列入十件实事', en: 'Add a practical matter' },
  schema: practicalMatterSchema,
  uiSchema: { compoundOrgId: compoundWidget, description: { 'ui:widget': 'textarea' } },
  translations: { en: { '/': 'Add one of the ten practical matters', '/compoundOrgId': 'Compound', '/year': 'Year', '/title': 'Matter', '/description': 'What it involves' } },
};

export const matterDoneSchema = {
  type: 'object',
  title: '实事办结',
  properties: { result: { type: 'string', title: '办理结果', minLength: 2, maxLength: 1000 } },
  required: ['result'],
  additionalProperties: false,
} as const;
export type MatterDoneInput = FromSchema<typeof matterDoneSchema>;

export const matterDoneForm: FormDefinition = {
  id: 'red-property.practical-matter.done',
  title: { 'zh-CN': '实事办结', en: 'Practical matter done' },
  schema: matterDoneSchema,
  uiSchema: { result: { 'ui:widget': 'textarea' } },
  translations: { en: { '/': 'Practical matter done', '/result': 'Result' } },
};

/** The meeting form when owners' self-governance is enabled: the compound's sitting committee members listed to tick. */
export const meetingFormWithCommittee: FormDefinition = {
  ...meetingForm,
  schema: meetingSchemaWithCommittee,
  uiSchema: {
    ...meetingForm.uiSchema,
    attendance: {
      'ui:order': [...fourParties],
      ownersCommittee: {
        'ui:order': ['members', 'present', 'attendees'],
        present: { 'ui:widget': 'hidden' },
        attendees: { 'ui:widget': 'hidden' },
        members: {
          ...lookup({ source: '/api/plugins/red-property/committee-members', label: '{name}（{role}，{building}）', where: { compoundOrgId: '{form.compoundOrgId}' } }),
          'ui:help': '本小区在任业主委员会委员，勾选出席者；没有在任业委会或任期届满时，业委会视为缺席',
        },
      },
    },
  },
  translations: {
    en: {
      ...meetingForm.translations!.en,
      '/attendance/ownersCommittee/members': 'Committee members present',
      '/attendance/ownersCommittee/members@help': "Tick the sitting owners' committee members who came; with no sitting committee (or its term ended) the owners' committee is absent",
    },
  },
};
