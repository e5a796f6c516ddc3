/**
 * Shared JSON Schemas of the API's objects. Fastify validates requests and
 * serializes responses with them, and @fastify/swagger turns them into the
 * OpenAPI document: each is written once, here.
 */
export const errorResponse = {
  $id: 'LinliError',
  type: 'object',
  properties: {
    code: { type: 'string', description: 'Stable code, LINLI_ERR_* (see docs/errors.md)' },
    message: { type: 'string' },
    details: {
      type: 'array',
      items: {
        type: 'object',
        properties: { path: { type: 'string' }, message: { type: 'string' }, file: { type: 'string' }, expected: { type: 'string' } },
        required: ['path', 'message'],
      },
    },
  },
  required: ['code', 'message'],
} as const;

export const idParam = {
  type: 'object',
  properties: { id: { type: 'string', maxLength: 20 } },
  required: ['id'],
} as const;

export const pageQuery = {
  limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
  cursor: { type: 'string', maxLength: 100 },
} as const;

const nullableString = { type: ['string', 'null'] } as const;

export const orgSchema = {
  $id: 'Org',
  type: 'object',
  properties: {
    id: { type: 'string' },
    key: { type: 'string' },
    parentId: nullableString,
    type: { type: 'string' },
    kind: { type: 'string', enum: ['level', 'side'] },
    name: { type: 'string' },
    nameEn: nullableString,
    path: { type: 'string' },
    depth: { type: 'integer' },
    deactivated: { type: 'boolean', description: 'Deactivated (停用): kept for history, offered in no picker, given no new tickets or assignments' },
  },
  required: ['id', 'key', 'parentId', 'type', 'kind', 'name', 'path', 'depth', 'deactivated'],
} as const;

export const roleAssignmentSchema = {
  $id: 'RoleAssignment',
  type: 'object',
  properties: {
    id: { type: 'string' },
    role: { type: 'string' },
    orgId: { type: 'string' },
    orgName: { type: 'string' },
    orgPath: { type: 'string' },
    gridId: nullableString,
    gridName: nullableString,
  },
  required: ['id', 'role', 'orgId', 'orgName', 'gridId'],
} as const;

/** What an administrator types to create a person, by account creation or invitation: one rule for both routes. */
export const newPersonProperties = {
  username: { type: 'string', pattern: '^[a-z0-9][a-z0-9_.-]{1,63}$' },
  name: { type: 'string', minLength: 1, maxLength: 100 },
  phone: { type: 'string', pattern: '^[0-9+ -]{5,20}$' },
} as const;

export const personSchema = {
  $id: 'Person',
  type: 'object',
  properties: {
    id: { type: 'string' },
    username: { type: 'string' },
    name: { type: 'string' },
    phone: { ...nullableString, description: 'Masked (138****5678) unless the caller administers the person' },
    roles: { type: 'array', items: { $ref: 'RoleAssignment#' } },
  },
  required: ['id', 'username', 'name', 'roles'],
} as const;

export const ticketSchema = {
  $id: 'Ticket',
  type: 'object',
  properties: {
    id: { type: 'string' },
    workflow: { type: 'string' },
    state: { type: 'string' },
    version: { type: 'integer' },
    orgId: { type: 'string' },
    assigneeOrgId: nullableString,
    assigneePersonId: nullableString,
    reporterId: nullableString,
    title: { type: 'string' },
    data: { type: 'object', additionalProperties: true },
    deadline: { type: ['string', 'null'], format: 'date-time' },
    overdue: { type: 'boolean' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    closedAt: { type: ['string', 'null'], format: 'date-time' },
    point: {
      type: ['object', 'null'],
      description: 'Where the problem is, WGS-84 degrees (GPS); maps with GCJ-02 tiles convert at display',
      properties: { lat: { type: 'number' }, lng: { type: 'number' } },
      required: ['lat', 'lng'],
    },
    rating: { type: ['integer', 'null'], description: "The resident's rating of the result, 1–5; null when not rated" },
    reopenCount: { type: 'integer', description: 'How often the ticket was reopened' },
  },
  required: ['id', 'workflow', 'state', 'version', 'orgId', 'title', 'data', 'deadline', 'overdue', 'createdAt'],
} as const;

export const ticketEventSchema = {
  $id: 'TicketEvent',
  type: 'object',
  properties: {
    id: { type: 'string' },
    seq: { type: 'integer' },
    action: { type: 'string' },
    fromState: nullableString,
    toState: { type: 'string' },
    actorId: nullableString,
    actorName: nullableString,
    data: { type: ['object', 'null'], additionalProperties: true },
    comment: nullableString,
    visibility: {
      enum: ['internal', 'public'],
      description: 'Who reads data and comment: internal (staff) or public (the reporter too). For a reporter who is not staff, internal steps come without data and comment.',
    },
    createdAt: { type: 'string', format: 'date-time' },
  },
  required: ['id', 'seq', 'action', 'toState', 'visibility', 'createdAt'],
} as const;

export const sharedSchemas = [errorResponse, orgSchema, roleAssignmentSchema, personSchema, ticketSchema, ticketEventSchema];

export const pageOf = (ref: string) => ({
  type: 'object',
  properties: { items: { type: 'array', items: { $ref: `${ref}#` } }, nextCursor: nullableString },
  required: ['items', 'nextCursor'],
});

/** The error responses every authenticated route can give, for the OpenAPI document. */
export const errorResponses = {
  400: { $ref: 'LinliError#' },
  401: { $ref: 'LinliError#' },
  403: { $ref: 'LinliError#' },
  404: { $ref: 'LinliError#' },
} as const;
