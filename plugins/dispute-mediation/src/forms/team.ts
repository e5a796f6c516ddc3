import { enumLabels, lookup, type FormDefinition } from '@linli/sdk';

const api = '/api/plugins/dispute-mediation';
const id = { type: 'string', pattern: '^[1-9][0-9]{0,9}$' } as const;
/** A mediator picked by name from the city's pools (GET /mediators); nobody types a number. */
const mediator = lookup({ source: `${api}/mediators`, value: 'personId', label: '{name}（{poolTitle}）' });

/** The largest team the options allow ("8+X": the lead and up to eight more). */
export const TEAM_MAX = 9;

/**
 * 组建调解团队: the community draws a team from the pools — the lead 主调解员
 * and the others ticked by name, as many as the city's `teamSize` allows
 * (community forces and at least one of 三官一律). A function of the options,
 * so the form offers exactly the city's team size.
 */
export function teamForm(teamSize: { min: number; max: number }): FormDefinition {
  return {
    id: 'dispute-mediation.team',
    title: { 'zh-CN': '组建调解团队', en: 'Form the mediation team' },
    schema: {
      type: 'object',
      properties: {
        lead: { ...id, title: '主调解员' },
        others: { type: 'array', title: `其他调解员（最多 ${teamSize.max - 1} 名）`, items: id, uniqueItems: true, minItems: Math.max(0, teamSize.min - 1), maxItems: teamSize.max - 1 },
      },
      required: teamSize.min > 1 ? ['lead', 'others'] : ['lead'],
      additionalProperties: false,
    },
    uiSchema: { 'ui:order': ['lead', 'others'], lead: mediator, others: mediator },
    translations: { en: { '/': 'Form the mediation team', '/lead': 'Lead mediator', '/others': `Other mediators (at most ${teamSize.max - 1})` } },
  };
}

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
