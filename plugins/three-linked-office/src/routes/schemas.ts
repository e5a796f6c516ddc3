import { responseRecord as record, type ResponseField as FieldType } from '@linli/sdk';

/**
 * JSON Schemas of the plugin's route parameters and responses. Request
 * bodies are the forms' own schemas (forms/office.ts): one schema per
 * concept, validated by fastify and rendered by the web app.
 */
/**
 * OpenAPI notes of a route. Spread into the schema: the server's swagger
 * plugin knows `tags` and `summary`, the bare fastify types do not.
 */
export const doc = (summary: string) => ({ tags: ['three-linked-office'], summary });

const str: FieldType = 'string';
const optStr: FieldType = ['string', 'null'];
const int: FieldType = 'integer';

export const errors = {
  400: { $ref: 'LinliError#' },
  401: { $ref: 'LinliError#' },
  403: { $ref: 'LinliError#' },
  404: { $ref: 'LinliError#' },
} as const;
export const writeErrors = { ...errors, 409: { $ref: 'LinliError#' }, 422: { $ref: 'LinliError#' } } as const;

const id = { type: 'string', pattern: '^[1-9][0-9]{0,9}$' } as const;
export const idParams = { type: 'object', properties: { id }, required: ['id'], additionalProperties: false } as const;
export const itemParams = { type: 'object', properties: { id, problemId: id }, required: ['id', 'problemId'], additionalProperties: false } as const;

/** `orgId` narrows a list to the offices at or under that org; the dashboard passes its chosen org. */
const orgId = { type: 'string', pattern: '^[0-9]{0,10}$' } as const;
const limit = { type: 'integer', minimum: 1, maximum: 500, default: 100 } as const;
export const orgQuery = { type: 'object', properties: { orgId }, additionalProperties: false } as const;
export const meetingsQuery = {
  type: 'object',
  properties: { orgId, officeId: { type: 'string', pattern: '^[0-9]{0,10}$' }, status: { type: 'string', enum: ['scheduled', 'held', 'closed', 'cancelled'] }, limit },
  additionalProperties: false,
} as const;
export const feeQuery = { type: 'object', properties: { orgId, limit }, additionalProperties: false } as const;
export const agendaBody = { type: 'object', properties: { problemId: id }, required: ['problemId'], additionalProperties: false } as const;

export const officeItem = record({
  id: str,
  compoundOrgId: str,
  compoundName: str,
  residentsCommittee: str,
  propertyCompany: str,
  ownersCommittee: str,
  partyCommittee: optStr,
  representatives: str,
  meetingDay: str,
  place: optStr,
  openProblems: int,
  lastMeeting: optStr,
  nextMeeting: optStr,
});

export const meetingItem = record({
  id: str,
  officeId: str,
  compoundOrgId: str,
  compoundName: str,
  title: str,
  date: str,
  time: str,
  scheduledAt: str,
  place: optStr,
  note: optStr,
  status: str,
  statusTitle: str,
  quorum: 'boolean',
  absent: str,
  agendaItems: int,
  decided: int,
  heldAt: optStr,
  closedAt: optStr,
});

export const agendaItem = record({
  id: str,
  position: int,
  meetingId: str,
  meetingDate: str,
  ticketId: str,
  compoundName: str,
  title: str,
  category: str,
  urgency: str,
  difficulty: str,
  state: str,
  stateTitle: str,
  outcome: str,
  outcomeTitle: str,
  decision: optStr,
  responsibleParty: optStr,
  responsiblePartyTitle: optStr,
  deadline: optStr,
  raisedAt: str,
});

export const indicatorItem = record({
  orgId: str,
  name: str,
  level: str,
  levelTitle: str,
  offices: int,
  meetingsHeld: int,
  problemsRaised: int,
  problemsSolved: int,
  problemsOpen: int,
  overdue: int,
  avgDaysToSolve: ['number', 'null'],
  feeRate: ['number', 'null'],
  feeRateMonth: optStr,
  feeRateFirst: ['number', 'null'],
});

export const feeItem = record({
  compoundOrgId: str,
  compoundName: str,
  month: str,
  rate: 'number',
  paidHouseholds: ['integer', 'null'],
  totalHouseholds: ['integer', 'null'],
  note: optStr,
  enteredAt: str,
});

export const trendItem = record({ month: str, rate: 'number', compounds: int });

const presence = { type: 'object', properties: { present: { type: 'boolean' }, attendees: { type: ['string', 'null'] } }, required: ['present', 'attendees'] } as const;

export const meetingDetail = {
  type: 'object',
  properties: {
    meeting: meetingItem,
    attendance: { type: 'object', properties: { residentsCommittee: presence, propertyCompany: presence, ownersCommittee: presence, partyCommittee: presence } },
    agenda: { type: 'array', items: agendaItem },
  },
  required: ['meeting', 'attendance', 'agenda'],
} as const;

export const decisionResult = record({ id: str, state: str, version: int, assigneeOrgId: optStr, deadline: optStr });

export const items = <T>(item: T) => ({ type: 'object', properties: { items: { type: 'array', items: item } }, required: ['items'] }) as const;
