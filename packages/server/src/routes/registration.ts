import { isAdminFor, LinliError, unprocessable } from '@linli/core';
import { audit } from '@linli/db';
import type { FastifyInstance } from 'fastify';
import { hashPassword } from '../auth/password.js';
import { assertStrongPassword, passwordPolicy } from '../auth/password-policy.js';
import { requireActor } from '../policy.js';
import { maskValue } from '../services/personal-data.js';
import { codeLimits, consumeCode, normalizePhone, sendRegistrationCode } from '../services/registration.js';
import { errorResponses } from './schemas.js';

const phone = { type: 'string', pattern: '^1[3-9][0-9]{9}$', description: 'A mainland mobile number, 11 digits' } as const;
const disabled = () => new LinliError('LINLI_ERR_FORBIDDEN', ['residents cannot register themselves in this city (registration in the city config)']);

/**
 * Residents' self-registration (config `registration`): a one-time code to a
 * mobile number, then an account holding only the resident role at the
 * compound chosen, logging in with the mobile number as username. Where the
 * city wants it (`confirm`, the default), the account waits until an
 * administrator of the compound confirms it.
 */
export async function registrationRoutes(app: FastifyInstance): Promise<void> {
  const { linli } = app;
  const cfg = linli.deployment.config.registration;
  const orgTypes = cfg?.orgTypes ?? ['compound'];
  const confirm = cfg?.confirm ?? true;

  app.get(
    '/api/registration',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['account'],
        summary: 'Whether residents may register here, whether staff confirm, and the places to choose from',
        response: { 200: { type: 'object', properties: { enabled: { type: 'boolean' }, confirm: { type: 'boolean' }, places: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, parentName: { type: ['string', 'null'] } }, required: ['id', 'name', 'parentName'] } } }, required: ['enabled', 'confirm', 'places'] } },
      },
    },
    async () => {
      if (!cfg?.enabled) return { enabled: false, confirm, places: [] };
      const rows = await linli.db
        .selectFrom('linli_orgs as o')
        .leftJoin('linli_orgs as p', 'p.id', 'o.parent_id')
        .select(['o.id', 'o.name', 'p.name as parent_name'])
        .where('o.type', 'in', orgTypes)
        .where('o.deactivated_at', 'is', null)
        .orderBy('o.path')
        .limit(2000)
        .execute();
      return { enabled: true, confirm, places: rows.map((r) => ({ id: String(r.id), name: r.name, parentName: r.parent_name })) };
    },
  );

  app.post<{ Body: { phone: string } }>(
    '/api/registration/code',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['account'],
        summary: 'Send a one-time code to a mobile number (one a minute and five a day per number, ten an hour per address)',
        body: { type: 'object', properties: { phone }, required: ['phone'], additionalProperties: false },
        response: { 202: { type: 'object', properties: { expiresAt: { type: 'string' }, resendAfterSeconds: { type: 'integer' } }, required: ['expiresAt', 'resendAfterSeconds'] }, ...errorResponses, 503: { $ref: 'LinliError#' } },
      },
    },
    async (req, reply) => {
      if (!cfg?.enabled) throw disabled();
      const sent = await sendRegistrationCode(linli.db, linli.deployment, linli.channels.codes, { phone: req.body.phone, address: req.ip, now: linli.now() });
      return reply.status(202).send({ expiresAt: sent.expiresAt.toISOString(), resendAfterSeconds: codeLimits.perNumberGapSeconds });
    },
  );

  app.post<{ Body: { phone: string; code: string; name: string; password: string; orgId: string } }>(
    '/api/registration',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['account'],
        summary: 'Register as a resident with the code; the mobile number becomes the username',
        body: {
          type: 'object',
          properties: { phone, code: { type: 'string', pattern: '^[0-9]{6}$' }, name: { type: 'string', minLength: 1, maxLength: 40 }, password: { type: 'string', minLength: 1, maxLength: passwordPolicy.maxLength }, orgId: { type: 'string', pattern: '^[0-9]{1,10}$' } },
          required: ['phone', 'code', 'name', 'password', 'orgId'],
          additionalProperties: false,
        },
        response: { 201: { type: 'object', properties: { username: { type: 'string' }, status: { enum: ['pending', 'confirmed'] } }, required: ['username', 'status'] }, ...errorResponses, 410: { $ref: 'LinliError#' } },
      },
    },
    async (req, reply) => {
      if (!cfg?.enabled) throw disabled();
      const b = req.body;
      const username = normalizePhone(b.phone);
      // Everything that can be refused without the code first: a refusal must not burn it.
      assertStrongPassword(b.password, username);
      const org = await linli.db.selectFrom('linli_orgs').select(['id', 'path', 'type', 'deactivated_at']).where('id', '=', Number(b.orgId)).executeTakeFirst();
      if (!org || !orgTypes.includes(org.type) || org.deactivated_at) throw unprocessable('Choose your compound from the list. 请从列表中选择小区。', [{ path: '/orgId', message: 'not a place residents may register at' }]);
      const now = linli.now();
      const checked = await linli.db.transaction().execute((trx) => consumeCode(trx, b.phone, b.code, now));
      if (checked === 'expired') throw new LinliError('LINLI_ERR_CODE_INVALID');
      if (checked === 'wrong') throw new LinliError('LINLI_ERR_CODE_WRONG', ['≤4']);
      const hash = await hashPassword(b.password);
      const status = confirm ? 'pending' : 'confirmed';
      await linli.db.transaction().execute(async (trx) => {
        const taken = await trx.selectFrom('linli_people').select('id').where((eb) => eb.or([eb('username', '=', username), eb('phone', '=', username)])).executeTakeFirst();
        if (taken) throw new LinliError('LINLI_ERR_CONFLICT', [{ 'zh-CN': '该手机号已注册，请直接登录', en: 'this mobile number already has an account: log in' }]);
        const person = await trx
          .insertInto('linli_people')
          .values({ username, display_name: b.name.trim(), phone: username, password_hash: hash, disabled_at: confirm ? now : null })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx.insertInto('linli_role_assignments').values({ person_id: person.id, role: 'resident', org_id: org.id, grid_id: null }).execute();
        await trx.insertInto('linli_registrations').values({ person_id: person.id, org_id: org.id, org_path: org.path, status, created_at: now, decided_by: null, decided_at: confirm ? null : now }).execute();
        await audit(trx, { actorId: String(person.id), action: 'person.register', subjectType: 'person', subjectId: String(person.id), after: { orgId: String(org.id), status }, requestId: req.id });
      });
      return reply.status(201).send({ username, status });
    },
  );

  app.get<{ Querystring: { status?: 'pending' | 'confirmed' | 'rejected' } }>(
    '/api/registrations',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['account'],
        summary: 'Residents who registered at places I administer (pending first), their numbers masked',
        querystring: { type: 'object', properties: { status: { enum: ['pending', 'confirmed', 'rejected'] } }, additionalProperties: false },
        response: {
          200: { type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties: { personId: { type: 'string' }, name: { type: 'string' }, phone: { type: 'string' }, orgId: { type: 'string' }, orgName: { type: 'string' }, status: { type: 'string' }, createdAt: { type: 'string' } }, required: ['personId', 'name', 'phone', 'orgId', 'orgName', 'status', 'createdAt'] } } }, required: ['items'] },
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      let q = linli.db
        .selectFrom('linli_registrations as r')
        .innerJoin('linli_people as p', 'p.id', 'r.person_id')
        .innerJoin('linli_orgs as o', 'o.id', 'r.org_id')
        .select(['r.person_id', 'p.display_name', 'p.phone', 'r.org_id', 'o.name as org_name', 'r.org_path', 'r.status', 'r.created_at'])
        .orderBy('r.created_at', 'desc')
        .limit(500);
      if (req.query.status) q = q.where('r.status', '=', req.query.status);
      const rows = (await q.execute()).filter((r) => isAdminFor(actor, r.org_path));
      return { items: rows.map((r) => ({ personId: String(r.person_id), name: r.display_name, phone: maskValue(r.phone) as string, orgId: String(r.org_id), orgName: r.org_name, status: r.status, createdAt: r.created_at.toISOString() })) };
    },
  );

  for (const decision of ['confirm', 'reject'] as const) {
    app.post<{ Params: { personId: string } }>(
      `/api/registrations/:personId/${decision}`,
      {
        config: { policy: 'authenticated' },
        schema: {
          tags: ['account'],
          summary: decision === 'confirm' ? 'Confirm a resident who registered at a place I administer: they can log in' : 'Refuse a registration: the account stays disabled',
          params: { type: 'object', properties: { personId: { type: 'string', pattern: '^[0-9]{1,10}$' } }, required: ['personId'] },
          response: { 200: { type: 'object', properties: { personId: { type: 'string' }, status: { type: 'string' } }, required: ['personId', 'status'] }, ...errorResponses },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const now = linli.now();
        const id = Number(req.params.personId);
        await linli.db.transaction().execute(async (trx) => {
          const r = await trx.selectFrom('linli_registrations').selectAll().where('person_id', '=', id).forUpdate().executeTakeFirst();
          // Out of my scope answers like a missing one.
          if (!r || !isAdminFor(actor, r.org_path)) throw new LinliError('LINLI_ERR_NOT_FOUND', [`Registration ${req.params.personId}`]);
          if (r.status !== 'pending') throw new LinliError('LINLI_ERR_CONFLICT', [`this registration is already ${r.status}`]);
          const status = decision === 'confirm' ? 'confirmed' : 'rejected';
          await trx.updateTable('linli_registrations').set({ status, decided_by: Number(actor.personId), decided_at: now }).where('person_id', '=', id).execute();
          if (decision === 'confirm') await trx.updateTable('linli_people').set({ disabled_at: null }).where('id', '=', id).execute();
          await audit(trx, { actorId: actor.personId, action: `person.registration.${decision}`, subjectType: 'person', subjectId: String(id), after: { status }, requestId: req.id });
        });
        return { personId: req.params.personId, status: decision === 'confirm' ? 'confirmed' : 'rejected' };
      },
    );
  }
}
