import { responseRecord as record, type ResponseField } from '@linli/sdk';

/** JSON Schemas of the routes' queries and responses (bodies are the forms' own schemas). */
export const doc = (summary: string) => ({ tags: ['service-stations'], summary });

const str = 'string';
const optStr: ResponseField = ['string', 'null'];
const int = 'integer';
const optNum: ResponseField = ['number', 'null'];

export const errors = { 400: { $ref: 'LinliError#' }, 401: { $ref: 'LinliError#' }, 403: { $ref: 'LinliError#' }, 404: { $ref: 'LinliError#' } } as const;
export const writeErrors = { ...errors, 409: { $ref: 'LinliError#' }, 422: { $ref: 'LinliError#' } } as const;

const idParam = { type: 'string', pattern: '^[0-9]{1,10}$' } as const;
/** `orgId` narrows to that org's subtree (a page or the dashboard passes its chosen org; empty means all I see). */
const orgId = { type: 'string', pattern: '^[0-9]{0,10}$' } as const;
export const params = { type: 'object', properties: { id: idParam }, required: ['id'], additionalProperties: false } as const;
export const staffParams = { type: 'object', properties: { id: idParam, personId: idParam }, required: ['id', 'personId'], additionalProperties: false } as const;
export const orgQuery = { type: 'object', properties: { orgId }, additionalProperties: false } as const;
export const inspectionsQuery = {
  type: 'object',
  properties: { orgId, stationId: { type: 'string', pattern: '^[0-9]{0,10}$' }, status: { enum: ['due', 'done', ''] }, limit: { type: 'integer', minimum: 1, maximum: 500, default: 200 } },
  additionalProperties: false,
} as const;

export const stationItem = record({
  id: str,
  name: str,
  orgId: str,
  orgName: str,
  place: optStr,
  source: str,
  standing: str,
  standingTitle: str,
  period: optStr,
  periodTitle: optStr,
  failed: int,
  openItems: int,
  due: int,
  team: str,
  teamComplete: 'boolean',
  teamTitle: str,
  onDuty: str,
});

export const staffItem = record({ stationId: str, personId: str, name: str, position: str, positionTitle: str, duty: optStr, weekdays: str });
export const candidateItem = record({ id: str, name: str, roles: str });

export const inspectionItem = record({
  id: str,
  stationId: str,
  stationName: str,
  orgName: str,
  period: str,
  periodTitle: str,
  status: str,
  statusTitle: str,
  openedAt: str,
  inspectedAt: optStr,
  inspectorName: optStr,
  note: optStr,
  failed: int,
  openItems: int,
  resultTitle: str,
});

export const resultItem = record({ itemKey: str, itemTitle: str, resultTitle: str, reason: optStr, photos: { type: 'array', items: { type: 'string' } }, photoCount: int, ticketId: optStr, ticketStateTitle: optStr });

export const rollupItem = record({
  orgId: str,
  orgName: str,
  orgType: str,
  orgTypeTitle: str,
  depth: int,
  stations: int,
  compliant: int,
  rectifying: int,
  uninspected: int,
  openItems: int,
  staffed: int,
  rate: optNum,
});

export const items = (item: object) => ({ type: 'object', properties: { items: { type: 'array', items: item } }, required: ['items'] }) as const;
export const value = { type: 'object', properties: { value: { type: 'number' } }, required: ['value'] } as const;
export const ok = { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] } as const;
