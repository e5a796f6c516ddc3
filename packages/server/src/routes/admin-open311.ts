import { notFound } from '@linli/core';
import { audit, getOpen311Client, getOrg, listOpen311Clients, revokeOpen311Client } from '@linli/db';
import type { FastifyInstance } from 'fastify';
import { assertAdminFor, peopleScope, requireActor } from '../policy.js';
import { issueOpen311Key } from '../services/open311-clients.js';
import { errorResponses, idParam } from './schemas.js';

/**
 * Open311 client applications, for administrators: issue an api_key (shown
 * once), list the clients where one administers, revoke one. A client files
 * where it was issued (its org and below) as a resident would.
 */
const clientSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    orgId: { type: 'string' },
    orgName: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    revokedAt: { type: ['string', 'null'], format: 'date-time' },
  },
  required: ['id', 'name', 'orgId', 'orgName', 'createdAt', 'revokedAt'],
} as const;

export async function adminOpen311Routes(app: FastifyInstance): Promise<void> {
  const { linli } = app;

  app.get(
    '/api/admin/open311/clients',
    { config: { policy: 'admin' }, schema: { tags: ['open311'], summary: 'Open311 client applications where I administer', response: { 200: { type: 'object', properties: { items: { type: 'array', items: clientSchema } }, required: ['items'] }, ...errorResponses } } },
    async (req) => {
      const actor = requireActor(req);
      const paths = actor.grants.filter((g) => g.admin).flatMap((g) => (g.scopePaths.length ? g.scopePaths : [g.orgPath]));
      return { items: await listOpen311Clients(linli.db, paths.length ? paths : peopleScope(actor)) };
    },
  );

  app.post<{ Body: { name: string; orgId: string } }>(
    '/api/admin/open311/clients',
    {
      config: { policy: 'admin' },
      schema: {
        tags: ['open311'],
        summary: 'Issue an api_key to a client application; the key is in this answer only',
        body: {
          type: 'object',
          properties: { name: { type: 'string', minLength: 1, maxLength: 100, description: 'The application, as staff will see it as the reporter' }, orgId: { type: 'string', maxLength: 20, description: 'Where it may file: this org and below' } },
          required: ['name', 'orgId'],
          additionalProperties: false,
        },
        response: { 201: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, apiKey: { type: 'string' } }, required: ['id', 'name', 'apiKey'] }, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const org = await getOrg(linli.db, req.body.orgId);
      if (!org) throw notFound(`Organization ${req.body.orgId}`);
      assertAdminFor(actor, org.path, org.name);
      const issued = await linli.db.transaction().execute((trx) => issueOpen311Key(trx, { name: req.body.name.trim(), orgId: Number(org.id), issuedBy: actor.personId, now: linli.now(), requestId: req.id }));
      return reply.status(201).send(issued);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/admin/open311/clients/:id/revoke',
    { config: { policy: 'admin' }, schema: { tags: ['open311'], summary: 'Revoke a client’s api_key at once', params: idParam, response: { 200: clientSchema, ...errorResponses } } },
    async (req) => {
      const actor = requireActor(req);
      const id = /^[0-9]{1,10}$/.test(req.params.id) ? Number(req.params.id) : NaN;
      const client = Number.isNaN(id) ? null : await getOpen311Client(linli.db, id);
      if (!client) throw notFound(`Open311 client ${req.params.id}`);
      assertAdminFor(actor, client.orgPath, client.name);
      await linli.db.transaction().execute(async (trx) => {
        await revokeOpen311Client(trx, id, linli.now());
        await audit(trx, { actorId: actor.personId, action: 'open311.client.revoke', subjectType: 'open311_client', subjectId: client.id, requestId: req.id });
      });
      const { orgPath: _path, ...revoked } = (await getOpen311Client(linli.db, id))!;
      return revoked;
    },
  );
}
