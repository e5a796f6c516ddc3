import { responseRecord as record } from '@linli/sdk';

/** OpenAPI notes of a route, spread into its schema. */
export const doc = (summary: string) => ({ tags: ['owners-self-governance'], summary });

const error = { $ref: 'LinliError#' } as const;
export const errors = { 400: error, 401: error, 403: error, 404: error } as const;
export const writeErrors = { ...errors, 409: error, 422: error } as const;

const id = { type: 'string', pattern: '^[1-9][0-9]{0,9}$' } as const;
export const idParams = { type: 'object', properties: { id }, required: ['id'], additionalProperties: false } as const;
export const orgQuery = { type: 'object', properties: { orgId: { type: 'string', pattern: '^[0-9]{0,10}$' } }, additionalProperties: false } as const;
export const voteQuery = { type: 'object', properties: { vote: { type: 'string', pattern: '^[0-9]{0,10}$' } }, additionalProperties: false } as const;
export const items = (item: object) => ({ type: 'object', properties: { items: { type: 'array', items: item } }, required: ['items'] }) as const;
export const created = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } as const;

export const unitItem = record({
  id: 'string',
  buildingOrgId: 'string',
  buildingName: 'string',
  room: 'string',
  area: 'string',
  owners: 'string',
  partyMemberHousehold: 'string',
  developerHeld: 'string',
  headcount: 'string',
});
export const pendingItem = record({ id: 'string', buildingName: 'string', room: 'string', area: 'string' });

export const voteItem = record({
  id: 'string',
  title: 'string',
  scopeName: 'string',
  matterTitle: 'string',
  ruleTitle: 'string',
  status: 'string',
  statusTitle: 'string',
  opensAt: 'string',
  closesAt: 'string',
  units: 'integer',
  voted: 'integer',
  owners: 'integer',
  votedOwners: 'integer',
  electorate: 'string',
  turnout: 'string',
  outcome: ['string', 'null'],
  origin: ['string', 'null'],
  ballot: 'string',
  seats: ['integer', 'null'],
});
export const candidateItem = record({ id: 'string', name: 'string', building: 'string' });
export const myVoteItem = record({
  id: 'string',
  title: 'string',
  scopeName: 'string',
  matterTitle: 'string',
  unit: 'string',
  closesAt: 'string',
  status: 'string',
  statusTitle: 'string',
  canVote: 'string',
  ballot: 'string',
  seats: ['integer', 'null'],
  outcome: ['string', 'null'],
});
export const closedResult = record({ id: 'string', outcome: 'string', passed: 'boolean', quorum: 'boolean' });
