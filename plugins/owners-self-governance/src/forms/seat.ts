import { enumLabels, lookup, type FormDefinition, type FromSchema } from '@linli/sdk';
import { committeeRoles } from '../store/committee.js';

const api = '/api/plugins/owners-self-governance';

/** The vote electing the committee, opened for a published election (picked from the list). */
export const electionVoteSchema = {
  type: 'object',
  title: '发起业委会选举表决',
  properties: {
    electionId: { type: 'string', title: '选举（已公布候选人名单）', pattern: '^[0-9]{1,10}$' },
    title: { type: 'string', title: '表决议题', minLength: 2, maxLength: 100 },
    days: { type: 'integer', title: '投票天数', minimum: 1, maximum: 90 },
  },
  required: ['electionId'],
  additionalProperties: false,
} as const;
export type ElectionVoteInput = FromSchema<typeof electionVoteSchema>;

export const electionVoteForm: FormDefinition = {
  id: 'owners-self-governance.election-vote',
  title: { 'zh-CN': '发起业委会选举表决', en: "Open the committee election vote" },
  schema: electionVoteSchema,
  uiSchema: {
    electionId: lookup({ source: `${api}/elections`, value: 'id', label: '{title}（{compoundName}）', where: { id: '{param.id}', status: 'published' } }),
    title: { 'ui:help': '不填即以选举名称为议题；业主在同意的候选人名下打勾，不超过应选人数（差额选举）' },
    days: { 'ui:help': '不填按城市配置的天数（默认15天）' },
  },
  translations: {
    en: {
      '/': "Open the committee election vote",
      '/electionId': 'Election (vetted list published)',
      '/title': 'Question',
      '/title@help': "Leave empty to use the election's name; owners tick the candidates they agree with, at most as many as there are seats",
      '/days': 'Days open',
      '/days@help': "Leave empty for the city's default (15 days)",
    },
  },
};

/** The roles the committee's first meeting elects, recorded by the community. */
export const roleSchema = {
  type: 'object',
  title: '设定业委会职务',
  properties: {
    memberId: { type: 'string', title: '委员', pattern: '^[0-9]{1,10}$' },
    role: { type: 'string', title: '职务', enum: committeeRoles },
  },
  required: ['memberId', 'role'],
  additionalProperties: false,
} as const;
export type RoleInput = FromSchema<typeof roleSchema>;

export const roleForm: FormDefinition = {
  id: 'owners-self-governance.committee-role',
  title: { 'zh-CN': '设定业委会职务', en: 'Set a committee role' },
  schema: roleSchema,
  uiSchema: {
    memberId: lookup({ source: `${api}/committee-members`, value: 'id', label: '{compoundName} {name}（{building}）', where: { id: '{param.id}' } }),
    role: { 'ui:widget': 'radio', 'ui:help': '业主委员会首次会议选举产生主任、副主任' },
  },
  translations: {
    en: {
      '/': 'Set a committee role',
      '/memberId': 'Member',
      '/role': 'Role',
      ...enumLabels('/role', committeeRoles, { 主任: 'Chair', 副主任: 'Vice-chair', 委员: 'Member' }),
      '/role@help': "The committee's first meeting elects its chair and vice-chairs",
    },
  },
};
