import { responseRecord as record, type ResponseField } from '@linli/sdk';

/** JSON Schemas of the routes' queries and responses; bodies are the forms' own schemas. */
export const doc = (summary: string) => ({ tags: ['dispute-mediation'], summary });

const str = 'string';
const int = 'integer';
const optStr: ResponseField = ['string', 'null'];
const optNum: ResponseField = ['number', 'null'];

export const errors = { 400: { $ref: 'LinliError#' }, 401: { $ref: 'LinliError#' }, 403: { $ref: 'LinliError#' }, 404: { $ref: 'LinliError#' } } as const;
export const writeErrors = { ...errors, 409: { $ref: 'LinliError#' }, 422: { $ref: 'LinliError#' } } as const;

export const idParams = { type: 'object', properties: { id: { type: 'string', pattern: '^[1-9][0-9]{0,9}$' } }, required: ['id'], additionalProperties: false } as const;
export const orgQuery = { type: 'object', properties: { orgId: { type: 'string', pattern: '^[0-9]{0,10}$' } }, additionalProperties: false } as const;
export const indicatorQuery = {
  type: 'object',
  properties: { orgId: { type: 'string', pattern: '^[0-9]{0,10}$' }, by: { enum: ['compound', 'company'], default: 'compound' } },
  additionalProperties: false,
} as const;

/** A case as lists show it: kinds of parties, never their names or phones. */
export const caseItem = record({
  id: str,
  ticketId: str,
  title: str,
  compoundName: str,
  companyName: optStr,
  disputeType: str,
  amountFen: ['integer', 'null'],
  amountText: str,
  parties: str,
  state: str,
  stateTitle: str,
  filedAt: str,
  deadline: optStr,
  team: str,
  sessions: int,
  outcomeTitle: optStr,
  referralTo: optStr,
  onTeam: 'boolean',
});

export const mediatorItem = record({ personId: str, name: str, poolKey: str, poolTitle: str, kind: str, lead: 'boolean' });

export const sessionItem = record({
  id: str,
  heldOn: str,
  place: str,
  partiesPresent: str,
  mediatorsPresent: int,
  absent: optStr,
  record: str,
  recordedBy: str,
});

export const indicatorItem = record({
  key: str,
  name: str,
  cases: int,
  open: int,
  agreements: int,
  referrals: int,
  successRate: optNum,
  closed: int,
  avgDaysToClose: optNum,
  recurrences: int,
  amountFen: int,
  amountText: str,
});

export const items = (item: object) => ({ type: 'object', properties: { items: { type: 'array', items: item } }, required: ['items'] }) as const;
export const value = { type: 'object', properties: { value: { type: 'integer' } }, required: ['value'] } as const;
export const created = { type: 'object', properties: { id: { type: 'string' }, state: { type: 'string' } }, required: ['id'] } as const;
