import { enumLabels, lookup, type FormDefinition, type FromSchema } from '@linli/sdk';

const id = { type: 'string', pattern: '^[1-9][0-9]{0,9}$' } as const;
const photos = (title: string) => ({ type: 'array', title, maxItems: 6, items: { type: 'string', pattern: '^[0-9]{1,10}$' } }) as const;

export const categories = ['公共设施', '环境卫生', '停车管理', '安全隐患', '绿化景观', '物业服务', '加装电梯', '邻里关系', '其他'] as const;
const categoryLabels = (path: string) =>
  enumLabels(path, categories, {
    公共设施: 'Public facilities',
    环境卫生: 'Environment and sanitation',
    停车管理: 'Parking',
    安全隐患: 'Safety hazard',
    绿化景观: 'Greenery and landscape',
    物业服务: 'Property services',
    加装电梯: 'Lift installation',
    邻里关系: 'Neighbour relations',
    其他: 'Other',
  });

const topicSchema = {
  type: 'object',
  title: '提出议题',
  properties: {
    title: { type: 'string', title: '议题', minLength: 2, maxLength: 100 },
    category: { type: 'string', title: '类别', enum: categories },
    description: { type: 'string', title: '情况说明', minLength: 5, maxLength: 2000 },
    suggestion: { type: 'string', title: '建议方案', maxLength: 1000 },
    location: { type: 'string', title: '位置', maxLength: 200 },
    photos: photos('现场照片'),
  },
  required: ['title', 'category', 'description'],
  additionalProperties: false,
} as const;
export type TopicInput = FromSchema<typeof topicSchema>;

/** A resident's topic 议题: what is wrong, and what they propose. */
export const topicForm: FormDefinition = {
  id: 'weekend-deliberation-hall.topic',
  title: { 'zh-CN': '提出议题', en: 'Raise a topic' },
  schema: topicSchema,
  uiSchema: {
    'ui:order': ['title', 'category', 'description', 'suggestion', 'location', 'photos'],
    description: { 'ui:widget': 'textarea', 'ui:options': { rows: 4 } },
    suggestion: { 'ui:widget': 'textarea', 'ui:help': '您希望怎么解决？可不填' },
    photos: { 'ui:widget': 'photos' },
  },
  translations: {
    en: {
      '/': 'Raise a topic',
      '/title': 'Topic',
      '/category': 'Category',
      ...categoryLabels('/category'),
      '/description': 'What is it about',
      '/suggestion': 'What you propose',
      '/location': 'Where',
      '/photos': 'Photos',
    },
  },
};

/** Screening 合理性审核, accepted: the topic goes into the hall's agenda 议事项目. */
export const acceptForm: FormDefinition = {
  id: 'weekend-deliberation-hall.topic.accept',
  title: { 'zh-CN': '受理议题', en: 'Accept the topic' },
  schema: {
    type: 'object',
    properties: { opinion: { type: 'string', title: '合理性审核意见', minLength: 2, maxLength: 1000 } },
    required: ['opinion'],
    additionalProperties: false,
  },
  uiSchema: { opinion: { 'ui:widget': 'textarea', 'ui:help': '说明该议题为何属于小区公共事务、适合提交议事厅协商' } },
  translations: { en: { '/': 'Accept the topic', '/opinion': 'Screening opinion (why it is reasonable)' } },
};

export const declineBases = ['不属于小区公共事务', '已有其他渠道办理', '违反法律法规或公序良俗', '与已有议题重复', '其他'] as const;
/** The shortest reason a resident is given (trimmed), enforced by the plugin's hook. */
export const MIN_REASON = 4;

/** Screening, declined: the resident reads the reason on their topic. */
export const declineForm: FormDefinition = {
  id: 'weekend-deliberation-hall.topic.decline',
  title: { 'zh-CN': '不予受理', en: 'Decline the topic' },
  schema: {
    type: 'object',
    properties: {
      basis: { type: 'string', title: '不予受理依据', enum: declineBases },
      reason: { type: 'string', title: '向居民说明的理由', minLength: 1, maxLength: 1000 },
    },
    required: ['basis', 'reason'],
    additionalProperties: false,
  },
  uiSchema: { basis: { 'ui:widget': 'radio' }, reason: { 'ui:widget': 'textarea', 'ui:help': '居民会看到这段说明，请写清楚原因和可以找谁办理' } },
  translations: {
    en: {
      '/': 'Decline the topic',
      '/basis': 'Grounds',
      ...enumLabels('/basis', declineBases, {
        不属于小区公共事务: 'Not a common matter of the compound',
        已有其他渠道办理: 'Handled through another channel',
        违反法律法规或公序良俗: 'Against the law or public order',
        与已有议题重复: 'Duplicates an existing topic',
        其他: 'Other',
      }),
      '/reason': 'Reason given to the resident',
    },
  },
};

/** Scheduled on a session 排入议程 (normally from the session's agenda, which fills the id in). */
export const scheduleTopicForm: FormDefinition = {
  id: 'weekend-deliberation-hall.topic.schedule',
  title: { 'zh-CN': '排入议程', en: 'Put on a session’s agenda' },
  schema: { type: 'object', properties: { sessionId: { ...id, title: '议事活动' } }, required: ['sessionId'], additionalProperties: false },
  // The topic's compound's sessions still to come, by date; the only one is chosen already.
  uiSchema: { sessionId: lookup({ source: '/api/plugins/weekend-deliberation-hall/sessions?status=scheduled', label: '{title}（{place}）', where: { compoundOrgId: '{ticket.orgId}' } }) },
  translations: { en: { '/': 'Put on a session’s agenda', '/sessionId': 'Session' } },
};

const voteFields = {
  deliberation: { type: 'string', title: '协商情况', minLength: 2, maxLength: 2000 },
  resolution: { type: 'string', title: '议定方案', minLength: 2, maxLength: 2000 },
  votesFor: { type: 'integer', title: '赞成', minimum: 0, maximum: 10000 },
  votesAgainst: { type: 'integer', title: '反对', minimum: 0, maximum: 10000 },
  abstentions: { type: 'integer', title: '弃权', minimum: 0, maximum: 10000 },
  implementer: { type: 'string', title: '实施单位', maxLength: 100 },
  deadline: { type: 'string', title: '完成时限', format: 'date-time' },
} as const;

export const voteSchema = {
  type: 'object',
  title: '协商表决',
  properties: { sessionId: { ...id, title: '议事活动' }, ...voteFields },
  required: ['sessionId', 'deliberation', 'resolution', 'votesFor', 'votesAgainst', 'abstentions'],
  additionalProperties: false,
} as const;
export type VoteData = FromSchema<typeof voteSchema>;

const voteTranslations = {
  '/sessionId': 'Session',
  '/deliberation': 'How the deliberation went',
  '/resolution': 'Resolution (what was decided)',
  '/votesFor': 'For',
  '/votesAgainst': 'Against',
  '/abstentions': 'Abstentions',
  '/implementer': 'Who carries it out',
  '/deadline': 'Deadline',
};

/**
 * The vote on a topic 民议民决, as the ticket step records it: `resolve` when
 * it passes under the city's rule, `not-adopt` when it does not. The plugin's
 * hook checks the session, the agenda, attendance and the counts on both.
 */
export const voteForm: FormDefinition = {
  id: 'weekend-deliberation-hall.topic.vote',
  title: { 'zh-CN': '协商表决', en: 'Deliberation and vote' },
  schema: voteSchema,
  uiSchema: {
    'ui:order': ['sessionId', 'deliberation', 'resolution', 'votesFor', 'votesAgainst', 'abstentions', 'implementer', 'deadline'],
    // The vote happens at a session under way (signed in) of the topic's compound: that one, chosen already.
    sessionId: lookup({ source: '/api/plugins/weekend-deliberation-hall/sessions?status=held', label: '{title}', where: { compoundOrgId: '{ticket.orgId}' } }),
    deliberation: { 'ui:widget': 'textarea' },
    resolution: { 'ui:widget': 'textarea' },
  },
  translations: { en: { '/': 'Deliberation and vote', ...voteTranslations } },
};

/** The body of `POST /sessions/:id/votes`: the vote without the session (it is in the path), naming the topic. */
export const sessionVoteSchema = {
  type: 'object',
  title: '协商表决',
  properties: { topicId: { ...id, title: '议题' }, ...voteFields },
  required: ['topicId', 'deliberation', 'resolution', 'votesFor', 'votesAgainst', 'abstentions'],
  additionalProperties: false,
} as const;
export type SessionVoteInput = FromSchema<typeof sessionVoteSchema>;

export const sessionVoteForm: FormDefinition = {
  id: 'weekend-deliberation-hall.session.vote',
  title: { 'zh-CN': '协商表决', en: 'Deliberation and vote' },
  schema: sessionVoteSchema,
  uiSchema: {
    'ui:order': ['topicId', 'deliberation', 'resolution', 'votesFor', 'votesAgainst', 'abstentions', 'implementer', 'deadline'],
    // The topics of this session's agenda still waiting for a vote.
    topicId: lookup({ source: '/api/plugins/weekend-deliberation-hall/sessions/{param.id}/agenda', value: 'ticketId', label: '{title}', where: { status: 'pending' } }),
    deliberation: { 'ui:widget': 'textarea' },
    resolution: { 'ui:widget': 'textarea' },
  },
  translations: { en: { '/': 'Deliberation and vote', '/topicId': 'Topic', ...Object.fromEntries(Object.entries(voteTranslations).filter(([k]) => k !== '/sessionId')) } },
};

export const supervisionKinds = ['施工进度', '邻里关切', '安全文明施工', '其他'] as const;

/** 监督落实: the community follows the works and the neighbours' concerns until done. */
export const superviseForm: FormDefinition = {
  id: 'weekend-deliberation-hall.topic.supervise',
  title: { 'zh-CN': '监督落实', en: 'Supervision update' },
  schema: {
    type: 'object',
    properties: {
      kind: { type: 'string', title: '督办内容', enum: supervisionKinds },
      note: { type: 'string', title: '情况记录', minLength: 2, maxLength: 2000 },
      photos: photos('现场照片'),
    },
    required: ['kind', 'note'],
    additionalProperties: false,
  },
  uiSchema: { kind: { 'ui:widget': 'radio' }, note: { 'ui:widget': 'textarea' }, photos: { 'ui:widget': 'photos' } },
  translations: {
    en: {
      '/': 'Supervision update',
      '/kind': 'What was checked',
      ...enumLabels('/kind', supervisionKinds, { 施工进度: 'Progress of the works', 邻里关切: "Neighbours' concerns", 安全文明施工: 'Safe and considerate works', 其他: 'Other' }),
      '/note': 'What was found',
      '/photos': 'Photos',
    },
  },
};

export const satisfactions = ['满意', '基本满意', '不满意'] as const;

export const completeForm: FormDefinition = {
  id: 'weekend-deliberation-hall.topic.complete',
  title: { 'zh-CN': '落实完成', en: 'Implementation done' },
  schema: {
    type: 'object',
    properties: {
      result: { type: 'string', title: '落实结果', minLength: 2, maxLength: 2000 },
      satisfaction: { type: 'string', title: '居民满意度', enum: satisfactions },
      photos: photos('完工照片'),
    },
    required: ['result', 'satisfaction'],
    additionalProperties: false,
  },
  uiSchema: { result: { 'ui:widget': 'textarea' }, satisfaction: { 'ui:widget': 'radio' }, photos: { 'ui:widget': 'photos' } },
  translations: {
    en: {
      '/': 'Implementation done',
      '/result': 'What was done',
      '/satisfaction': "Residents' satisfaction",
      ...enumLabels('/satisfaction', satisfactions, { 满意: 'Satisfied', 基本满意: 'Mostly satisfied', 不满意: 'Not satisfied' }),
      '/photos': 'Photos of the result',
    },
  },
};

/** 结果公示: the notice (GET /sessions/:id/notice) is posted; the topic closes. */
export const publicizeForm: FormDefinition = {
  id: 'weekend-deliberation-hall.topic.publicize',
  title: { 'zh-CN': '结果公示', en: 'Post the public notice' },
  schema: {
    type: 'object',
    properties: {
      postedAt: { type: 'string', title: '公示地点', minLength: 2, maxLength: 100 },
      days: { type: 'integer', title: '公示天数', minimum: 1, maximum: 30, default: 7 },
    },
    required: ['postedAt', 'days'],
    additionalProperties: false,
  },
  uiSchema: { postedAt: { 'ui:placeholder': '小区公示栏、业主群' } },
  translations: { en: { '/': 'Post the public notice', '/postedAt': 'Where it is posted', '/days': 'Days on display' } },
};
