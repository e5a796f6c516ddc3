/**
 * The JSON Schemas of Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2):
 * what routes/open311.ts validates and what the OpenAPI document shows.
 */
export const fileParam = { type: 'object', properties: { file: { type: 'string', maxLength: 200 } }, required: ['file'] } as const;
export const formatParam = { type: 'object', properties: { format: { type: 'string', enum: ['json', 'xml'] } }, required: ['format'] } as const;
export const jurisdiction = { jurisdiction_id: { type: 'string', maxLength: 100, description: 'Accepted and ignored: this server serves one city' } } as const;

const text = (max: number) => ({ type: 'string', maxLength: max }) as const;
export const requestsQuery = {
  type: 'object',
  properties: {
    ...jurisdiction,
    service_request_id: { type: 'string', maxLength: 2000, description: 'Comma-separated ids; the other filters are then ignored' },
    service_code: text(200),
    start_date: { type: 'string', maxLength: 40, description: 'W3C date-time; requests filed at or after it (default: 90 days before end_date)' },
    end_date: { type: 'string', maxLength: 40, description: 'W3C date-time; requests filed at or before it' },
    status: { type: 'string', pattern: '^(open|closed)(,(open|closed))?$', description: 'open, closed, or both comma-separated' },
  },
  additionalProperties: false,
} as const;

export const postBody = {
  type: 'object',
  properties: {
    ...jurisdiction,
    api_key: text(200),
    service_code: text(200),
    lat: { type: 'number', minimum: -90, maximum: 90 },
    long: { type: 'number', minimum: -180, maximum: 180 },
    address_string: text(200),
    address_id: text(100),
    email: text(200),
    device_id: text(200),
    account_id: text(200),
    first_name: text(100),
    last_name: text(100),
    phone: text(40),
    description: text(4000),
    media_url: text(2000),
  },
  patternProperties: { '^attribute\\[[A-Za-z0-9_]+\\](\\[\\])?$': { anyOf: [text(4000), { type: 'array', maxItems: 50, items: text(4000) }] } },
  required: ['service_code'],
  additionalProperties: false,
} as const;

export type PostBody = Record<string, string | string[] | number | undefined> & { api_key?: string; service_code: string; lat?: number; long?: number };

export const serviceSchema = {
  type: 'object',
  properties: {
    service_code: { type: 'string' },
    service_name: { type: 'string' },
    description: { type: 'string' },
    metadata: { type: 'boolean' },
    type: { type: 'string', enum: ['realtime', 'batch', 'blackbox'] },
    keywords: { type: 'string' },
    group: { type: 'string' },
  },
  required: ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'],
} as const;
export const definitionSchema = {
  type: 'object',
  properties: {
    service_code: { type: 'string' },
    attributes: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          variable: { type: 'boolean' },
          code: { type: 'string' },
          datatype: { type: 'string', enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] },
          required: { type: 'boolean' },
          datatype_description: { type: 'string' },
          order: { type: 'integer' },
          description: { type: 'string' },
          values: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, name: { type: 'string' } }, required: ['key', 'name'] } },
        },
        required: ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description'],
      },
    },
  },
  required: ['service_code', 'attributes'],
} as const;
const nullable = (t: string) => ({ type: [t, 'null'] }) as const;
export const requestSchema = {
  type: 'object',
  properties: {
    service_request_id: { type: 'string' },
    status: { type: 'string', enum: ['open', 'closed'] },
    status_notes: { type: 'string', description: 'The handlers’ latest public note (never an internal one)' },
    service_name: { type: 'string' },
    service_code: { type: 'string' },
    description: { type: 'string' },
    agency_responsible: { type: 'string' },
    service_notice: { type: 'string' },
    requested_datetime: { type: 'string', description: 'W3C date-time with the city’s offset' },
    updated_datetime: { type: 'string' },
    expected_datetime: { type: 'string' },
    address: { type: 'string' },
    address_id: { type: 'string' },
    lat: { ...nullable('number'), description: 'The ticket’s point, WGS-84' },
    long: { ...nullable('number'), description: 'The ticket’s point, WGS-84' },
  },
  required: ['service_request_id', 'status', 'service_name', 'service_code', 'description', 'requested_datetime', 'updated_datetime', 'address', 'address_id'],
} as const;
export const postResponse = {
  type: 'array',
  items: { type: 'object', properties: { service_request_id: { type: 'string' }, token: { type: 'string' }, service_notice: { type: 'string' }, account_id: { type: 'string' } }, required: ['service_request_id', 'token'] },
} as const;
export const tokenResponse = { type: 'array', items: { type: 'object', properties: { service_request_id: { type: 'string' }, token: { type: 'string' } }, required: ['service_request_id', 'token'] } } as const;
const errorList = {
  description: 'The GeoReport error list; the code is the HTTP status',
  type: 'array',
  items: { type: 'object', properties: { code: { type: 'integer' }, description: { type: 'string' } }, required: ['code', 'description'] },
} as const;
export const errors = { 400: errorList, 403: errorList, 404: errorList, 429: errorList } as const;
// `.json` answers JSON, `.xml` the spec's XML; the document shows the JSON.
export const docs = (summary: string) => ({ tags: ['open311'], summary, security: [] });
