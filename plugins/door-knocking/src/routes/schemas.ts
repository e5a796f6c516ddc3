import { responseRecord as record, type ResponseField as FieldType } from '@linli/sdk';
import { roundIdPattern } from '../rounds.js';

/**
 * JSON Schemas of the routes' queries and responses. The request body of
 * `POST /visits` is the visit form's own schema (forms/visit.ts). fastify
 * validates with these, serializes with them (a field not listed is never
 * sent) and the server publishes them in the OpenAPI document.
 */
export const doc = (summary: string) => ({ tags: ['door-knocking'], summary });

const str = 'string';
const optStr: FieldType = ['string', 'null'];
const int = 'integer';

export const errors = { 400: { $ref: 'LinliError#' }, 401: { $ref: 'LinliError#' }, 403: { $ref: 'LinliError#' }, 404: { $ref: 'LinliError#' } } as const;
export const writeErrors = { ...errors, 409: { $ref: 'LinliError#' }, 422: { $ref: 'LinliError#' } } as const;

/** `orgId` narrows to that org's subtree (the dashboard passes its chosen org); `round` defaults to the current one. */
const orgId = { type: 'string', pattern: '^[0-9]{0,10}$' } as const;
const round = { type: 'string', pattern: roundIdPattern } as const;
export const orgQuery = { type: 'object', properties: { orgId }, additionalProperties: false } as const;
export const roundQuery = { type: 'object', properties: { orgId, round }, additionalProperties: false } as const;
export const visitsQuery = {
  type: 'object',
  properties: { orgId, round, limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 } },
  additionalProperties: false,
} as const;

export const visitItem = record({
  id: str,
  buildingOrgId: str,
  buildingName: str,
  household: str,
  round: str,
  visitedAt: str,
  visitorId: str,
  visitorName: str,
  atHome: 'boolean',
  atHomeTitle: str,
  needs: { type: 'array', items: { type: 'string' } },
  needsText: str,
  note: optStr,
  ticketId: optStr,
  problemTitle: optStr,
  problemState: optStr,
  problemStateTitle: optStr,
});

export const progressItem = record({
  buildingOrgId: str,
  buildingName: str,
  leaders: str,
  round: str,
  roundTitle: str,
  visits: int,
  households: int,
  atHome: int,
  needs: int,
  problems: int,
  openProblems: int,
  lastVisitAt: optStr,
});

export const needItem = record({ need: str, count: int });

export const items = (item: object) => ({ type: 'object', properties: { items: { type: 'array', items: item } }, required: ['items'] }) as const;
export const value = { type: 'object', properties: { value: { type: 'integer' }, round: { type: 'string' } }, required: ['value'] } as const;
