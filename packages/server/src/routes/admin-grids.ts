import { isAdminFor, isWithin, LinliError, notFound, subtreePattern, unprocessable, type LocalizedText } from '@linli/core';
import { audit, getOrg, type CoreTables } from '@linli/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { announceAuthChange } from '../auth/sessions.js';
import { assertAdminFor, requireActor } from '../policy.js';
import { freeKey } from '../services/org-keys.js';
import { errorResponses, idParam } from './schemas.js';

const adminGridSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    key: { type: 'string' },
    name: { type: 'string' },
    orgId: { type: 'string' },
    orgName: { type: 'string' },
    covers: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' }, path: { type: 'string' }, deactivated: { type: 'boolean' } }, required: ['id', 'name', 'type', 'path', 'deactivated'] },
    },
    members: {
      type: 'array',
      description: 'Who holds a grid role here (grid leader, grid workers…); take one away with DELETE /api/people/:personId/roles/:grantId, add one with POST /api/people/:id/roles',
      items: { type: 'object', properties: { grantId: { type: 'string' }, personId: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, disabled: { type: 'boolean' } }, required: ['grantId', 'personId', 'name', 'role', 'disabled'] },
    },
  },
  required: ['id', 'key', 'name', 'orgId', 'orgName', 'covers', 'members'],
} as const;

const gridAnswer = { ...errorResponses, 409: { $ref: 'LinliError#' }, 422: { $ref: 'LinliError#' } } as const;
const why = (zh: string, en: string): Required<LocalizedText> => ({ 'zh-CN': zh, en });

interface AdminGrid {
  id: string;
  key: string;
  name: string;
  orgId: string;
  orgName: string;
  covers: { id: string; name: string; type: string; path: string; deactivated: boolean }[];
  members: { grantId: string; personId: string; name: string; role: string; disabled: boolean }[];
}

/** Grids with what they cover and who works them, for the grids whose org lies in one of `paths`. */
async function adminGrids(db: Kysely<CoreTables>, where: { paths: string[] } | { id: number }): Promise<AdminGrid[]> {
  let q = db.selectFrom('linli_grids as g').innerJoin('linli_orgs as o', 'o.id', 'g.org_id').select(['g.id', 'g.key', 'g.name', 'g.org_id', 'o.name as org_name', 'o.path']).orderBy('o.path').orderBy('g.id');
  q = 'id' in where ? q.where('g.id', '=', where.id) : where.paths.length ? q.where((eb) => eb.or(where.paths.map((p) => eb('o.path', 'like', subtreePattern(p))))) : q.where('g.id', '<', 0);
  const grids = await q.execute();
  if (!grids.length) return [];
  const ids = grids.map((g) => g.id);
  const covers = await db
    .selectFrom('linli_grid_orgs as go')
    .innerJoin('linli_orgs as o', 'o.id', 'go.org_id')
    .select(['go.grid_id', 'o.id', 'o.name', 'o.type', 'o.path', 'o.deactivated_at'])
    .where('go.grid_id', 'in', ids)
    .orderBy('o.path')
    .execute();
  const members = await db
    .selectFrom('linli_role_assignments as ra')
    .innerJoin('linli_people as p', 'p.id', 'ra.person_id')
    .select(['ra.id', 'ra.grid_id', 'ra.role', 'p.id as person_id', 'p.display_name', 'p.disabled_at'])
    .where('ra.grid_id', 'in', ids)
    .orderBy('ra.id')
    .execute();
  return grids.map((g) => ({
    id: String(g.id),
    key: g.key,
    name: g.name,
    orgId: String(g.org_id),
    orgName: g.org_name,
    covers: covers.filter((c) => c.grid_id === g.id).map((c) => ({ id: String(c.id), name: c.name, type: c.type, path: c.path, deactivated: c.deactivated_at !== null })),
    members: members.filter((m) => m.grid_id === g.id).map((m) => ({ grantId: String(m.id), personId: String(m.person_id), name: m.display_name, role: m.role, disabled: m.disabled_at !== null })),
  }));
}

/**
 * Grids (网格) as their administrators keep them, within the subtrees they
 * administer: list them with what they cover and who works them, create one,
 * rename it, add and remove the compounds and buildings it covers. Members
 * are role grants at the grid (POST/DELETE /api/people/:id/roles), held to
 * the same grant guard as every other. Audited as `grid.*`.
 */
export async function adminGridRoutes(app: FastifyInstance): Promise<void> {
  const { linli } = app;

  async function administered(req: FastifyRequest<{ Params: { id: string } }>) {
    const actor = requireActor(req);
    const n = Number(req.params.id);
    const [grid] = Number.isSafeInteger(n) ? await adminGrids(linli.db, { id: n }) : [];
    const org = grid ? await getOrg(linli.db, grid.orgId) : null;
    if (!grid || !org || !isAdminFor(actor, org.path)) throw notFound(`Grid ${req.params.id}`);
    return { actor, grid, org };
  }

  /** A change to what a grid covers changes what its members see: every instance reloads its sessions' grants. */
  async function answer(id: string): Promise<AdminGrid> {
    linli.sessions.apply({ kind: 'all' });
    return (await adminGrids(linli.db, { id: Number(id) }))[0]!;
  }

  app.get(
    '/api/admin/grids',
    {
      config: { policy: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'The grids of the subtrees I administer, with the orgs they cover and their members',
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: adminGridSchema } }, required: ['items'] }, ...errorResponses },
      },
    },
    async (req) => ({ items: await adminGrids(linli.db, { paths: requireActor(req).grants.filter((g) => g.admin).map((g) => g.orgPath) }) }),
  );

  app.post<{ Body: { name: string; orgId: string } }>(
    '/api/admin/grids',
    {
      config: { policy: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Create a grid at an org I administer (usually a community); it covers nothing until compounds or buildings are added',
        body: {
          type: 'object',
          properties: { name: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' }, orgId: { type: 'string', maxLength: 20 } },
          required: ['name', 'orgId'],
          additionalProperties: false,
        },
        response: { 201: adminGridSchema, ...gridAnswer },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const org = await getOrg(linli.db, req.body.orgId);
      if (!org) throw unprocessable(`There is no organization ${req.body.orgId}.`, [{ path: '/body/orgId', message: 'unknown organization' }]);
      assertAdminFor(actor, org.path, org.name);
      if (org.deactivated) throw new LinliError('LINLI_ERR_ORG_PARENT_DEACTIVATED', [org.name]);
      if (org.kind !== 'level') throw unprocessable({ 'zh-CN': '网格设在层级组织（社区、街道）上，不设在附属组织上。', en: 'A grid belongs to a level of the tree (a community or street), not a side organization.' }, [{ path: '/body/orgId', message: 'a side organization' }]);
      const id = await linli.db.transaction().execute(async (trx) => {
        const key = await freeKey(trx, 'linli_grids', `${org.key}-g`);
        const row = await trx.insertInto('linli_grids').values({ key, name: req.body.name.trim(), org_id: Number(org.id) }).returning('id').executeTakeFirstOrThrow();
        await audit(trx, { actorId: actor.personId, action: 'grid.create', subjectType: 'grid', subjectId: String(row.id), after: { key, name: req.body.name.trim(), orgId: org.id }, requestId: req.id });
        return String(row.id);
      });
      return reply.status(201).send((await adminGrids(linli.db, { id: Number(id) }))[0]);
    },
  );

  app.patch<{ Params: { id: string }; Body: { name: string } }>(
    '/api/admin/grids/:id',
    {
      config: { policy: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Rename a grid',
        params: idParam,
        body: { type: 'object', properties: { name: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' } }, required: ['name'], additionalProperties: false },
        response: { 200: adminGridSchema, ...gridAnswer },
      },
    },
    async (req) => {
      const { actor, grid } = await administered(req);
      const name = req.body.name.trim();
      if (name === grid.name) return grid;
      await linli.db.transaction().execute(async (trx) => {
        await trx.updateTable('linli_grids').set({ name }).where('id', '=', Number(grid.id)).execute();
        await audit(trx, { actorId: actor.personId, action: 'grid.rename', subjectType: 'grid', subjectId: grid.id, before: { name: grid.name }, after: { name }, requestId: req.id });
      });
      return (await adminGrids(linli.db, { id: Number(grid.id) }))[0];
    },
  );

  app.post<{ Params: { id: string }; Body: { orgId: string } }>(
    '/api/admin/grids/:id/covers',
    {
      config: { policy: 'admin' },
      schema: {
        tags: ['admin'],
        summary: "Add a compound or building under the grid's org to what the grid covers: its members then see and work the tickets filed there",
        params: idParam,
        body: { type: 'object', properties: { orgId: { type: 'string', maxLength: 20 } }, required: ['orgId'], additionalProperties: false },
        response: { 200: adminGridSchema, ...gridAnswer },
      },
    },
    async (req) => {
      const { actor, grid, org: home } = await administered(req);
      const org = await getOrg(linli.db, req.body.orgId);
      if (!org) throw unprocessable(`There is no organization ${req.body.orgId}.`, [{ path: '/body/orgId', message: 'unknown organization' }]);
      const refusal =
        !isWithin(org.path, home.path) || org.id === home.id
          ? why(`它不在${home.name}之下`, `it does not lie under ${home.name}`)
          : org.kind !== 'level'
            ? why('附属组织不划入网格', 'side organizations are not covered by grids')
            : org.deactivated
              ? why('它已停用', 'it is deactivated')
              : null;
      if (refusal) throw new LinliError('LINLI_ERR_GRID_COVER', [grid.name, org.name, refusal], [{ path: '/body/orgId', message: refusal.en, localized: refusal }]);
      if (grid.covers.some((c) => c.id === org.id)) throw new LinliError('LINLI_ERR_CONFLICT', [{ 'zh-CN': `${grid.name}已覆盖${org.name}。`, en: `${grid.name} covers ${org.name} already.` }]);
      await linli.db.transaction().execute(async (trx) => {
        await trx.insertInto('linli_grid_orgs').values({ grid_id: Number(grid.id), org_id: Number(org.id) }).onConflict((oc) => oc.doNothing()).execute();
        await audit(trx, { actorId: actor.personId, action: 'grid.cover.add', subjectType: 'grid', subjectId: grid.id, after: { orgId: org.id, name: org.name }, requestId: req.id });
        await announceAuthChange(trx, { kind: 'all' });
      });
      return answer(grid.id);
    },
  );

  app.delete<{ Params: { id: string; orgId: string } }>(
    '/api/admin/grids/:id/covers/:orgId',
    {
      config: { policy: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Stop the grid covering an org: its members no longer see the tickets filed there (the community still does)',
        params: { type: 'object', properties: { id: { type: 'string', maxLength: 20 }, orgId: { type: 'string', maxLength: 20 } }, required: ['id', 'orgId'] },
        response: { 200: adminGridSchema, ...gridAnswer },
      },
    },
    async (req) => {
      const { actor, grid } = await administered(req);
      const covered = grid.covers.find((c) => c.id === req.params.orgId);
      if (!covered) throw notFound(`Organization ${req.params.orgId} in grid ${grid.name}`);
      await linli.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('linli_grid_orgs').where('grid_id', '=', Number(grid.id)).where('org_id', '=', Number(covered.id)).execute();
        await audit(trx, { actorId: actor.personId, action: 'grid.cover.remove', subjectType: 'grid', subjectId: grid.id, before: { orgId: covered.id, name: covered.name }, requestId: req.id });
        await announceAuthChange(trx, { kind: 'all' });
      });
      return answer(grid.id);
    },
  );
}
