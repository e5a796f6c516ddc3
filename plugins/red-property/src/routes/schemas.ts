import { responseRecord } from '@linli/sdk';

/** An object schema whose every listed field is present in each response (the SDK's `responseRecord`). */
export const record = responseRecord;

/**
 * JSON Schemas of the routes' queries and responses. Request bodies are the
 * forms' own schemas (forms/). fastify validates with these, serializes with
 * them (a field not listed is never sent) and publishes them at /docs.
 */
export const doc = (summary: string) => ({ tags: ['red-property'], summary });

const e = { $ref: 'LinliError#' } as const;
export const errors = { 400: e, 401: e, 403: e, 404: e } as const;
export const writeErrors = { ...errors, 409: e, 422: e } as const;

export const items = (item: object) => ({ type: 'object', properties: { items: { type: 'array', items: item } }, required: ['items'] }) as const;
export const value = { type: 'object', properties: { value: { type: 'number' } }, required: ['value'] } as const;
export const created = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } as const;
export const idParams = { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9]{1,10}$' } }, required: ['id'], additionalProperties: false } as const;

const orgId = { type: 'string', pattern: '^[0-9]{0,10}$' } as const;
export const compoundQuery = { type: 'object', properties: { compoundOrgId: orgId, year: { type: 'integer', minimum: 2000, maximum: 2100 } }, additionalProperties: false } as const;
export const orgQuery = { type: 'object', properties: { orgId, period: { type: 'string', maxLength: 10 } }, additionalProperties: false } as const;
export const companyQuery = { type: 'object', properties: { companyOrgId: orgId, period: { type: 'string', maxLength: 10 } }, additionalProperties: false } as const;

const optStr = ['string', 'null'] as const;
const optNum = ['number', 'null'] as const;

const companyFields = record({
  id: 'string',
  name: 'string',
  compounds: 'string',
  period: 'string',
  complaints: 'integer',
  open: 'integer',
  responded: 'integer',
  overdue: 'integer',
  avgResponseHours: [...optNum],
  satisfactionRate: [...optNum],
  latestRating: [...optStr],
  latestPeriod: [...optStr],
  standing: [...optStr],
  standingTitle: [...optStr],
});
/** A company; `ownersCommittee` (each compound's sitting committee) only when the city enables owners' self-governance. */
export const companyItem = { ...companyFields, properties: { ...companyFields.properties, ownersCommittee: { type: 'string' } } } as const;

export const evaluationItem = record({
  id: 'string',
  companyOrgId: 'string',
  companyName: 'string',
  period: 'string',
  scores: { type: 'object', additionalProperties: { type: 'number' } },
  scoresText: 'string',
  total: 'integer',
  maxTotal: 'integer',
  rating: 'string',
  comment: [...optStr],
  complaints: 'integer',
  overdue: 'integer',
  avgResponseHours: [...optNum],
  evaluator: 'string',
  evaluatedAt: 'string',
});

export const creditItem = record({
  id: 'string',
  kind: 'string',
  kindTitle: 'string',
  period: [...optStr],
  rating: [...optStr],
  total: ['integer', 'null'],
  maxTotal: ['integer', 'null'],
  note: [...optStr],
  recordedBy: [...optStr],
  recordedAt: 'string',
});

export const compoundItem = record({
  id: 'string',
  name: 'string',
  companyOrgId: 'string',
  companyName: 'string',
  compoundType: [...optStr],
  households: ['integer', 'null'],
  incomeFen: 'integer',
  expenseFen: 'integer',
  balanceFen: 'integer',
  balanceYuan: 'string',
  openMatters: 'integer',
  year: 'integer',
  fileUpdatedAt: [...optStr],
});

export const ledgerItem = record({
  id: 'string',
  compoundOrgId: 'string',
  compoundName: 'string',
  kind: 'string',
  kindTitle: 'string',
  category: 'string',
  amountFen: 'integer',
  amountYuan: 'string',
  balanceFen: 'integer',
  balanceYuan: 'string',
  purpose: 'string',
  occurredOn: 'string',
  meetingId: [...optStr],
});

export const meetingItem = record({
  id: 'string',
  compoundOrgId: 'string',
  compoundName: 'string',
  heldOn: 'string',
  topic: 'string',
  subject: 'string',
  present: 'string',
  absent: 'string',
  decision: [...optStr],
});

export const matterItem = record({
  id: 'string',
  compoundOrgId: 'string',
  compoundName: 'string',
  year: 'integer',
  title: 'string',
  description: [...optStr],
  status: 'string',
  statusTitle: 'string',
  result: [...optStr],
});

export const chartItem = record({ company: 'string', avgResponseHours: 'number', complaints: 'integer' });
