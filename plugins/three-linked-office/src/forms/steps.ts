import { enumLabels, lookup, orgPicker, type FormDefinition } from '@linli/sdk';
import { parties } from '../parties.js';

const id = { type: 'string', pattern: '^[1-9][0-9]{0,9}$' } as const;
const photos = { type: 'array', title: '照片', maxItems: 6, items: { type: 'string', pattern: '^[0-9]{1,10}$' } } as const;

/** The three parties as a choice with Chinese labels (parties.ts holds the same ids and titles). */
export const responsiblePartySchema = {
  type: 'string',
  title: '责任方',
  oneOf: [
    { const: 'residentsCommittee', title: '居委会' },
    { const: 'propertyCompany', title: '物业' },
    { const: 'ownersCommittee', title: '业委会' },
  ],
} as const;

/** The parties' English names as labels of that choice, for `translations.en`. */
export const responsiblePartyLabels = (path: string) =>
  enumLabels(path, parties, { residentsCommittee: "Residents' committee", propertyCompany: 'Property company', ownersCommittee: "Owners' committee" });

const satisfactions = ['满意', '基本满意', '不满意'] as const;

export const decisionText = { type: 'string', title: '会商决定', minLength: 2, maxLength: 2000 } as const;
export const deadlineField = { type: 'string', title: '办结时限', format: 'date-time' } as const;

/**
 * The decision as the ticket step records it. Staff normally record it from
 * the meeting's agenda (the plugin fills in the meeting and the party's org);
 * the beforeTransition hook checks the same rules when it comes through the
 * core's transition route.
 */
export const decideForm: FormDefinition = {
  id: 'three-linked-office.problem.decide',
  title: { 'zh-CN': '三方会商决定', en: 'Three-party decision' },
  schema: {
    type: 'object',
    properties: {
      meetingId: { ...id, title: '会商会议' },
      decision: decisionText,
      responsibleParty: responsiblePartySchema,
      responsibleOrgId: { ...id, title: '责任单位' },
      deadline: deadlineField,
    },
    required: ['meetingId', 'decision', 'responsibleParty', 'responsibleOrgId', 'deadline'],
    additionalProperties: false,
  },
  uiSchema: {
    'ui:order': ['meetingId', 'decision', 'responsibleParty', 'responsibleOrgId', 'deadline'],
    // The meeting whose agenda holds this problem, by date; nobody types its number.
    meetingId: lookup({ source: '/api/plugins/three-linked-office/agenda', value: 'meetingId', label: '{meetingDate} {compoundName}三方会商', where: { ticketId: '{ticket.id}' } }),
    decision: { 'ui:widget': 'textarea' },
    responsibleParty: { 'ui:widget': 'radio' },
    // One of the three parties of this compound's office: the orgs attached to the problem's compound.
    responsibleOrgId: orgPicker({ kind: 'side', types: ['residents_committee', 'property_company', 'owners_committee'], near: true }),
  },
  translations: {
    en: { '/': 'Three-party decision', '/meetingId': 'Meeting', '/decision': 'Decision', '/responsibleParty': 'Responsible party', ...responsiblePartyLabels('/responsibleParty'), '/responsibleOrgId': 'Responsible organization', '/deadline': 'Deadline' },
  },
};

export const progressForm: FormDefinition = {
  id: 'three-linked-office.problem.progress',
  title: { 'zh-CN': '落实进展', en: 'Progress update' },
  schema: {
    type: 'object',
    properties: { progress: { type: 'string', title: '进展情况', minLength: 2, maxLength: 2000 }, photos },
    required: ['progress'],
    additionalProperties: false,
  },
  uiSchema: { progress: { 'ui:widget': 'textarea' }, photos: { 'ui:widget': 'photos' } },
  translations: { en: { '/': 'Progress update', '/progress': 'What has been done so far', '/photos': 'Photos' } },
};

export const doneForm: FormDefinition = {
  id: 'three-linked-office.problem.done',
  title: { 'zh-CN': '报告办结', en: 'Report done' },
  schema: {
    type: 'object',
    properties: { result: { type: 'string', title: '落实情况', minLength: 2, maxLength: 2000 }, photos: { ...photos, title: '办结照片' } },
    required: ['result'],
    additionalProperties: false,
  },
  uiSchema: { result: { 'ui:widget': 'textarea' }, photos: { 'ui:widget': 'photos' } },
  translations: { en: { '/': 'Report done', '/result': 'What was done', '/photos': 'Photos of the result' } },
};

export const verifyForm: FormDefinition = {
  id: 'three-linked-office.problem.verify',
  title: { 'zh-CN': '验收销号', en: 'Verify and close' },
  schema: {
    type: 'object',
    properties: {
      satisfaction: { type: 'string', title: '群众满意度', enum: satisfactions },
      opinion: { type: 'string', title: '验收意见', maxLength: 1000 },
    },
    required: ['satisfaction'],
    additionalProperties: false,
  },
  uiSchema: { satisfaction: { 'ui:widget': 'radio' }, opinion: { 'ui:widget': 'textarea' } },
  translations: { en: { '/': 'Verify and close', '/satisfaction': "Residents' satisfaction", ...enumLabels('/satisfaction', satisfactions, { 满意: 'Satisfied', 基本满意: 'Mostly satisfied', 不满意: 'Not satisfied' }), '/opinion': 'Verification notes' } },
};

export const sendBackForm: FormDefinition = {
  id: 'three-linked-office.problem.send-back',
  title: { 'zh-CN': '退回重办', en: 'Send back' },
  schema: {
    type: 'object',
    properties: { reason: { type: 'string', title: '退回原因', minLength: 2, maxLength: 1000 }, deadline: { ...deadlineField, title: '新的办结时限' } },
    required: ['reason', 'deadline'],
    additionalProperties: false,
  },
  uiSchema: { reason: { 'ui:widget': 'textarea' } },
  translations: { en: { '/': 'Send back', '/reason': 'Why it is not done', '/deadline': 'New deadline' } },
};
