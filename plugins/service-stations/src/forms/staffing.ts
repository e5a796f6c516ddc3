import { enumLabels, lookup, type FormDefinition, type FromSchema } from '@linli/sdk';
import type { Position } from '../store/tables.js';

/** "1 + 3 + N" (Ji'an): one lead 站长, three deputies 副站长, N building leaders and volunteers. */
export const positionTitles = ['站长', '副站长', '楼栋长/志愿者'] as const;
export type PositionTitle = (typeof positionTitles)[number];
export const positionOf: Record<PositionTitle, Position> = { 站长: 'lead', 副站长: 'deputy', '楼栋长/志愿者': 'member' };
export const positionTitle: Record<Position, PositionTitle> = { lead: '站长', deputy: '副站长', member: '楼栋长/志愿者' };
/** How many of each a station has at most (members: N). */
export const positionLimit: Record<Position, number> = { lead: 1, deputy: 3, member: Infinity };

const personId = { type: 'string', title: '人员', pattern: '^[0-9]{1,10}$' } as const;

/** 配备人员: a person of the station's community, picked by name, in one of the three positions. */
export const staffMemberSchema = {
  type: 'object',
  title: '配备人员',
  properties: {
    personId,
    position: { type: 'string', title: '岗位', enum: positionTitles },
    duty: { type: 'string', title: '身份或分工', maxLength: 40 },
  },
  required: ['personId', 'position'],
  additionalProperties: false,
} as const;
export type StaffMemberInput = FromSchema<typeof staffMemberSchema>;

export const staffMemberForm: FormDefinition = {
  id: 'service-stations.staff-member',
  title: { 'zh-CN': '配备人员', en: 'Add to the team' },
  schema: staffMemberSchema,
  uiSchema: {
    'ui:order': ['personId', 'position', 'duty'],
    personId: lookup({ source: '/api/plugins/service-stations/stations/{param.stationId}/candidates', label: '{name}（{roles}）', search: true }),
    position: { 'ui:widget': 'radio' },
    duty: { 'ui:placeholder': '如：专职网格员、物业负责人、业委会主任' },
  },
  translations: {
    en: {
      '/': 'Add to the team',
      '/personId': 'Person',
      '/position': 'Position',
      ...enumLabels('/position', positionTitles, { 站长: 'Lead', 副站长: 'Deputy', '楼栋长/志愿者': 'Building leader / volunteer' }),
      '/duty': 'Role or task',
      '/duty@placeholder': 'e.g. grid worker, property manager',
    },
  },
};

export const weekdays = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

/** 排班: who sits at the station on which weekdays (the duty seat 值班席位 Ji'an's residents walk up to). */
export const dutySchema = {
  type: 'object',
  title: '值班排班',
  properties: {
    personId: { ...personId, title: '值班人员' },
    weekdays: { type: 'array', title: '值班日', items: { type: 'string', enum: weekdays }, minItems: 1, maxItems: 7, uniqueItems: true },
  },
  required: ['personId', 'weekdays'],
  additionalProperties: false,
} as const;
export type DutyInput = FromSchema<typeof dutySchema>;

export const dutyForm: FormDefinition = {
  id: 'service-stations.duty',
  title: { 'zh-CN': '值班排班', en: 'Duty rota' },
  schema: dutySchema,
  uiSchema: {
    personId: lookup({ source: '/api/plugins/service-stations/stations/{param.stationId}/staff', value: 'personId', label: '{name}（{positionTitle}）' }),
    weekdays: { 'ui:widget': 'checkboxes', 'ui:options': { inline: true } },
  },
  translations: {
    en: {
      '/': 'Duty rota',
      '/personId': 'On duty',
      '/weekdays': 'Weekdays',
      ...enumLabels('/weekdays', weekdays, { 周一: 'Mon', 周二: 'Tue', 周三: 'Wed', 周四: 'Thu', 周五: 'Fri', 周六: 'Sat', 周日: 'Sun' }),
    },
  },
};
