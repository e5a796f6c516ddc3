import { responseRecord as record, type ResponseField as FieldType } from '@linli/sdk';

/**
 * JSON Schemas of the routes' queries and responses. Request bodies are the
 * forms' own schemas (forms/*.ts). fastify validates with these, serializes
 * with them (a field not listed is never sent) and the server publishes them
 * in the OpenAPI document.
 */
export const doc = (summary: string) => ({ tags: ['volunteer-points'], summary });

const str = 'string';
const optStr: FieldType = ['string', 'null'];
const int = 'integer';
const num = 'number';

const error = { $ref: 'LinliError#' } as const;
export const errors = { 400: error, 401: error, 403: error, 404: error, 422: error } as const;
export const writeErrors = { ...errors, 409: error } as const;

const id = { type: 'string', pattern: '^[0-9]{1,10}$' } as const;
const orgId = { type: 'string', pattern: '^[0-9]{0,10}$' } as const;
const date = { type: 'string', format: 'date' } as const;
export const idParams = { type: 'object', properties: { id }, required: ['id'], additionalProperties: false } as const;
export const orgQuery = { type: 'object', properties: { orgId }, additionalProperties: false } as const;
export const periodQuery = {
  type: 'object',
  properties: { orgId, from: date, to: date, limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
  additionalProperties: false,
} as const;
export const yearQuery = { type: 'object', properties: { orgId, year: { type: 'string', pattern: '^20[0-9]{2}$' } }, additionalProperties: false } as const;
export const wishQuery = {
  type: 'object',
  properties: {
    orgId,
    view: { enum: ['scope', 'board', 'mine'], default: 'scope' },
    state: { enum: ['posted', 'claimed', 'fulfilled', 'verified', 'withdrawn'] },
  },
  additionalProperties: false,
} as const;

export const memberItem = record({
  id: str,
  personName: str,
  kind: str,
  kindTitle: str,
  compoundOrgId: str,
  compoundName: str,
  workUnit: optStr,
  partyBranch: optStr,
  skills: { type: 'array', items: { type: 'string' } },
  skillsText: str,
  registeredAt: str,
});

export const wishItem = record({
  id: str,
  ticketId: str,
  title: str,
  category: str,
  state: str,
  stateTitle: str,
  compoundOrgId: str,
  compoundName: str,
  posterName: str,
  claimant: optStr,
  postedAt: str,
  claimedAt: optStr,
  verifiedAt: optStr,
});

export const ticketItem = record({ id: str, state: str, version: int });

export const teamItem = record({ id: str, name: str, leader: optStr, description: optStr, orgName: str, activities: int, createdAt: str });
export const activityItem = record({
  id: str,
  title: str,
  date: str,
  place: optStr,
  plannedHours: num,
  orgName: str,
  teamName: optStr,
  signups: int,
  attended: int,
  signedUp: 'boolean',
  signedUpTitle: str,
});
export const signupItem = record({ memberId: str, name: str, compoundName: str, kindTitle: str, signedUpAt: str, hours: [num, 'null'], points: [int, 'null'], attendedTitle: str });

export const entryItem = record({
  id: str,
  date: str,
  recordedAt: str,
  orgName: str,
  accountKind: str,
  accountKindTitle: str,
  accountName: str,
  kind: str,
  kindTitle: str,
  points: int,
  hours: [num, 'null'],
  ticketId: optStr,
  activityTitle: optStr,
  correctsId: optStr,
  note: optStr,
});

export const rankingItem = record({ rank: int, name: str, kindTitle: str, compoundName: str, points: int, hours: num, wishes: int });
export const scorecardItem = record({
  kind: str,
  kindTitle: str,
  year: str,
  name: str,
  orgName: str,
  members: [int, 'null'],
  points: int,
  hours: num,
  wishes: int,
  stars: int,
  starsText: str,
});

export const created = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } as const;
export const items = (item: object) => ({ type: 'object', properties: { items: { type: 'array', items: item } }, required: ['items'] }) as const;
export const value = { type: 'object', properties: { value: { type: 'integer' } }, required: ['value'] } as const;
