import type { FormDefinition, FromSchema } from '@linli/sdk';
import { decisionText, deadlineField, responsiblePartyLabels, responsiblePartySchema } from './steps.js';

const orgId = { type: 'string', pattern: '^[1-9][0-9]{0,9}$' } as const;

export const scheduleSchema = {
  type: 'object',
  title: '安排三方会商',
  properties: {
    compoundOrgId: { ...orgId, title: '小区' },
    date: { type: 'string', title: '会商日期', format: 'date' },
    time: { type: 'string', title: '开始时间', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' },
    place: { type: 'string', title: '地点', minLength: 1, maxLength: 100 },
    note: { type: 'string', title: '备注', maxLength: 500 },
  },
  required: ['compoundOrgId'],
  additionalProperties: false,
} as const;
export type ScheduleInput = FromSchema<typeof scheduleSchema>;

export const scheduleForm: FormDefinition = {
  id: 'three-linked-office.meeting.schedule',
  title: { 'zh-CN': '安排三方会商', en: 'Schedule a meeting' },
  schema: scheduleSchema,
  uiSchema: {
    compoundOrgId: { 'ui:widget': 'org' },
    date: { 'ui:help': '不填则为本小区下一个例会日' },
    time: { 'ui:placeholder': '15:00' },
    note: { 'ui:widget': 'textarea' },
  },
  translations: {
    en: { '/': 'Schedule a meeting', '/compoundOrgId': 'Compound', '/date': 'Date (empty: the next regular meeting day)', '/date@help': 'Leave empty for the compound\'s next regular meeting day', '/time': 'Start time', '/place': 'Place', '/note': 'Notes' },
  },
};

const presence = (title: string) =>
  ({
    type: 'object',
    title,
    properties: {
      present: { type: 'boolean', title: '出席', default: false },
      attendees: { type: 'string', title: '出席人', maxLength: 200 },
    },
    // A party marked present must name who came (checked by recordAttendance:
    // if/then would say it here, but OpenAPI 3.0 has no if/then).
    required: ['present'],
    additionalProperties: false,
  }) as const;

export const attendanceSchema = {
  type: 'object',
  title: '登记出席',
  properties: {
    residentsCommittee: presence('居委会'),
    propertyCompany: presence('物业'),
    ownersCommittee: presence('业委会'),
    partyCommittee: presence('社区联合党委'),
  },
  required: ['residentsCommittee', 'propertyCompany', 'ownersCommittee'],
  additionalProperties: false,
} as const;
export type AttendanceInput = FromSchema<typeof attendanceSchema>;

export const attendanceForm: FormDefinition = {
  id: 'three-linked-office.meeting.attendance',
  title: { 'zh-CN': '登记出席', en: 'Record attendance' },
  schema: attendanceSchema,
  uiSchema: { 'ui:order': ['residentsCommittee', 'propertyCompany', 'ownersCommittee', 'partyCommittee'] },
  translations: {
    en: {
      '/': 'Record attendance',
      '/residentsCommittee': "Residents' committee",
      '/propertyCompany': 'Property company',
      '/ownersCommittee': "Owners' committee",
      '/partyCommittee': 'Community joint party committee',
      '/residentsCommittee/present': 'Present',
      '/residentsCommittee/attendees': 'Who came',
      '/propertyCompany/present': 'Present',
      '/propertyCompany/attendees': 'Who came',
      '/ownersCommittee/present': 'Present',
      '/ownersCommittee/attendees': 'Who came',
      '/partyCommittee/present': 'Present',
      '/partyCommittee/attendees': 'Who came',
    },
  },
};

export const meetingDecisionSchema = {
  type: 'object',
  title: '会商决定',
  properties: { decision: decisionText, responsibleParty: responsiblePartySchema, deadline: deadlineField },
  required: ['decision', 'responsibleParty', 'deadline'],
  additionalProperties: false,
} as const;
export type MeetingDecisionInput = FromSchema<typeof meetingDecisionSchema>;

/** The decision as recorded from a meeting's agenda: the meeting and the party's org come from the office. */
export const meetingDecisionForm: FormDefinition = {
  id: 'three-linked-office.meeting.decision',
  title: { 'zh-CN': '会商决定', en: 'Record a decision' },
  schema: meetingDecisionSchema,
  uiSchema: { decision: { 'ui:widget': 'textarea' }, responsibleParty: { 'ui:widget': 'radio' } },
  translations: { en: { '/': 'Record a decision', '/decision': 'Decision', '/responsibleParty': 'Responsible party', ...responsiblePartyLabels('/responsibleParty'), '/deadline': 'Deadline' } },
};

export const feeRateSchema = {
  type: 'object',
  title: '录入物业费收缴率',
  properties: {
    compoundOrgId: { ...orgId, title: '小区' },
    month: { type: 'string', title: '月份', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' },
    rate: { type: 'number', title: '收缴率（%）', minimum: 0, maximum: 100 },
    paidHouseholds: { type: 'integer', title: '已缴户数', minimum: 0, maximum: 100000 },
    totalHouseholds: { type: 'integer', title: '应缴户数', minimum: 1, maximum: 100000 },
    note: { type: 'string', title: '说明', maxLength: 500 },
  },
  required: ['compoundOrgId', 'month', 'rate'],
  additionalProperties: false,
} as const;
export type FeeRateInput = FromSchema<typeof feeRateSchema>;

export const feeRateForm: FormDefinition = {
  id: 'three-linked-office.fee-rate',
  title: { 'zh-CN': '录入物业费收缴率', en: 'Enter the fee collection rate' },
  schema: feeRateSchema,
  uiSchema: { compoundOrgId: { 'ui:widget': 'org' }, month: { 'ui:placeholder': '2026-11' }, note: { 'ui:widget': 'textarea' } },
  translations: {
    en: {
      '/': 'Enter the property-fee collection rate',
      '/compoundOrgId': 'Compound',
      '/month': 'Month (YYYY-MM)',
      '/rate': 'Collection rate (%)',
      '/paidHouseholds': 'Households paid',
      '/totalHouseholds': 'Households due',
      '/note': 'Notes',
    },
  },
};
