import { randomBytes } from 'node:crypto';
import formbody from '@fastify/formbody';
import { LinliError, notFound, unprocessable, type WorkflowDefinition } from '@linli/core';
import { findOpen311Client, getOrg, getOrgByKey, insertOpen311Request, loadActor, open311Requests, open311Token, type Open311RequestRow } from '@linli/db';
import { mintActor } from '../actor-mint.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requestLocale, toLinliError } from '../errors.js';
import { findUnstorable } from '../json-body.js';
import { attributesOf, intakeFormOf, serviceWorkflows, toService } from '../open311/services.js';
import { formDataFrom } from '../open311/form-data.js';
import { definitionSchema, docs, errors, fileParam, formatParam, jurisdiction, postBody, postResponse, requestSchema, requestsQuery, serviceSchema, tokenResponse, type PostBody } from '../open311/schemas.js';
import { parseW3cDate, send, splitFormat, toXml, toXmlDocument, w3cDate, xmlNames, type Format } from '../open311/format.js';
import { maskPublic } from '../public/mask.js';
import { hashApiKey } from '../services/open311-clients.js';

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
 * workflow's terminal states), `status_notes` (the handlers' latest public
 * note), title and notes masked like the notice board, place, the handling
 * organization, dates, and the ticket's point (WGS-84), however it was filed.
 * Never the reporter, the form's other fields, or internal notes.
 *
 * A POST files exactly as the resident portal does (linli.tickets.create,
 * with `lat`/`long` as the ticket's point), so a grid boundary containing the
 * point takes the request as it would a resident's report.
 */
export const open311Prefix = '/open311/v2';
const maxRequests = 1000;
const defaultDays = 90;


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
        ...(r.statusNotes ? { status_notes: r.statusNotes } : {}),
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
    // Titles and notes are people's own words: masked like every public page (phone and ID numbers, account holders' names).
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
      const data = formDataFrom(def, intakeFormOf(linli.deployment, def), b);
      const token = randomBytes(18).toString('base64url');
      const ticket = await linli.db.transaction().execute(async (trx) => {
        const actor = mintActor(await loadActor(trx, client.personId, linli.deployment.roles));
        const point = b.lat !== undefined && b.long !== undefined ? { lat: b.lat, lng: b.long } : undefined;
        const t = await linli.tickets.create(trx, actor, { workflow: def.id, orgId: org.id, data, ...(point ? { point } : {}) });
        const contact = Object.fromEntries((['email', 'first_name', 'last_name', 'phone'] as const).flatMap((k) => (typeof b[k] === 'string' && b[k] ? [[k, b[k] as string]] : [])));
        await insertOpen311Request(trx, {
          ticketId: Number(t.id),
          clientId: Number(client.id),
          token,
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
}

