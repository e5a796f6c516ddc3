import { createHash, randomBytes } from 'node:crypto';
import formbody from '@fastify/formbody';
import { LinliError, notFound, unprocessable, type WorkflowDefinition } from '@linli/core';
import { findOpen311Client, getOrg, getOrgByKey, insertOpen311Request, loadActor, open311Requests, open311Token, type Open311RequestRow } from '@linli/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requestLocale, toLinliError } from '../errors.js';
import { findUnstorable } from '../json-body.js';
import { attributesOf, attributeValue, intakeFormOf, serviceWorkflows, standardFields, toService } from '../open311/services.js';
import { parseW3cDate, send, splitFormat, toXml, toXmlDocument, w3cDate, xmlNames, type Format } from '../open311/format.js';
import { maskPublic } from '../public/mask.js';

/**
 * Open311 GeoReport v2 at /open311/v2 (https://wiki.open311.org/GeoReport_v2):
 * the city's public intake workflows as services, requests filed through
 * them, and the public view of every request of those workflows. Reading
 * needs nothing; filing needs an `api_key` an administrator issued to the
 * client application (routes/admin-open311.ts), which files as its own
 * service account with the resident role, so the same rules, forms and
 * hooks apply as to a resident in the app. JSON and XML; errors are the
 * spec's list `[{ code, description }]` with the HTTP status as the code.
 *
 * What a GET shows of a request: its service, status (open/closed from the
 * workflow's terminal states), title (masked like the notice board), place,
 * the handling organization, dates, and the point an Open311 client sent.
 * Never the reporter, the form's other fields, or staff notes.
 */
export const open311Prefix = '/open311/v2';
const maxRequests = 1000;
const defaultDays = 90;

const fileParam = { type: 'object', properties: { file: { type: 'string', maxLength: 200 } }, required: ['file'] } as const;
const formatParam = { type: 'object', properties: { format: { type: 'string', enum: ['json', 'xml'] } }, required: ['format'] } as const;
const jurisdiction = { jurisdiction_id: { type: 'string', maxLength: 100, description: 'Accepted and ignored: this server serves one city' } } as const;

const text = (max: number) => ({ type: 'string', maxLength: max }) as const;
const requestsQuery = {
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

const postBody = {
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

type PostBody = Record<string, string | string[] | number | undefined> & { api_key?: string; service_code: string; lat?: number; long?: number };

const serviceSchema = {
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
const definitionSchema = {
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
const requestSchema = {
  type: 'object',
  properties: {
    service_request_id: { type: 'string' },
    status: { type: 'string', enum: ['open', 'closed'] },
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
    lat: nullable('number'),
    long: nullable('number'),
  },
  required: ['service_request_id', 'status', 'service_name', 'service_code', 'description', 'requested_datetime', 'updated_datetime', 'address', 'address_id'],
} as const;
const postResponse = {
  type: 'array',
  items: { type: 'object', properties: { service_request_id: { type: 'string' }, token: { type: 'string' }, service_notice: { type: 'string' }, account_id: { type: 'string' } }, required: ['service_request_id', 'token'] },
} as const;
const tokenResponse = { type: 'array', items: { type: 'object', properties: { service_request_id: { type: 'string' }, token: { type: 'string' } }, required: ['service_request_id', 'token'] } } as const;
const errorList = {
  description: 'The GeoReport error list; the code is the HTTP status',
  type: 'array',
  items: { type: 'object', properties: { code: { type: 'integer' }, description: { type: 'string' } }, required: ['code', 'description'] },
} as const;
const errors = { 400: errorList, 403: errorList, 404: errorList, 429: errorList } as const;
// `.json` answers JSON, `.xml` the spec's XML; the document shows the JSON.
const docs = (summary: string) => ({ tags: ['open311'], summary, security: [] });

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** The format the client asked for by the extension; answers that cannot tell (a bad extension) are JSON. */
const formatOf = (req: FastifyRequest): Format => (/\.xml(\?|$)/.test(req.url) ? 'xml' : 'json');

export async function open311Routes(app: FastifyInstance): Promise<void> {
  const { linli } = app;
  const offset = linli.deployment.calendar.utcOffsetHours;
  await app.register(formbody);
  // Urlencoded bodies pass the same checks as JSON ones: no NUL characters or lone surrogates reach the database.
  app.addHook('preValidation', async (req) => {
    const bad = req.body && typeof req.body === 'object' ? findUnstorable({ ...(req.body as object) }, '') : null;
    if (bad) throw new LinliError('LINLI_ERR_VALIDATION', [`/body${bad.path} ${bad.message}`], [{ ...bad, path: `/body${bad.path}` }]);
  });

  app.setErrorHandler((err, req, reply) => {
    const e = toLinliError(err as Error, req.id, app.initialConfig.bodyLimit);
    if (e.statusCode >= 500) req.log.error({ err }, 'request failed');
    const retryAfter = (e as { retryAfterSeconds?: number }).retryAfterSeconds;
    if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
    return replyError(req, reply, e);
  });
  app.setNotFoundHandler((req, reply) => replyError(req, reply, new LinliError('LINLI_ERR_ROUTE_NOT_FOUND', [`${req.method} ${req.url.split('?')[0]}`])));

  function replyError(req: FastifyRequest, reply: FastifyReply, e: LinliError) {
    const json = e.toJSON(requestLocale(req.headers['accept-language']));
    const list = (json.details?.length ? json.details.map((d) => `${d.path}: ${d.message}`) : [json.message]).map((description) => ({ code: e.statusCode, description }));
    return send(reply, formatOf(req), e.statusCode, list, () => toXml(...xmlNames.errors, list));
  }

  const services = () => serviceWorkflows(linli.deployment);
  const service = (code: string): WorkflowDefinition => {
    const def = services().find((w) => w.id === code);
    if (!def) throw notFound(`service_code ${code}`);
    return def;
  };
  const group = linli.deployment.config.title['zh-CN'];

  app.get<{ Params: { format: Format }; Querystring: { jurisdiction_id?: string } }>(
    '/services.:format',
    { config: { policy: 'public' }, schema: { ...docs('Service list: each intake workflow a resident may file'), params: formatParam, querystring: { type: 'object', properties: jurisdiction, additionalProperties: false }, response: { 200: { type: 'array', items: serviceSchema }, ...errors } } },
    async (req, reply) => {
      const list = services().map((def) => toService(def, intakeFormOf(linli.deployment, def), group));
      return send(reply, req.params.format, 200, list, () => toXml(...xmlNames.services, list));
    },
  );

  app.get<{ Params: { file: string } }>(
    '/services/:file',
    { config: { policy: 'public' }, schema: { ...docs('Service definition (`services/{service_code}.json`): the attributes of its intake form'), params: fileParam, querystring: { type: 'object', properties: jurisdiction, additionalProperties: false }, response: { 200: definitionSchema, ...errors } } },
    async (req, reply) => {
      const f = splitFormat(req.params.file);
      if (!f) throw notFound(`${req.params.file} (use services/{service_code}.json or .xml)`);
      const def = service(f.id);
      const body = { service_code: def.id, attributes: attributesOf(def, intakeFormOf(linli.deployment, def)) };
      return send(reply, f.format, 200, body, () => toXmlDocument('service_definition', body));
    },
  );

  async function describe(rows: Open311RequestRow[]) {
    const defs = new Map(services().map((d) => [d.id, d]));
    const list = rows.map((r) => {
      const def = defs.get(r.workflow)!;
      const closed = def.states.find((s) => s.id === r.state)?.terminal === true;
      return {
        service_request_id: r.id,
        status: closed ? 'closed' : 'open',
        service_name: def.title['zh-CN'],
        service_code: def.id,
        description: r.title,
        ...(r.agency ? { agency_responsible: r.agency } : {}),
        service_notice: '',
        requested_datetime: w3cDate(r.createdAt, offset),
        updated_datetime: w3cDate(r.updatedAt, offset),
        ...(!closed && r.deadline ? { expected_datetime: w3cDate(r.deadline, offset) } : {}),
        address: r.orgName,
        address_id: r.orgKey,
        lat: r.lat,
        long: r.long,
      };
    });
    // Titles are residents' own words: masked like every public page (phone and ID numbers, account holders' names).
    return maskPublic(linli.db, list);
  }

  app.get<{ Params: { format: Format }; Querystring: { jurisdiction_id?: string; service_request_id?: string; service_code?: string; start_date?: string; end_date?: string; status?: string } }>(
    '/requests.:format',
    {
      config: { policy: 'public' },
      schema: { ...docs('Service requests of the public intake workflows: newest first, at most 1000, by default those filed in the last 90 days'), params: formatParam, querystring: requestsQuery, response: { 200: { type: 'array', items: requestSchema }, ...errors } },
    },
    async (req, reply) => {
      const q = req.query;
      const codes = services().map((d) => d.id);
      let rows: Open311RequestRow[];
      if (q.service_request_id !== undefined) {
        const ids = q.service_request_id.split(',').map((s) => s.trim());
        if (ids.some((id) => !/^[0-9]{1,10}$/.test(id))) throw new LinliError('LINLI_ERR_VALIDATION', ['service_request_id is a comma-separated list of request ids']);
        rows = await open311Requests(linli.db, { workflows: codes, ids: ids.map(Number), limit: maxRequests });
      } else {
        const date = (name: 'start_date' | 'end_date') => {
          const raw = q[name];
          if (raw === undefined) return undefined;
          const d = parseW3cDate(raw);
          if (!d) throw new LinliError('LINLI_ERR_VALIDATION', [`${name} must be a W3C date-time with a time zone, e.g. 2026-12-05T09:30:00+08:00`]);
          return d;
        };
        const end = date('end_date');
        const start = date('start_date') ?? new Date((end ?? linli.now()).getTime() - defaultDays * 86_400_000);
        const wanted = q.service_code === undefined ? codes : q.service_code.split(',').map((s) => s.trim());
        for (const code of wanted) service(code);
        const statuses = new Set(q.status?.split(','));
        const status = statuses.size === 1 ? ([...statuses][0] as 'open' | 'closed') : undefined;
        rows = await open311Requests(linli.db, { workflows: wanted, start, ...(end ? { end } : {}), ...(status ? { status } : {}), limit: maxRequests });
      }
      const list = await describe(rows);
      return send(reply, req.params.format, 200, list, () => toXml(...xmlNames.requests, list));
    },
  );

  app.get<{ Params: { file: string } }>(
    '/requests/:file',
    { config: { policy: 'public' }, schema: { ...docs('One service request (`requests/{service_request_id}.json`), as a one-item list'), params: fileParam, querystring: { type: 'object', properties: jurisdiction, additionalProperties: false }, response: { 200: { type: 'array', items: requestSchema }, ...errors } } },
    async (req, reply) => {
      const f = splitFormat(req.params.file);
      if (!f || !/^[0-9]{1,10}$/.test(f.id)) throw notFound(`service request ${req.params.file}`);
      const rows = await open311Requests(linli.db, { workflows: services().map((d) => d.id), ids: [Number(f.id)], limit: 1 });
      if (!rows.length) throw notFound(`service request ${f.id}`);
      const list = await describe(rows);
      return send(reply, f.format, 200, list, () => toXml(...xmlNames.requests, list));
    },
  );

  app.get<{ Params: { file: string } }>(
    '/tokens/:file',
    { config: { policy: 'public' }, schema: { ...docs('The service request a POST’s token became (`tokens/{token}.json`)'), params: fileParam, querystring: { type: 'object', properties: jurisdiction, additionalProperties: false }, response: { 200: tokenResponse, ...errors } } },
    async (req, reply) => {
      const f = splitFormat(req.params.file);
      const found = f && /^[A-Za-z0-9_-]{1,64}$/.test(f.id) ? await open311Token(linli.db, f.id) : null;
      if (!f || !found) throw notFound(`token ${req.params.file}`);
      const list = [{ service_request_id: found.ticketId, token: f.id }];
      return send(reply, f.format, 200, list, () => toXml(...xmlNames.requests, list));
    },
  );

  app.post<{ Params: { format: Format }; Body: PostBody }>(
    '/requests.:format',
    {
      config: { policy: 'public' },
      schema: {
        ...docs('File a service request as a client application (api_key): application/x-www-form-urlencoded or JSON; attributes as attribute[code]'),
        params: formatParam,
        consumes: ['application/x-www-form-urlencoded', 'application/json'],
        body: postBody,
        response: { 200: postResponse, ...errors },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const client = b.api_key ? await findOpen311Client(linli.db, hashApiKey(b.api_key)) : null;
      if (!client) throw new LinliError('LINLI_ERR_API_KEY');
      const def = service(b.service_code);
      if (b.address_id === undefined && b.address_string === undefined && (b.lat === undefined || b.long === undefined)) {
        throw new LinliError('LINLI_ERR_VALIDATION', ['a location is required: lat and long, address_string or address_id'], [{ path: '/body/lat', message: 'lat and long, address_string or address_id is required' }]);
      }
      // address_id names a place of the tree (an org key, like the compound hepan, or its id); else the client's own org.
      const org = typeof b.address_id === 'string' ? ((await getOrgByKey(linli.db, b.address_id)) ?? (await getOrg(linli.db, b.address_id))) : await getOrg(linli.db, client.orgId);
      if (!org) throw unprocessable(`address_id ${String(b.address_id)} is no place in this city`, [{ path: '/body/address_id', message: 'unknown place' }]);
      const data = formData(def, b);
      const token = randomBytes(18).toString('base64url');
      const ticket = await linli.db.transaction().execute(async (trx) => {
        const actor = await loadActor(trx, client.personId, linli.deployment.roles);
        const t = await linli.tickets.create(trx, actor, { workflow: def.id, orgId: org.id, data });
        const contact = Object.fromEntries((['email', 'first_name', 'last_name', 'phone'] as const).flatMap((k) => (typeof b[k] === 'string' && b[k] ? [[k, b[k] as string]] : [])));
        await insertOpen311Request(trx, {
          ticketId: Number(t.id),
          clientId: Number(client.id),
          token,
          lat: b.lat ?? null,
          long: b.long ?? null,
          addressString: typeof b.address_string === 'string' ? b.address_string : null,
          deviceId: typeof b.device_id === 'string' ? b.device_id : null,
          accountId: typeof b.account_id === 'string' ? b.account_id : null,
          contact,
          now: linli.now(),
        });
        return t;
      });
      const list = [{ service_request_id: ticket.id, token, service_notice: '', ...(typeof b.account_id === 'string' ? { account_id: b.account_id } : {}) }];
      return send(reply, req.params.format, 200, list, () => toXml(...xmlNames.requests, list));
    },
  );

  /** The intake form's data from a POST: attributes by code; description, title, location text and phone from the spec's own fields. */
  function formData(def: WorkflowDefinition, b: PostBody): Record<string, unknown> {
    const form = intakeFormOf(linli.deployment, def);
    const props = ((form?.schema as { properties?: Record<string, { maxLength?: number; 'x-linli-sensitive'?: boolean; pattern?: string }> }).properties ?? {}) as Record<string, any>;
    const data: Record<string, unknown> = {};
    const allowed = new Set(attributesOf(def, form).map((a) => a.code));
    for (const [key, raw] of Object.entries(b)) {
      const m = /^attribute\[([A-Za-z0-9_]+)\](\[\])?$/.exec(key);
      if (!m || raw === undefined || typeof raw === 'number') continue;
      if (!allowed.has(m[1]!)) throw new LinliError('LINLI_ERR_VALIDATION', [`attribute[${m[1]}] is not an attribute of ${def.id}`], [{ path: `/body/attribute[${m[1]}]`, message: 'is not an attribute of this service' }]);
      data[m[1]!] = attributeValue(props[m[1]!], raw);
    }
    const description = typeof b.description === 'string' ? b.description.trim() : '';
    const descField = standardFields.description.find((f) => f in props);
    if (description && descField) data[descField] = description;
    if (def.titleField && def.titleField in props && description) data[def.titleField] = [...description].slice(0, Math.min(30, props[def.titleField].maxLength ?? 30)).join('');
    const addressField = standardFields.address.find((f) => f in props);
    if (addressField && typeof b.address_string === 'string' && b.address_string) data[addressField] = b.address_string;
    const phoneField = Object.keys(props).find((k) => props[k]['x-linli-sensitive'] && /phone/i.test(k));
    if (phoneField && typeof b.phone === 'string' && (!props[phoneField].pattern || new RegExp(props[phoneField].pattern).test(b.phone))) data[phoneField] = b.phone;
    return data;
  }
}

