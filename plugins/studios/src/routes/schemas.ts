import { responseRecord as record, type ResponseField as FieldType } from '@linli/sdk';

/**
 * JSON Schemas of the plugin's route parameters and responses. Request
 * bodies are the forms' own schemas (forms/*.ts): one schema per concept,
 * validated by fastify and rendered by the web app.
 */

/** OpenAPI notes of a route, spread into its schema (fastify's own types do not list `tags`/`summary`). */
export const doc = (summary: string) => ({ tags: ['studios'], summary });

const str: FieldType = 'string';
const optStr: FieldType = ['string', 'null'];
const int: FieldType = 'integer';
const optInt: FieldType = ['integer', 'null'];
const optNum: FieldType = ['number', 'null'];

const error = { $ref: 'LinliError#' } as const;
export const errors = { 400: error, 401: error, 403: error, 404: error, 422: error } as const;
export const writeErrors = { ...errors, 409: error } as const;

const id = { type: 'string', pattern: '^[1-9][0-9]{0,9}$' } as const;
export const idParams = { type: 'object', properties: { id }, required: ['id'], additionalProperties: false } as const;

const orgId = { type: 'string', pattern: '^[0-9]{0,10}$' } as const;
const optId = { type: 'string', pattern: '^[0-9]{0,10}$' } as const;
const limit = { type: 'integer', minimum: 1, maximum: 500, default: 200 } as const;
const month = { type: 'string', maxLength: 7 } as const;
const statuses = ['requested', 'confirmed', 'proposed', 'held', 'no_show', 'cancelled', 'declined'] as const;

export const studiosQuery = { type: 'object', properties: { orgId }, additionalProperties: false } as const;
export const openingsQuery = { type: 'object', properties: { studioId: optId }, additionalProperties: false } as const;
export const bookingsQuery = { type: 'object', properties: { orgId, studioId: optId, status: { type: 'string', enum: statuses }, limit }, additionalProperties: false } as const;
export const myBookingsQuery = { type: 'object', properties: { limit }, additionalProperties: false } as const;
export const slotsQuery = { type: 'object', properties: { studioId: optId, orgId }, additionalProperties: false } as const;
export const monthQuery = { type: 'object', properties: { month, orgId }, additionalProperties: false } as const;

export const items = (item: Record<string, unknown>) => ({ type: 'object', properties: { items: { type: 'array', items: item } }, required: ['items'] }) as const;

export const studioItem = record({ id: str, key: str, name: str, kind: str, host: optStr, place: str, description: optStr, communityName: str, slots: str, nextOpening: optStr });

export const openingItem = record({ id: str, studioId: str, studioName: str, kind: str, host: optStr, place: str, date: str, day: str, time: str, capacity: int, left: int, open: str, places: str });

const myBookingFields = {
  id: str,
  studioId: str,
  studioName: str,
  kind: str,
  time: str,
  startsAt: str,
  place: str,
  topic: str,
  status: str,
  statusTitle: str,
  staffNote: optStr,
  outcome: optStr,
  rated: str,
  rating: optInt,
  followUpTicketId: optStr,
} as const;
export const myBookingItem = record(myBookingFields);
export const staffBookingItem = record({ ...myBookingFields, residentName: str, noShows: int, record: optStr, ratingComment: optStr });

export const slotItem = record({ id: str, studioId: str, studioName: str, communityName: str, weekday: str, time: str, capacity: int });

export const monthlyItem = record({
  studioId: str,
  studioName: str,
  kind: str,
  communityName: str,
  month: str,
  booked: int,
  held: int,
  noShows: int,
  cancelled: int,
  pending: int,
  followUps: int,
  ratings: int,
  averageRating: optNum,
  satisfied: optNum,
});

export const statItem = record({ value: int });
