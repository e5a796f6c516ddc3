import { lookup, type FormDefinition, type FromSchema } from '@linli/sdk';

const id = { type: 'string', pattern: '^[0-9]{1,10}$' } as const;

/** 志愿服务队: a standing team, e.g. Anqing's termite team 灭蚁卫士. */
export const teamSchema = {
  type: 'object',
  title: '组建志愿服务队',
  properties: {
    orgId: { ...id, title: '所属社区（小区）' },
    name: { type: 'string', title: '队名', minLength: 2, maxLength: 60 },
    leader: { type: 'string', title: '队长', minLength: 1, maxLength: 40 },
    description: { type: 'string', title: '服务内容', maxLength: 500 },
  },
  required: ['orgId', 'name'],
  additionalProperties: false,
} as const;

export type TeamInput = FromSchema<typeof teamSchema>;

export const teamForm: FormDefinition = {
  id: 'volunteer-points.team',
  title: { 'zh-CN': '组建志愿服务队', en: 'Form a volunteer team' },
  schema: teamSchema,
  uiSchema: {
    'ui:order': ['orgId', 'name', 'leader', 'description'],
    orgId: { 'ui:widget': 'org', 'ui:options': { types: ['community', 'compound'] } },
    name: { 'ui:placeholder': '如：红色邻里志愿服务队' },
    description: { 'ui:widget': 'textarea' },
  },
  translations: {
    en: {
      '/': 'Form a volunteer team',
      '/orgId': 'Community (or compound)',
      '/name': 'Team name',
      '/name@placeholder': 'e.g. Red neighbours volunteer team',
      '/leader': 'Team leader',
      '/description': 'What the team does',
    },
  },
};

/** 志愿服务活动: one activity on one day, at a compound or a community. */
export const activitySchema = {
  type: 'object',
  title: '发布志愿服务活动',
  properties: {
    orgId: { ...id, title: '活动地点（小区或社区）' },
    teamId: { ...id, title: '志愿服务队（可不填）' },
    title: { type: 'string', title: '活动名称', minLength: 2, maxLength: 80 },
    date: { type: 'string', title: '活动日期', format: 'date' },
    place: { type: 'string', title: '集合地点', maxLength: 100 },
    plannedHours: { type: 'number', title: '计划时长（小时）', minimum: 0.5, maximum: 24, multipleOf: 0.5 },
  },
  required: ['orgId', 'title', 'date', 'plannedHours'],
  additionalProperties: false,
} as const;

export type ActivityInput = FromSchema<typeof activitySchema>;

export const activityForm: FormDefinition = {
  id: 'volunteer-points.activity',
  title: { 'zh-CN': '发布志愿服务活动', en: 'Announce a volunteer activity' },
  schema: activitySchema,
  uiSchema: {
    'ui:order': ['orgId', 'teamId', 'title', 'date', 'place', 'plannedHours'],
    orgId: { 'ui:widget': 'org', 'ui:options': { types: ['community', 'compound'] } },
    teamId: lookup({ source: '/api/plugins/volunteer-points/teams', label: '{name}（{orgName}）', search: true }),
  },
  translations: {
    en: {
      '/': 'Announce a volunteer activity',
      '/orgId': 'Where (compound or community)',
      '/teamId': 'Team (optional)',
      '/title': 'Activity',
      '/date': 'Date',
      '/place': 'Meeting point',
      '/plannedHours': 'Planned hours',
    },
  },
};

/** 报名: a registered member signs up; the body may be empty. */
export const signupSchema = {
  type: 'object',
  title: '报名参加',
  properties: { note: { type: 'string', title: '备注', maxLength: 200 } },
  additionalProperties: false,
} as const;

export const signupForm: FormDefinition = {
  id: 'volunteer-points.signup',
  title: { 'zh-CN': '报名参加', en: 'Sign up' },
  schema: signupSchema,
  uiSchema: {},
  translations: { en: { '/': 'Sign up', '/note': 'Note' } },
};

/**
 * 出勤: the organizer records who came and for how long. Hours are checked in
 * code (VP_ERR_BAD_HOURS) rather than by the schema, so a wrong figure gets
 * the plugin's own code and a message naming the limit.
 */
export const attendanceSchema = {
  type: 'object',
  title: '登记出勤',
  properties: {
    entries: {
      type: 'array',
      title: '出勤记录',
      minItems: 1,
      maxItems: 200,
      items: {
        type: 'object',
        properties: {
          memberId: { ...id, title: '志愿者' },
          hours: { type: 'number', title: '服务时长（小时）' },
        },
        required: ['memberId', 'hours'],
        additionalProperties: false,
      },
    },
  },
  required: ['entries'],
  additionalProperties: false,
} as const;

export type AttendanceInput = FromSchema<typeof attendanceSchema>;

export const attendanceForm: FormDefinition = {
  id: 'volunteer-points.attendance',
  title: { 'zh-CN': '登记出勤', en: 'Record attendance' },
  schema: attendanceSchema,
  // Each line picks one of the people who signed up for this activity, by name.
  uiSchema: { entries: { items: { memberId: lookup({ source: '/api/plugins/volunteer-points/activities/{param.id}/signups', value: 'memberId', label: '{name}（{compoundName}）' }) } } },
  translations: { en: { '/': 'Record attendance', '/entries': 'Attendance' } },
};
