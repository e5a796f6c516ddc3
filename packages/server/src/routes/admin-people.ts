import { isAdminFor, LinliError, notFound } from '@linli/core';
import { accountStates, audit, getPerson, listPeople, type Person } from '@linli/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { accountTokenHours, issueAccountToken, setupLink, type AccountTokenPurpose } from '../auth/account-tokens.js';
import { announceAuthChange } from '../auth/sessions.js';
import { requireActor } from '../policy.js';
import { administers, assertAdministers, assertCityKeepsAdmin, endAllSessions, rootPath } from '../services/accounts.js';
import { assertMayGrant } from '../services/grant-guard.js';
import { resolveRoleTarget } from '../services/role-target.js';
import { errorResponses, newPersonProperties, pageQuery } from './schemas.js';

const accountSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    username: { type: 'string' },
    name: { type: 'string' },
    phone: { type: ['string', 'null'] },
    roles: { type: 'array', items: { $ref: 'RoleAssignment#' } },
    disabled: { type: 'boolean' },
    passwordSet: { type: 'boolean' },
    manageable: { type: 'boolean', description: 'Whether the caller administers every org the person holds a role at (may invite, reset, disable)' },
  },
  required: ['id', 'username', 'name', 'roles', 'disabled', 'passwordSet', 'manageable'],
} as const;

const linkSchema = {
  type: 'object',
  description: 'A one-time link, shown this once: pass it on to the person; nobody else ever sees their password',
  properties: { purpose: { type: 'string', enum: ['setup', 'reset'] }, token: { type: 'string' }, url: { type: 'string' }, expiresAt: { type: 'string' } },
  required: ['purpose', 'token', 'url', 'expiresAt'],
} as const;

const personParam = { type: 'object', properties: { id: { type: 'string', maxLength: 20 } }, required: ['id'] } as const;
const conflictResponses = { 409: { $ref: 'LinliError#' }, 422: { $ref: 'LinliError#' } } as const;

/**
 * People as their administrators manage them, within the administrator's
 * subtree: search, create an account with its first role (and a one-time
 * setup link), a new link when a password is forgotten, disable and enable.
 * No route here sees or sets a password.
 */
export async function adminPeopleRoutes(app: FastifyInstance): Promise<void> {
  const { linli } = app;
  const adminRoles = () => [...linli.deployment.roles.values()].filter((r) => r.admin).map((r) => r.id);
  const baseUrl = (req: FastifyRequest) => linli.options.publicUrl ?? `${req.protocol}://${req.host}`;

  async function withState(actor: ReturnType<typeof requireActor>, people: Person[]) {
    const states = await accountStates(linli.db, people.map((p) => Number(p.id)));
    const root = await rootPath(linli.db);
    return people.map((p) => ({ ...p, ...(states.get(Number(p.id)) ?? { disabled: false, passwordSet: false }), manageable: administers(actor, p, root) }));
  }

  async function managedPerson(req: FastifyRequest<{ Params: { id: string } }>) {
    const actor = requireActor(req);
    const person = await getPerson(linli.db, req.params.id);
    // Someone outside every subtree the caller administers does not exist for them.
    if (!person || !(person.roles.some((r) => isAdminFor(actor, r.orgPath)) || administers(actor, person, await rootPath(linli.db)))) throw notFound(`Person ${req.params.id}`);
    assertAdministers(actor, person, await rootPath(linli.db));
    return { actor, person };
  }

  async function issueLink(req: FastifyRequest, personId: number, purpose: AccountTokenPurpose, actorId: string, trx: typeof linli.db) {
    const issued = await issueAccountToken(trx, { personId, purpose, createdBy: Number(actorId), now: linli.now() });
    await audit(trx, { actorId, action: `account.link.${purpose}`, subjectType: 'person', subjectId: String(personId), after: { expiresAt: issued.expiresAt }, requestId: req.id });
    return { purpose, token: issued.token, url: setupLink(baseUrl(req), issued.token), expiresAt: issued.expiresAt.toISOString() };
  }

  app.get<{ Querystring: { q?: string; limit: number; cursor?: string } }>(
    '/api/admin/people',
    {
      config: { policy: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Search the people holding roles in the subtrees I administer, with their account state',
        querystring: { type: 'object', properties: { q: { type: 'string', maxLength: 100 }, ...pageQuery }, additionalProperties: false },
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: accountSchema }, nextCursor: { type: ['string', 'null'] } }, required: ['items', 'nextCursor'] }, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const paths = actor.grants.filter((g) => g.admin).map((g) => g.orgPath);
      const page = await listPeople(linli.db, { limit: req.query.limit, cursor: req.query.cursor, search: req.query.q?.trim() || undefined, withinPaths: paths });
      return { items: await withState(actor, page.items), nextCursor: page.nextCursor };
    },
  );

  app.post<{ Body: { username: string; name: string; phone?: string; role: string; orgId?: string; gridId?: string } }>(
    '/api/admin/people',
    {
      config: { policy: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Invite a person: an account with its first role, and a one-time link to choose a password',
        body: {
          type: 'object',
          properties: {
            ...newPersonProperties,
            role: { type: 'string', maxLength: 64 },
            orgId: { type: 'string', maxLength: 20 },
            gridId: { type: 'string', maxLength: 20 },
          },
          required: ['username', 'name', 'role'],
          additionalProperties: false,
        },
        response: { 201: { type: 'object', properties: { person: accountSchema, link: linkSchema }, required: ['person', 'link'] }, ...errorResponses, ...conflictResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const b = req.body;
      const { org, gridId } = await resolveRoleTarget(linli.db, linli.deployment, b);
      // Nobody grants a role above their own scope (services/grant-guard.ts).
      await assertMayGrant(linli.db, linli.deployment, actor, { role: b.role, orgId: org.id, gridId });
      const { id, link } = await linli.db.transaction().execute(async (trx) => {
        const exists = await trx.selectFrom('linli_people').select('id').where('username', '=', b.username).executeTakeFirst();
        if (exists) throw new LinliError('LINLI_ERR_CONFLICT', [`The username "${b.username}" is taken.`]);
        const row = await trx.insertInto('linli_people').values({ username: b.username, display_name: b.name, phone: b.phone ?? null, password_hash: null }).returning('id').executeTakeFirstOrThrow();
        const grant = await trx.insertInto('linli_role_assignments').values({ person_id: row.id, role: b.role, org_id: Number(org.id), grid_id: gridId }).returning('id').executeTakeFirstOrThrow();
        await audit(trx, { actorId: actor.personId, action: 'person.invite', subjectType: 'person', subjectId: String(row.id), after: { username: b.username, name: b.name, role: b.role, orgId: org.id, gridId, grantId: String(grant.id) }, requestId: req.id });
        return { id: String(row.id), link: await issueLink(req, row.id, 'setup', actor.personId, trx) };
      });
      const [person] = await withState(actor, [(await getPerson(linli.db, id))!]);
      return reply.status(201).send({ person, link });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/admin/people/:id/link',
    {
      config: { policy: 'admin' },
      schema: {
        tags: ['admin'],
        summary: `A new one-time link for a person: to set a first password (valid ${accountTokenHours.setup} h) or reset a forgotten one (${accountTokenHours.reset} h); earlier links stop working`,
        params: personParam,
        response: { 201: linkSchema, ...errorResponses, ...conflictResponses },
      },
    },
    async (req, reply) => {
      const { actor, person } = await managedPerson(req);
      const link = await linli.db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('linli_people').select(['password_hash', 'disabled_at']).where('id', '=', Number(person.id)).forUpdate().executeTakeFirstOrThrow();
        if (row.disabled_at) throw new LinliError('LINLI_ERR_ACCOUNT_DISABLED', [person.name]);
        return issueLink(req, Number(person.id), row.password_hash ? 'reset' : 'setup', actor.personId, trx);
      });
      return reply.status(201).send(link);
    },
  );

  for (const action of ['disable', 'enable'] as const) {
    app.post<{ Params: { id: string } }>(
      `/api/admin/people/:id/${action}`,
      {
        config: { policy: 'admin' },
        schema: {
          tags: ['admin'],
          summary:
            action === 'disable'
              ? "Disable a person: their sessions end at once on every instance, their links stop working; their tickets stay with their orgs"
              : 'Enable a disabled person again (they log in with their password, or a new link)',
          params: personParam,
          response: { 200: accountSchema, ...errorResponses, ...conflictResponses },
        },
      },
      async (req) => {
        const { actor, person } = await managedPerson(req);
        const now = linli.now();
        await linli.db.transaction().execute(async (trx) => {
          const row = await trx.selectFrom('linli_people').select('disabled_at').where('id', '=', Number(person.id)).forUpdate().executeTakeFirstOrThrow();
          if ((row.disabled_at !== null) === (action === 'disable')) return;
          if (action === 'disable') {
            if (person.id === actor.personId) throw new LinliError('LINLI_ERR_FORBIDDEN', ['you cannot disable your own account']);
            await assertCityKeepsAdmin(trx, { adminRoles: adminRoles(), leaving: [Number(person.id)] });
            await trx.updateTable('linli_people').set({ disabled_at: now }).where('id', '=', Number(person.id)).execute();
            await trx.updateTable('linli_account_tokens').set({ used_at: now }).where('person_id', '=', Number(person.id)).where('used_at', 'is', null).execute();
            await endAllSessions(trx, Number(person.id), now);
          } else {
            await trx.updateTable('linli_people').set({ disabled_at: null }).where('id', '=', Number(person.id)).execute();
          }
          await audit(trx, { actorId: actor.personId, action: `person.${action}`, subjectType: 'person', subjectId: person.id, requestId: req.id });
          await announceAuthChange(trx, { kind: 'all' });
        });
        linli.sessions.apply({ kind: 'all' });
        const [after] = await withState(actor, [(await getPerson(linli.db, person.id))!]);
        return after;
      },
    );
  }
}
