import { responseRecord as record, type ResponseField as FieldType } from '@linli/sdk';

/**
 * JSON Schemas of the plugin's route parameters and responses. Request
 * bodies are the forms' own schemas (forms/*.ts): one schema per concept,
 * validated by fastify and rendered by the web app.
 */

/** OpenAPI notes of a route, spread into its schema (fastify's own types do not list `tags`/`summary`). */
export const doc = (summary: string) => ({ tags: ['weekend-deliberation-hall'], summary });

const str: FieldType = 'string';
const optStr: FieldType = ['string', 'null'];
const int: FieldType = 'integer';
const optInt: FieldType = ['integer', 'null'];

const error = { $ref: 'LinliError#' } as const;
export const errors = { 400: error, 401: error, 403: error, 404: error } as const;
export const writeErrors = { ...errors, 409: error, 422: error } as const;

const id = { type: 'string', pattern: '^[1-9][0-9]{0,9}$' } as const;
export const idParams = { type: 'object', properties: { id }, required: ['id'], additionalProperties: false } as const;
export const itemParams = { type: 'object', properties: { id, topicId: id }, required: ['id', 'topicId'], additionalProperties: false } as const;
export const agendaBody = { type: 'object', properties: { topicId: id }, required: ['topicId'], additionalProperties: false } as const;

/** `orgId` narrows a list to the halls at or under that org; the dashboard passes its chosen org. */
const orgId = { type: 'string', pattern: '^[0-9]{0,10}$' } as const;
const limit = { type: 'integer', minimum: 1, maximum: 500, default: 100 } as const;
export const orgQuery = { type: 'object', properties: { orgId }, additionalProperties: false } as const;
export const sessionsQuery = {
  type: 'object',
  properties: { orgId, status: { type: 'string', enum: ['scheduled', 'held', 'closed', 'cancelled'] }, limit },
  additionalProperties: false,
} as const;
export const topicsQuery = {
  type: 'object',
  properties: { orgId, state: { type: 'string', enum: ['proposed', 'accepted', 'scheduled', 'implementing', 'completed', 'publicized', 'not-adopted', 'declined'] }, limit },
  additionalProperties: false,
} as const;

export const hallItem = record({ compoundOrgId: str, compoundName: str, place: str, sessionsHeld: int, topicsOpen: int, nextSession: optStr });

export const sessionItem = record({
  id: str,
  compoundOrgId: str,
  compoundName: str,
  title: str,
  date: str,
  weekday: str,
  time: str,
  place: str,
  theme: optStr,
  status: str,
  statusTitle: str,
  present: int,
  attendance: str,
  missingGroups: str,
  agendaItems: int,
  decided: int,
  hasRecord: 'boolean',
  heldAt: optStr,
  closedAt: optStr,
});

export const agendaItem = record({
  id: str,
  sessionId: str,
  ticketId: str,
  title: str,
  category: str,
  state: str,
  stateTitle: str,
  status: str,
  statusTitle: str,
  votesFor: optInt,
  votesAgainst: optInt,
  abstentions: optInt,
  passed: ['boolean', 'null'],
  explanation: optStr,
  deliberation: optStr,
  resolution: optStr,
  implementer: optStr,
  deadline: optStr,
  result: optStr,
});

export const topicItem = record({ ticketId: str, compoundName: str, title: str, category: str, state: str, stateTitle: str, raisedAt: str, screenedAt: optStr, resolvedAt: optStr, result: optStr });

const groupPresence = { type: 'object', properties: { present: { type: 'integer' }, names: { type: ['string', 'null'] } }, required: ['present', 'names'] } as const;

export const sessionDetail = {
  type: 'object',
  properties: {
    session: sessionItem,
    participants: {
      type: 'object',
      properties: { partyMembers: groupPresence, residentsCommittee: groupPresence, ownerRepresentatives: groupPresence, propertyCompany: groupPresence },
    },
    record: { type: ['string', 'null'] },
    agenda: { type: 'array', items: agendaItem },
  },
  required: ['session', 'participants', 'record', 'agenda'],
} as const;

export const stepResult = record({ id: str, state: str, version: int, deadline: optStr });

export const indicatorItem = record({
  orgId: str,
  name: str,
  level: str,
  levelTitle: str,
  halls: int,
  sessionsHeld: int,
  topicsRaised: int,
  topicsAccepted: int,
  topicsDeclined: int,
  consultations: int,
  problemsSolved: int,
  topicsOpen: int,
});

export const statValue = { type: 'object', properties: { value: { type: 'integer' } }, required: ['value'] } as const;

export const items = <T>(item: T) => ({ type: 'object', properties: { items: { type: 'array', items: item } }, required: ['items'] }) as const;
