import { enumLabels, orgPicker, type FormDefinition, type FromSchema } from '@linli/sdk';
import { openingPattern } from '../service/sessions.js';
import { studioKinds, slotSchema } from '../settings.js';
import { openingPicker } from './resident.js';

/**
 * The forms the studio's staff fill in: confirm, propose another time,
 * record the meeting (a follow-up ticket when a problem needs the core loop),
 * mark a missed appointment; and the secretary's studio settings.
 */

export const confirmSchema = {
  type: 'object',
  title: '确认预约',
  properties: { note: { type: 'string', title: '给居民的话（可选）', maxLength: 300 } },
  additionalProperties: false,
} as const;
export type ConfirmInput = FromSchema<typeof confirmSchema>;

export const confirmForm: FormDefinition = {
  id: 'studios.confirm',
  title: { 'zh-CN': '确认预约', en: 'Confirm the booking' },
  schema: confirmSchema,
  uiSchema: { note: { 'ui:widget': 'textarea', 'ui:placeholder': '如：请带上相关材料' } },
  translations: { en: { '/': 'Confirm the booking', '/note': 'A word for the resident (optional)', '/note@placeholder': 'e.g. please bring the papers' } },
};

export const proposeSchema = {
  type: 'object',
  title: '建议改约',
  properties: {
    session: { type: 'string', title: '建议的新时间', pattern: openingPattern },
    note: { type: 'string', title: '改约原因', minLength: 2, maxLength: 300 },
  },
  required: ['session', 'note'],
  additionalProperties: false,
} as const;
export type ProposeInput = FromSchema<typeof proposeSchema>;

export const proposeForm: FormDefinition = {
  id: 'studios.propose',
  title: { 'zh-CN': '建议改约', en: 'Propose another time' },
  schema: proposeSchema,
  uiSchema: { 'ui:order': ['session', 'note'], session: openingPicker({ studioId: '{param.studio}' }), note: { 'ui:widget': 'textarea' } },
  translations: { en: { '/': 'Propose another time', '/session': 'The new time', '/note': 'Why' } },
};

export const outcomes = ['当场解决', '已解答', '需后续跟进', '转介其他部门'] as const;

export const recordSchema = {
  type: 'object',
  title: '登记接待',
  properties: {
    summary: { type: 'string', title: '接待情况', minLength: 5, maxLength: 2000 },
    outcome: { type: 'string', title: '办理结果', enum: outcomes },
    followUpTitle: { type: 'string', title: '需要跟进的问题（填写后生成工单）', minLength: 2, maxLength: 100 },
    followUpDescription: { type: 'string', title: '问题描述', minLength: 5, maxLength: 2000 },
  },
  required: ['summary', 'outcome'],
  // A follow-up needs a description to be worked on.
  dependencies: { followUpTitle: ['followUpDescription'] },
  additionalProperties: false,
} as const;
export type RecordInput = FromSchema<typeof recordSchema>;

export const recordForm: FormDefinition = {
  id: 'studios.record',
  title: { 'zh-CN': '登记接待', en: 'Record the meeting' },
  schema: recordSchema,
  uiSchema: {
    'ui:order': ['summary', 'outcome', 'followUpTitle', 'followUpDescription'],
    summary: { 'ui:widget': 'textarea' },
    outcome: { 'ui:widget': 'radio' },
    followUpDescription: { 'ui:widget': 'textarea' },
  },
  translations: {
    en: {
      '/': 'Record the meeting',
      '/summary': 'What was discussed',
      '/outcome': 'Outcome',
      ...enumLabels('/outcome', outcomes, { 当场解决: 'Solved on the spot', 已解答: 'Answered', 需后续跟进: 'Needs follow-up', 转介其他部门: 'Referred to a department' }),
      '/followUpTitle': 'Problem to follow up (files a ticket)',
      '/followUpDescription': 'Description of the problem',
    },
  },
};

export const noShowSchema = {
  type: 'object',
  title: '登记爽约',
  properties: { note: { type: 'string', title: '情况说明（可选）', maxLength: 300 } },
  additionalProperties: false,
} as const;
export type NoShowInput = FromSchema<typeof noShowSchema>;

export const noShowForm: FormDefinition = {
  id: 'studios.no-show',
  title: { 'zh-CN': '登记爽约', en: 'Mark as missed' },
  schema: noShowSchema,
  uiSchema: { note: { 'ui:widget': 'textarea' } },
  translations: { en: { '/': 'Mark as missed', '/note': 'Note (optional)' } },
};

const kindLabels = enumLabels('/kind', studioKinds, {
  书记工作室: "Secretary's studio",
  法律援助: 'Legal aid',
  心理咨询: 'Psychological counselling',
  医疗健康: 'Health',
  教育辅导: 'Education',
  其他专业: 'Other professional',
});
const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
const weekdayUi = { 'ui:widget': 'select', 'ui:enumNames': ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] };
const slotFields = {
  weekday: { type: 'integer', title: '每周', enum: weekdays },
  start: { ...slotSchema.properties.start, title: '开始时间' },
  end: { ...slotSchema.properties.end, title: '结束时间' },
  capacity: { ...slotSchema.properties.capacity, title: '名额（人）' },
} as const;
const slotEn = { '/weekday': 'Weekday', '/start': 'Starts (HH:MM)', '/end': 'Ends (HH:MM)', '/capacity': 'Places' };

export const studioSchema = {
  type: 'object',
  title: '设立工作室',
  properties: {
    communityOrgId: { type: 'string', title: '社区', pattern: '^[0-9]{1,10}$' },
    kind: { type: 'string', title: '类型', enum: studioKinds },
    name: { type: 'string', title: '名称', minLength: 2, maxLength: 60 },
    host: { type: 'string', title: '坐班人员', maxLength: 60 },
    place: { type: 'string', title: '地点', minLength: 1, maxLength: 100 },
    ...slotFields,
  },
  required: ['communityOrgId', 'kind', 'name', 'place', 'weekday', 'start', 'end', 'capacity'],
  additionalProperties: false,
} as const;
export type StudioInput = FromSchema<typeof studioSchema>;

export const studioForm: FormDefinition = {
  id: 'studios.studio',
  title: { 'zh-CN': '设立工作室', en: 'Set up a studio' },
  schema: studioSchema,
  uiSchema: {
    'ui:order': ['communityOrgId', 'kind', 'name', 'host', 'place', 'weekday', 'start', 'end', 'capacity'],
    communityOrgId: orgPicker({ types: ['community'] }),
    weekday: weekdayUi,
    start: { 'ui:placeholder': '09:00' },
    end: { 'ui:placeholder': '11:00' },
  },
  translations: { en: { '/': 'Set up a studio', '/communityOrgId': 'Community', '/kind': 'Kind', ...kindLabels, '/name': 'Name', '/host': 'Who receives residents', '/place': 'Where', ...slotEn } },
};

export const slotFormSchema = {
  type: 'object',
  title: '增加接待时段',
  properties: slotFields,
  required: ['weekday', 'start', 'end', 'capacity'],
  additionalProperties: false,
} as const;
export type SlotInput = FromSchema<typeof slotFormSchema>;

export const slotForm: FormDefinition = {
  id: 'studios.slot',
  title: { 'zh-CN': '增加接待时段', en: 'Add a weekly slot' },
  schema: slotFormSchema,
  uiSchema: { 'ui:order': ['weekday', 'start', 'end', 'capacity'], weekday: weekdayUi, start: { 'ui:placeholder': '09:00' }, end: { 'ui:placeholder': '11:00' } },
  translations: { en: { '/': 'Add a weekly slot', ...slotEn } },
};

export const slotChangeSchema = {
  type: 'object',
  title: '调整接待时段',
  properties: {
    capacity: { ...slotSchema.properties.capacity, title: '名额（人）' },
    active: { type: 'boolean', title: '继续接待预约', default: true },
  },
  required: ['capacity', 'active'],
  additionalProperties: false,
} as const;
export type SlotChangeInput = FromSchema<typeof slotChangeSchema>;

export const slotChangeForm: FormDefinition = {
  id: 'studios.slot-change',
  title: { 'zh-CN': '调整接待时段', en: 'Change a weekly slot' },
  schema: slotChangeSchema,
  uiSchema: { 'ui:order': ['capacity', 'active'] },
  translations: { en: { '/': 'Change a weekly slot', '/capacity': 'Places', '/active': 'Keep taking bookings' } },
};
