import { isAdminFor, LinliError, notFound, type Actor, type Deployment } from '@linli/core';
import { audit, getPerson, listPeople, type CoreTables, type Person } from '@linli/db';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { announceAuthChange } from '../auth/sessions.js';
import { peopleScope, requireActor } from '../policy.js';
import { errorResponses, newPersonProperties, pageQuery } from './schemas.js';
import { maskValue } from '../services/personal-data.js';
import { assertCityKeepsAdmin } from '../services/accounts.js';
import { assertMayGrant } from '../services/grant-guard.js';
import { resolveRoleTarget } from '../services/role-target.js';

export async function peopleRoutes(app: FastifyInstance): Promise<void> {
  const { linli } = app;

  /**
   * Every person this router returns passes through here. Phone numbers are
   * personal data: shown whole only to the person, and in the people list to
   * an administrator of one of the person's orgs — a read written to the
   * audit log (`person.personal-data.read`). Answers to writes (creating an
   * account, granting a role) always mask it, so granting a role is not a way
   * to read a stranger's number.
   */
  const present = (viewer: Actor, p: Person, mayUnmask: boolean) => ({
    ...p,
    phone: p.id === viewer.personId || (mayUnmask && p.roles.some((r) => isAdminFor(viewer, r.orgPath))) ? p.phone : (maskValue(p.phone) as string | null),
  });

  app.get<{ Querystring: { limit: number; cursor?: string } }>(
    '/api/people',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['people'],
        summary: 'People holding roles within my scopes',
        querystring: { type: 'object', properties: { ...pageQuery }, additionalProperties: false },
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: { $ref: 'Person#' } }, nextCursor: { type: ['string', 'null'] } } }, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const scope = peopleScope(actor);
      // Residents and volunteers see only themselves: the staff list is for staff (who handles a ticket shows on the ticket).
      const page = scope.length ? await listPeople(linli.db, { ...req.query, withinPaths: scope }) : { items: req.query.cursor ? [] : [(await getPerson(linli.db, actor.personId))!], nextCursor: null };
      const items = page.items.map((p) => present(actor, p, true));
      const unmasked = items.filter((p) => p.id !== actor.personId && p.phone !== null && !p.phone.includes('*'));
      if (unmasked.length) {
        await linli.db.transaction().execute(async (trx) => {
          for (const p of unmasked) await audit(trx, { actorId: actor.personId, action: 'person.personal-data.read', subjectType: 'person', subjectId: p.id, requestId: req.id });
        });
      }
      return { items, nextCursor: page.nextCursor };
    },
  );

  // No password here: an administrator never chooses one (SECURITY.md). The account waits for the
  // person to set their own through a one-time link (POST /api/admin/people/:id/link, or the invitation
  // POST /api/admin/people that creates and links in one step).
  app.post<{ Body: { username: string; name: string; phone?: string } }>(
    '/api/people',
    {
      config: { policy: 'admin' },
      schema: {
        tags: ['people'],
        summary: 'Create an account without a password (administrators); the person sets one through a one-time link',
        body: {
          type: 'object',
          properties: newPersonProperties,
          required: ['username', 'name'],
          additionalProperties: false,
        },
        response: { 201: { $ref: 'Person#' }, ...errorResponses, 409: { $ref: 'LinliError#' } },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const b = req.body;
      const id = await linli.db.transaction().execute(async (trx) => {
        const exists = await trx.selectFrom('linli_people').select('id').where('username', '=', b.username).executeTakeFirst();
        if (exists) throw new LinliError('LINLI_ERR_CONFLICT', [`The username "${b.username}" is taken.`]);
        const row = await trx.insertInto('linli_people').values({ username: b.username, display_name: b.name, phone: b.phone ?? null, password_hash: null }).returning('id').executeTakeFirstOrThrow();
        await audit(trx, { actorId: actor.personId, action: 'person.create', subjectType: 'person', subjectId: String(row.id), after: { username: b.username, name: b.name, phone: b.phone ?? null }, requestId: req.id });
        return String(row.id);
      });
      return reply.status(201).send(present(actor, (await getPerson(linli.db, id))!, false));
    },
  );

  app.post<{ Params: { id: string }; Body: { role: string; orgId?: string; gridId?: string } }>(
    '/api/people/:id/roles',
    {
      config: { policy: 'admin' },
      schema: {
        tags: ['people'],
        summary: 'Give a person a role at an org or grid (administrators of that org, no more than their own roles there: LINLI_ERR_GRANT_ABOVE_OWN)',
        params: { type: 'object', properties: { id: { type: 'string', maxLength: 20 } }, required: ['id'] },
        body: {
          type: 'object',
          properties: { role: { type: 'string', maxLength: 64 }, orgId: { type: 'string', maxLength: 20 }, gridId: { type: 'string', maxLength: 20 } },
          required: ['role'],
          additionalProperties: false,
        },
        response: { 201: { $ref: 'Person#' }, ...errorResponses, 409: { $ref: 'LinliError#' }, 422: { $ref: 'LinliError#' } },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const b = req.body;
      const person = await getPerson(linli.db, req.params.id);
      if (!person) throw notFound(`Person ${req.params.id}`);
      const { org, gridId } = await resolveRoleTarget(linli.db, linli.deployment, b);
      await assertMayGrant(linli.db, linli.deployment, actor, { role: b.role, orgId: org.id, gridId });
      await linli.db.transaction().execute(async (trx) => {
        const res = await trx
          .insertInto('linli_role_assignments')
          .values({ person_id: Number(person.id), role: b.role, org_id: Number(org.id), grid_id: gridId })
          .onConflict((oc) => oc.doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!res) throw new LinliError('LINLI_ERR_CONFLICT', [`${person.name} already holds "${b.role}" there.`]);
        await audit(trx, { actorId: actor.personId, action: 'role.grant', subjectType: 'person', subjectId: person.id, before: person.roles, after: { id: String(res.id), role: b.role, orgId: org.id, gridId }, requestId: req.id });
        await announceAuthChange(trx, { kind: 'all' });
      });
      linli.sessions.apply({ kind: 'all' });
      return reply.status(201).send(present(actor, (await getPerson(linli.db, person.id))!, false));
    },
  );

  app.delete<{ Params: { id: string; roleId: string } }>(
    '/api/people/:id/roles/:roleId',
    {
      config: { policy: 'admin' },
      schema: {
        tags: ['people'],
        summary: 'Take a role away (whoever could have given it: LINLI_ERR_GRANT_ABOVE_OWN)',
        params: { type: 'object', properties: { id: { type: 'string', maxLength: 20 }, roleId: { type: 'string', maxLength: 20 } }, required: ['id', 'roleId'] },
        response: { 204: { type: 'null' }, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const person = await getPerson(linli.db, req.params.id);
      const assignment = person?.roles.find((r) => r.id === req.params.roleId);
      if (!person || !assignment) throw notFound(`Role ${req.params.roleId} of person ${req.params.id}`);
      // Taking a role away is held to the rule for giving it: nobody removes a grant they could not have made.
      await assertMayGrant(linli.db, linli.deployment, actor, assignment);
      await linli.db.transaction().execute(async (trx) => {
        await assertNotLastCityAdmin(trx, linli.deployment, assignment);
        await trx.deleteFrom('linli_role_assignments').where('id', '=', Number(assignment.id)).execute();
        await audit(trx, { actorId: actor.personId, action: 'role.revoke', subjectType: 'person', subjectId: person.id, before: assignment, after: null, requestId: req.id });
        await announceAuthChange(trx, { kind: 'all' });
      });
      linli.sessions.apply({ kind: 'all' });
      return reply.status(204).send();
    },
  );
}

/**
 * A city keeps one administrator at its root (services/accounts.ts): the
 * root's administrator rows are locked first, so two administrators revoking
 * each other at the same moment cannot both succeed.
 */
async function assertNotLastCityAdmin(trx: Kysely<CoreTables>, deployment: Deployment, assignment: Person['roles'][number]): Promise<void> {
  const adminRoles = [...deployment.roles.values()].filter((r) => r.admin).map((r) => r.id);
  if (!adminRoles.includes(assignment.role)) return;
  await trx
    .selectFrom('linli_role_assignments as ra')
    .innerJoin('linli_orgs as o', 'o.id', 'ra.org_id')
    .select('ra.id')
    .where('o.parent_id', 'is', null)
    .where('ra.role', 'in', adminRoles)
    .forUpdate()
    .execute();
  await assertCityKeepsAdmin(trx, { adminRoles, droppedGrants: [Number(assignment.id)] });
}
