import { isAdminFor, LinliError, notFound } from '@linli/core';
import { audit, decodeCursor, toPage } from '@linli/db';
import { deadLetters, retryDeadLetter, type DeadLetter } from '@linli/jobs';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireActor } from '../policy.js';
import { errorResponses, pageQuery } from './schemas.js';

const deadJobSchema = {
  $id: 'DeadJob',
  type: 'object',
  description: 'A background job that failed every attempt (a webhook whose receiver never answered, say). Its payload is not shown: it may hold personal data.',
  properties: {
    id: { type: 'string' },
    kind: { type: 'string', description: 'webhook.deliver, ticket.deadline, …' },
    key: { type: ['string', 'null'] },
    attempts: { type: 'integer' },
    maxAttempts: { type: 'integer' },
    lastError: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    failedAt: { type: ['string', 'null'], format: 'date-time' },
  },
  required: ['id', 'kind', 'key', 'attempts', 'maxAttempts', 'lastError', 'createdAt', 'failedAt'],
} as const;

const json = (j: DeadLetter) => ({
  id: String(j.id),
  kind: j.kind,
  key: j.key,
  attempts: j.attempts,
  maxAttempts: j.maxAttempts,
  lastError: j.lastError,
  createdAt: j.createdAt.toISOString(),
  failedAt: j.finishedAt?.toISOString() ?? null,
});

/**
 * Dead letters of the job queue, for whoever runs the deployment: see what
 * never got through, and send it again once the receiver is fixed. The queue
 * serves the whole city, so only an administrator of the root organization
 * may look.
 */
export async function deadJobRoutes(app: FastifyInstance): Promise<void> {
  const { linli } = app;
  app.addSchema(deadJobSchema);

  async function requireCityAdmin(req: FastifyRequest) {
    const actor = requireActor(req);
    const root = await linli.db.selectFrom('linli_orgs').select('path').where('parent_id', 'is', null).where('kind', '=', 'level').executeTakeFirstOrThrow();
    if (!isAdminFor(actor, root.path)) throw new LinliError('LINLI_ERR_FORBIDDEN', ['only an administrator of the whole city may see the job queue']);
    return actor;
  }

  app.get<{ Querystring: { limit: number; cursor?: string } }>(
    '/api/admin/dead-jobs',
    {
      config: { policy: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Background jobs that failed every attempt, newest first (city administrators)',
        querystring: { type: 'object', properties: { ...pageQuery }, additionalProperties: false },
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: { $ref: 'DeadJob#' } }, nextCursor: { type: ['string', 'null'] } }, required: ['items', 'nextCursor'] }, ...errorResponses },
      },
    },
    async (req) => {
      await requireCityAdmin(req);
      const before = decodeCursor(req.query.cursor);
      const rows = await deadLetters(linli.db, req.query.limit + 1, before ?? undefined);
      return toPage(rows, req.query.limit, json);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/admin/dead-jobs/:id/retry',
    {
      config: { policy: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Queue a dead job again with fresh attempts, once what it calls is fixed (city administrators; audited)',
        params: { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9]{1,18}$' } }, required: ['id'] },
        response: { 204: { type: 'null' }, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = await requireCityAdmin(req);
      const id = Number(req.params.id);
      await linli.db.transaction().execute(async (trx) => {
        if (!(await retryDeadLetter(trx, id, linli.now()))) throw notFound(`Dead job ${req.params.id}`);
        await audit(trx, { actorId: actor.personId, action: 'job.retry', subjectType: 'job', subjectId: req.params.id, before: { status: 'dead' }, after: { status: 'pending' }, requestId: req.id });
      });
      return reply.status(204).send();
    },
  );
}
