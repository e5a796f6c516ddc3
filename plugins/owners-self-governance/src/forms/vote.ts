import { enumLabels, lookup, orgPicker, type FormDefinition, type FromSchema } from '@linli/sdk';
import { matters, matterTitles } from '../matters.js';

const api = '/api/plugins/owners-self-governance';

/** The question, in the form staff pick it: the Chinese title of each matter (stored is the matter's id). */
export const matterChoices = matters.map((m) => matterTitles[m]['zh-CN']);
export const matterOfTitle = (title: string) => matters.find((m) => matterTitles[m]['zh-CN'] === title);

/** Setting up an owners' vote: for a compound or one building (an elevator is voted by its building). */
export const voteSchema = {
  type: 'object',
  title: '发起业主表决',
  properties: {
    scopeOrgId: { type: 'string', title: '表决范围（小区或楼栋）', pattern: '^[0-9]{1,10}$' },
    matter: { type: 'string', title: '表决事项', enum: matterChoices },
    title: { type: 'string', title: '表决议题', minLength: 2, maxLength: 100 },
    days: { type: 'integer', title: '投票天数', minimum: 1, maximum: 90 },
  },
  required: ['scopeOrgId', 'matter', 'title'],
  additionalProperties: false,
} as const;
export type VoteInput = FromSchema<typeof voteSchema>;

export const voteForm: FormDefinition = {
  id: 'owners-self-governance.vote',
  title: { 'zh-CN': '发起业主表决', en: "Set up an owners' vote" },
  schema: voteSchema,
  uiSchema: {
    'ui:order': ['scopeOrgId', 'matter', 'title', 'days'],
    scopeOrgId: orgPicker({ types: ['compound', 'building'], search: true }),
    days: { 'ui:help': '不填按城市配置的天数（默认15天）' },
  },
  translations: {
    en: {
      '/': "Set up an owners' vote",
      '/scopeOrgId': 'For (compound or building)',
      '/matter': 'Matter',
      ...enumLabels('/matter', matterChoices, Object.fromEntries(matters.map((m) => [matterTitles[m]['zh-CN'], matterTitles[m].en])) as Record<string, string>),
      '/title': 'Question',
      '/days': 'Days open',
      '/days@help': "Leave empty for the city's default (15 days)",
    },
  },
};

export const choices = ['同意', '反对', '弃权'] as const;
export const choiceOf = { 同意: 'yes', 反对: 'no', 弃权: 'abstain' } as const;
const choiceLabels = (path: string) => enumLabels(path, choices, { 同意: 'Agree', 反对: 'Disagree', 弃权: 'Abstain' });

/** An owner's ballot on the portal: their unit, the choice, and the one-time confirmation (a ballot is final). */
export const ballotSchema = {
  type: 'object',
  title: '业主投票',
  properties: {
    unitId: { type: 'string', title: '房屋', pattern: '^[0-9]{1,10}$' },
    choice: { type: 'string', title: '我的意见', enum: choices },
    confirm: { type: 'boolean', title: '我确认以上意见，提交后不可更改', default: false },
  },
  required: ['unitId', 'choice', 'confirm'],
  additionalProperties: false,
} as const;
export type BallotInput = FromSchema<typeof ballotSchema>;

export const ballotForm: FormDefinition = {
  id: 'owners-self-governance.ballot',
  title: { 'zh-CN': '业主投票', en: 'Vote' },
  schema: ballotSchema,
  uiSchema: {
    unitId: lookup({ source: `${api}/my/units?vote={param.vote}`, value: 'id', label: '{buildingName}{room}' }),
    choice: { 'ui:widget': 'radio' },
  },
  translations: { en: { '/': 'Vote', '/unitId': 'Unit', '/choice': 'My view', ...choiceLabels('/choice'), '/confirm': 'I confirm; a submitted vote cannot be changed' } },
};

/** A paper ballot, recorded by staff with the photo of the signed ballot. */
export const paperSchema = {
  type: 'object',
  title: '登记纸质选票',
  properties: {
    unitId: { type: 'string', title: '房屋', pattern: '^[0-9]{1,10}$' },
    choice: { type: 'string', title: '选票意见', enum: choices },
    photos: { type: 'array', title: '选票照片', minItems: 1, maxItems: 3, items: { type: 'string', pattern: '^[0-9]{1,10}$' } },
  },
  required: ['unitId', 'choice', 'photos'],
  additionalProperties: false,
} as const;
export type PaperInput = FromSchema<typeof paperSchema>;

export const paperForm: FormDefinition = {
  id: 'owners-self-governance.paper-ballot',
  title: { 'zh-CN': '登记纸质选票', en: 'Record a paper ballot' },
  schema: paperSchema,
  uiSchema: {
    unitId: lookup({ source: `${api}/votes/{param.id}/pending`, value: 'id', label: '{buildingName}{room}', search: true }),
    choice: { 'ui:widget': 'radio' },
    photos: { 'ui:widget': 'photos' },
  },
  translations: { en: { '/': 'Record a paper ballot', '/unitId': 'Unit', '/choice': 'Ballot', ...choiceLabels('/choice'), '/photos': 'Photo of the ballot' } },
};

/**
 * The most candidates a ballot's boxes let an owner tick: an election has at
 * most 15 seats (forms/committee.ts); the vote's own seats are checked by the
 * server (OSG_ERR_TOO_MANY_TICKED).
 */
const MAX_SEATS = 15;
const candidateIds = { type: 'array', title: '同意的候选人（打勾，不超过应选人数）', items: { type: 'string', pattern: '^[0-9]{1,10}$' }, uniqueItems: true, maxItems: MAX_SEATS } as const;
const candidateBoxes = (vote: string) => ({
  // The boxes stop at this vote's seats (the row that opens the ballot passes them); the server holds it too.
  ...lookup({ source: `${api}/votes/${vote}/candidates`, value: 'id', label: '{name}（{building}）', max: '{param.seats}' }),
  'ui:help': '在同意的候选人名下打勾，不超过应选人数；一个不勾即全部弃权',
});
const candidateLabels = { '/candidateIds': 'Candidates I agree with (tick at most as many as there are seats)', '/candidateIds@help': 'Tick the candidates you agree with, at most as many as there are seats; tick none to abstain from all' };

/** An owner's ballot in a committee election (差额选举): their unit, the candidates they agree with, the one-time confirmation. */
export const candidateBallotSchema = {
  type: 'object',
  title: '业委会选举投票',
  properties: {
    unitId: { type: 'string', title: '房屋', pattern: '^[0-9]{1,10}$' },
    candidateIds,
    confirm: { type: 'boolean', title: '我确认以上选择，提交后不可更改', default: false },
  },
  // No box ticked leaves the field out: abstaining from all.
  required: ['unitId', 'confirm'],
  additionalProperties: false,
} as const;
export type CandidateBallotInput = FromSchema<typeof candidateBallotSchema>;

export const candidateBallotForm: FormDefinition = {
  id: 'owners-self-governance.candidate-ballot',
  title: { 'zh-CN': '业委会选举投票', en: 'Committee election ballot' },
  schema: candidateBallotSchema,
  uiSchema: {
    'ui:order': ['unitId', 'candidateIds', 'confirm'],
    unitId: lookup({ source: `${api}/my/units?vote={param.vote}`, value: 'id', label: '{buildingName}{room}' }),
    candidateIds: candidateBoxes('{param.vote}'),
  },
  translations: { en: { '/': 'Committee election ballot', '/unitId': 'Unit', ...candidateLabels, '/confirm': 'I confirm; a submitted ballot cannot be changed' } },
};

/** A committee election's paper ballot, recorded by staff with its photo: the candidates ticked on it. */
export const candidatePaperSchema = {
  type: 'object',
  title: '登记纸质选票（业委会选举）',
  properties: {
    unitId: { type: 'string', title: '房屋', pattern: '^[0-9]{1,10}$' },
    candidateIds: { ...candidateIds, title: '选票上勾选的候选人' },
    photos: { type: 'array', title: '选票照片', minItems: 1, maxItems: 3, items: { type: 'string', pattern: '^[0-9]{1,10}$' } },
  },
  required: ['unitId', 'photos'],
  additionalProperties: false,
} as const;
export type CandidatePaperInput = FromSchema<typeof candidatePaperSchema>;

export const candidatePaperForm: FormDefinition = {
  id: 'owners-self-governance.candidate-paper-ballot',
  title: { 'zh-CN': '登记纸质选票（业委会选举）', en: 'Record a paper election ballot' },
  schema: candidatePaperSchema,
  uiSchema: {
    'ui:order': ['unitId', 'candidateIds', 'photos'],
    unitId: lookup({ source: `${api}/votes/{param.id}/pending`, value: 'id', label: '{buildingName}{room}', search: true }),
    candidateIds: { ...candidateBoxes('{param.id}'), 'ui:help': '照选票勾选；选票上一个未勾即全部弃权' },
    photos: { 'ui:widget': 'photos' },
  },
  translations: { en: { '/': 'Record a paper election ballot', '/unitId': 'Unit', '/candidateIds': 'Candidates ticked on the ballot', '/candidateIds@help': 'As ticked on the ballot; none ticked abstains from all', '/photos': 'Photo of the ballot' } },
};

/** Closing a vote: counting by Art. 278 and publishing the result. */
export const closeSchema = {
  type: 'object',
  title: '结束表决并计票',
  properties: { confirm: { type: 'boolean', title: '确认结束投票、按民法典第二百七十八条计票并公示结果', default: false } },
  required: ['confirm'],
  additionalProperties: false,
} as const;

export const closeForm: FormDefinition = {
  id: 'owners-self-governance.close',
  title: { 'zh-CN': '结束表决并计票', en: 'Close and count' },
  schema: closeSchema,
  translations: { en: { '/': 'Close and count', '/confirm': 'Close voting, count by Civil Code Art. 278 and publish the result' } },
};
