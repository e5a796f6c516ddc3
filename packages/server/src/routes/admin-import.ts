import type { FastifyInstance } from 'fastify';
import { requireActor } from '../policy.js';
import { importCity } from '../onboarding/import-city.js';
import { importLimits } from '../onboarding/sheets.js';
import { errorResponses } from './schemas.js';

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const spreadsheetTypes = [xlsx, 'text/csv'];

const countsSchema = { type: 'object', additionalProperties: { type: ['object', 'integer'], additionalProperties: { type: 'integer' } } } as const;

/**
 * The spreadsheet import of `npx linli import`, for administrators in the web
 * app: the file is the body (.xlsx or .csv), `dryRun=true` previews what
 * would change. Rows of orgs, grids and grants must lie within the subtrees
 * the caller administers, and nobody grants a role above their own (services/grant-guard.ts). All or nothing; audited as `city.import`.
 */
export async function adminImportRoutes(app: FastifyInstance): Promise<void> {
  const { linli } = app;
  app.addContentTypeParser(spreadsheetTypes, { parseAs: 'buffer', bodyLimit: importLimits.maxBytes }, (_req, body, done) => done(null, body));

  app.post<{ Querystring: { dryRun?: boolean; name?: string }; Body: Buffer }>(
    '/api/admin/import',
    {
      config: { policy: 'admin' },
      bodyLimit: importLimits.maxBytes,
      schema: {
        tags: ['admin'],
        summary: `Import orgs, grids, people and role grants from an .xlsx or .csv roster (body, up to ${importLimits.maxBytes / 1048576} MB); dryRun=true previews`,
        querystring: { type: 'object', properties: { dryRun: { type: 'boolean', default: false }, name: { type: 'string', maxLength: 200 } }, additionalProperties: false },
        response: {
          200: { type: 'object', properties: { dryRun: { type: 'boolean' }, counts: countsSchema, preview: { type: 'array', items: { type: 'string' } } }, required: ['dryRun', 'counts', 'preview'] },
          ...errorResponses,
          409: { $ref: 'LinliError#' },
          413: { $ref: 'LinliError#' },
          415: { $ref: 'LinliError#' },
          422: { $ref: 'LinliError#' },
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const csv = req.headers['content-type']?.startsWith('text/csv');
      const name = req.query.name ?? (csv ? 'roster.csv' : 'roster.xlsx');
      return importCity(linli.db, linli.deployment, { name: csv && !name.endsWith('.csv') ? `${name}.csv` : name, bytes: new Uint8Array(req.body) }, {
        dryRun: req.query.dryRun === true,
        now: linli.now(),
        actorId: actor.personId,
        requestId: req.id,
        granter: actor,
      }).then((r) => {
        if (!r.dryRun) linli.sessions.apply({ kind: 'all' });
        return r;
      });
    },
  );
}
