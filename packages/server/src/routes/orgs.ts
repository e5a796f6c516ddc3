import { LinliError, unprocessable } from '@linli/core';
import { audit, getOrg, insertOrg, listGrids, listOrgs } from '@linli/db';
import type { FastifyInstance } from 'fastify';
import { assertAdminFor, requireActor } from '../policy.js';
import { freeKey } from '../services/org-keys.js';
import { errorResponses, idParam, pageOf, pageQuery } from './schemas.js';

/** The org tree and grids are the city's public structure: every logged-in person may read them. */
export async function orgRoutes(app: FastifyInstance): Promise<void> {
  const { linli } = app;

  app.get<{ Querystring: { parentId?: string; type?: string; path?: string; limit: number; cursor?: string } }>(
    '/api/orgs',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['orgs'],
        summary: 'Organizations, in tree order',
        querystring: {
          type: 'object',
          properties: {
            parentId: { type: 'string', maxLength: 20 },
            type: { type: 'string', maxLength: 64 },
            path: { type: 'string', pattern: '^/([0-9]+/)*$', maxLength: 200, description: 'Only the subtree under this org path' },
            ...pageQuery,
          },
          additionalProperties: false,
        },
        response: { 200: pageOf('Org'), ...errorResponses },
      },
    },
    async (req) => listOrgs(linli.db, req.query),
  );

  app.get<{ Params: { id: string } }>(
    '/api/orgs/:id',
    { config: { policy: 'authenticated' }, schema: { tags: ['orgs'], params: idParam, response: { 200: { $ref: 'Org#' }, ...errorResponses } } },
    async (req) => {
      const org = await getOrg(linli.db, req.params.id);
      if (!org) throw new LinliError('LINLI_ERR_NOT_FOUND', [`Organization ${req.params.id}`]);
      return org;
    },
  );

  app.post<{ Body: { key?: string; parentId: string; type: string; name: string; nameEn?: string } }>(
    '/api/orgs',
    {
      config: { policy: 'admin' },
      schema: {
        tags: ['orgs'],
        summary: 'Add an organization under a parent (administrators of the parent)',
        body: {
          type: 'object',
          properties: {
            key: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$', maxLength: 64, description: "The stable key the spreadsheet import matches by; left out, the parent's key and the next free number" },
            parentId: { type: 'string', maxLength: 20 },
            type: { type: 'string', maxLength: 64 },
            name: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
            nameEn: { type: 'string', maxLength: 200 },
          },
          required: ['parentId', 'type', 'name'],
          additionalProperties: false,
        },
        response: { 201: { $ref: 'Org#' }, ...errorResponses, 409: { $ref: 'LinliError#' }, 422: { $ref: 'LinliError#' } },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const b = req.body;
      const parent = await getOrg(linli.db, b.parentId);
      if (!parent) throw unprocessable(`There is no organization ${b.parentId}.`, [{ path: '/body/parentId', message: 'unknown organization' }]);
      assertAdminFor(actor, parent.path, parent.name);
      if (parent.deactivated) throw new LinliError('LINLI_ERR_ORG_PARENT_DEACTIVATED', [parent.name]);
      const type = linli.deployment.orgTypes.find((t) => t.id === b.type);
      if (!type) throw unprocessable(`Unknown org type "${b.type}".`, [{ path: '/body/type', message: 'unknown org type', expected: linli.deployment.orgTypes.map((t) => t.id).join(', ') }]);
      if (type.kind === 'level' && !(type.parents ?? []).includes(parent.type)) {
        throw unprocessable(`A ${b.type} cannot be placed under a ${parent.type}.`, [{ path: '/body/type', message: `not allowed under ${parent.type}` }]);
      }
      const org = await linli.db.transaction().execute(async (trx) => {
        const key = b.key ?? (await freeKey(trx, 'linli_orgs', `${parent.key}-`));
        const exists = await trx.selectFrom('linli_orgs').select('id').where('key', '=', key).executeTakeFirst();
        if (exists) throw new LinliError('LINLI_ERR_CONFLICT', [`An organization with key "${key}" exists already.`]);
        const created = await insertOrg(trx, { key, parentId: parent.id, type: b.type, kind: type.kind, name: b.name.trim(), nameEn: b.nameEn?.trim() || null });
        await audit(trx, { actorId: actor.personId, action: 'org.create', subjectType: 'org', subjectId: created.id, after: created, requestId: req.id });
        return created;
      });
      return reply.status(201).send(org);
    },
  );

  app.get<{ Querystring: { orgId?: string; limit: number; cursor?: string } }>(
    '/api/grids',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['orgs'],
        summary: 'Grids (网格) and the orgs they cover',
        querystring: { type: 'object', properties: { orgId: { type: 'string', maxLength: 20 }, ...pageQuery }, additionalProperties: false },
        response: {
          200: {
            type: 'object',
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'string' },
                    key: { type: 'string' },
                    name: { type: 'string' },
                    orgId: { type: 'string' },
                    covers: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' } } } },
                  },
                },
              },
              nextCursor: { type: ['string', 'null'] },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (req) => listGrids(linli.db, req.query),
  );
}
