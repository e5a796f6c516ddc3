import type { FormDefinition, FromSchema } from '@linli/sdk';
import { groups, groupTitle } from '../groups.js';

const orgId = { type: 'string', pattern: '^[1-9][0-9]{0,9}$' } as const;

export const sessionSchema = {
  type: 'object',
  title: '安排议事活动',
  properties: {
    compoundOrgId: { ...orgId, title: '小区' },
    date: { type: 'string', title: '议事日期（周六或周日）', format: 'date' },
    time: { type: 'string', title: '开始时间', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' },
    place: { type: 'string', title: '地点', minLength: 1, maxLength: 100 },
    theme: { type: 'string', title: '本期主题', maxLength: 100 },
  },
  required: ['compoundOrgId', 'date'],
  additionalProperties: false,
} as const;
export type SessionInput = FromSchema<typeof sessionSchema>;

/** A session 一期议事活动 of a compound's hall, on a weekend date at a place. */
export const sessionForm: FormDefinition = {
  id: 'weekend-deliberation-hall.session',
  title: { 'zh-CN': '安排议事活动', en: 'Schedule a session' },
  schema: sessionSchema,
  uiSchema: {
    'ui:order': ['compoundOrgId', 'date', 'time', 'place', 'theme'],
    compoundOrgId: { 'ui:widget': 'org', 'ui:options': { types: ['compound'] } },
    time: { 'ui:placeholder': '09:30' },
    place: { 'ui:help': '不填则为本小区议事厅的常用地点（党群服务站、物业用房等）' },
  },
  translations: {
    en: { '/': 'Schedule a session', '/compoundOrgId': 'Compound', '/date': 'Date (Saturday or Sunday)', '/time': 'Start time', '/place': 'Place', '/theme': 'Theme of this session' },
  },
};

const groupAttendance = (title: string) =>
  ({
    type: 'object',
    title,
    properties: {
      present: { type: 'integer', title: '到会人数', minimum: 0, maximum: 500, default: 0 },
      // Names stay with the staff's record; the public notice shows counts only.
      names: { type: 'string', title: '到会人员', maxLength: 500 },
    },
    required: ['present'],
    additionalProperties: false,
  }) as const;

export const participantsSchema = {
  type: 'object',
  title: '登记签到',
  properties: {
    partyMembers: groupAttendance('党员'),
    residentsCommittee: groupAttendance('社居委'),
    ownerRepresentatives: groupAttendance('业主代表'),
    propertyCompany: groupAttendance('物业公司'),
  },
  additionalProperties: false,
} as const;
export type ParticipantsInput = FromSchema<typeof participantsSchema>;

/**
 * The sign-in sheet 签到表, per stakeholder group: how many came and who
 * (a group with people present names them). Recording again replaces the
 * sheet (someone arriving late). A group left out had nobody present.
 */
export const participantsForm: FormDefinition = {
  id: 'weekend-deliberation-hall.session.participants',
  title: { 'zh-CN': '登记签到', en: 'Record participants' },
  schema: participantsSchema,
  uiSchema: { 'ui:order': [...groups] },
  translations: {
    en: {
      '/': 'Record participants',
      ...Object.fromEntries(groups.flatMap((g) => [[`/${g}`, groupTitle[g].en!], [`/${g}/present`, 'Number present'], [`/${g}/names`, 'Who came']])),
    },
  },
};

export const recordSchema = {
  type: 'object',
  title: '协商记录',
  properties: { record: { type: 'string', title: '协商记录', minLength: 5, maxLength: 5000 } },
  required: ['record'],
  additionalProperties: false,
} as const;
export type RecordInput = FromSchema<typeof recordSchema>;

/** The deliberation record 协商记录 of the whole session: who spoke for what, in the committee's words. */
export const recordForm: FormDefinition = {
  id: 'weekend-deliberation-hall.session.record',
  title: { 'zh-CN': '协商记录', en: 'Deliberation record' },
  schema: recordSchema,
  uiSchema: { record: { 'ui:widget': 'textarea', 'ui:options': { rows: 8 } } },
  translations: { en: { '/': 'Deliberation record', '/record': 'Record of the deliberation' } },
};
