import { enumLabels, lookup, type FormDefinition } from '@linli/sdk';

const api = '/api/plugins/dispute-mediation';
const id = { type: 'string', pattern: '^[1-9][0-9]{0,9}$' } as const;
/** A mediator picked by name from the city's pools (GET /mediators); nobody types a number. */
const mediator = lookup({ source: `${api}/mediators`, value: 'personId', label: '{name}（{poolTitle}）' });

/** The slots of a team: the lead 主调解员 and up to four more, each from any pool ("8+X"). */
export const teamSlots = ['lead', 'second', 'third', 'fourth', 'fifth'] as const;

/** 组建调解团队: the community draws a team from the pools — community forces and at least one of 三官一律. */
export const teamForm: FormDefinition = {
  id: 'dispute-mediation.team',
  title: { 'zh-CN': '组建调解团队', en: 'Form the mediation team' },
  schema: {
    type: 'object',
    properties: {
      lead: { ...id, title: '主调解员' },
      second: { ...id, title: '调解员二' },
      third: { ...id, title: '调解员三' },
      fourth: { ...id, title: '调解员四' },
      fifth: { ...id, title: '调解员五' },
    },
    required: ['lead'],
    additionalProperties: false,
  },
  uiSchema: {
    'ui:order': ['lead', 'second', 'third', 'fourth', 'fifth'],
    lead: mediator,
    second: mediator,
    third: mediator,
    fourth: mediator,
    fifth: mediator,
  },
  translations: { en: { '/': 'Form the mediation team', '/lead': 'Lead mediator', '/second': 'Mediator 2', '/third': 'Mediator 3', '/fourth': 'Mediator 4', '/fifth': 'Mediator 5' } },
};

export const partiesPresentChoices = ['申请人', '被申请人', '物业服务企业', '业主委员会', '其他相关方'] as const;

/** 调解记录: one session — when, where, who came (parties and mediators), and the record. */
export const sessionForm: FormDefinition = {
  id: 'dispute-mediation.session',
  title: { 'zh-CN': '登记调解', en: 'Record a session' },
  schema: {
    type: 'object',
    properties: {
      heldOn: { type: 'string', title: '调解日期', format: 'date' },
      place: { type: 'string', title: '调解地点', maxLength: 60 },
      partiesPresent: { type: 'array', title: '到场当事人', minItems: 1, uniqueItems: true, items: { type: 'string', enum: partiesPresentChoices } },
      absentMediator: { ...id, title: '缺席调解员（如有）' },
      record: { type: 'string', title: '调解笔录', minLength: 5, maxLength: 4000 },
    },
    required: ['heldOn', 'partiesPresent', 'record'],
    additionalProperties: false,
  },
  uiSchema: {
    'ui:order': ['heldOn', 'place', 'partiesPresent', 'absentMediator', 'record'],
    place: { 'ui:help': '不填则为所在社区调解室' },
    partiesPresent: { 'ui:widget': 'checkboxes', 'ui:options': { inline: true } },
    absentMediator: lookup({ source: `${api}/cases/{param.id}/team`, value: 'personId', label: '{name}（{poolTitle}）' }),
    record: { 'ui:widget': 'textarea', 'ui:options': { rows: 6 } },
  },
  translations: {
    en: {
      '/': 'Record a session',
      '/heldOn': 'Held on',
      '/place': 'Place',
      '/place@help': 'Leave empty for the community\'s mediation room',
      '/partiesPresent': 'Parties present',
      ...enumLabels('/partiesPresent', partiesPresentChoices, { 申请人: 'Applicant', 被申请人: 'Respondent', 物业服务企业: 'Property company', 业主委员会: "Owners' committee", 其他相关方: 'Others concerned' }),
      '/absentMediator': 'Mediator absent (if any)',
      '/record': 'Record of the session',
    },
  },
};
