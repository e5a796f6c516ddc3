import type { FastifyInstance } from 'fastify';
import { requireActor } from '../policy.js';
import { importCity } from '../onboarding/import-city.js';
import { pluginSheetsOf } from '../onboarding/plugin-sheets.js';
import { importLimits, sheets } from '../onboarding/sheets.js';
import { errorResponses } from './schemas.js';

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const spreadsheetTypes = [xlsx, 'text/csv'];

const countsSchema = { type: 'object', additionalProperties: { type: ['object', 'integer'], additionalProperties: { type: 'integer' } } } as const;

/**
 * The spreadsheet import of `npx linli import`, for administrators in the web
 * app: the file is the body (.xlsx or .csv), `dryRun=true` previews what
 * would change. Rows of orgs, grids and grants (and the orgs plugin sheets name) must lie within the subtrees
 * the caller administers, and nobody grants a role above their own (services/grant-guard.ts). All or nothing; audited as `city.import`.
 */
export async function adminImportRoutes(app: FastifyInstance): Promise<void> {
  const { linli } = app;
  app.addContentTypeParser(spreadsheetTypes, { parseAs: 'buffer', bodyLimit: importLimits.maxBytes }, (_req, body, done) => done(null, body));

  // The sheets a roster may hold in this city: the core's and those of the plugins it enables, for the import card.
  const sheetList = [
    ...sheets.map((s) => ({ id: s.id, name: { 'zh-CN': s.zh, en: s.en }, columns: s.columns.map((c) => ({ title: { 'zh-CN': c.zh, en: c.en }, required: c.required ?? false })) })),
    ...pluginSheetsOf(linli.plugins).map(({ def }) => ({ id: def.id, name: { 'zh-CN': def.title['zh-CN'], en: def.title.en ?? def.title['zh-CN'] }, columns: def.columns.map((c) => ({ title: { 'zh-CN': c.title['zh-CN'], en: c.title.en ?? c.title['zh-CN'] }, required: c.required ?? false })) })),
  ];
  const text = { type: 'object', properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } }, required: ['zh-CN', 'en'] } as const;
  app.get(
    '/api/admin/import/sheets',
    {
      config: { policy: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'The sheets a roster may hold in this city (the core’s and the enabled plugins’), with their columns',
        response: {
          200: {
            type: 'object',
            properties: { items: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: text, columns: { type: 'array', items: { type: 'object', properties: { title: text, required: { type: 'boolean' } }, required: ['title', 'required'] } } }, required: ['id', 'name', 'columns'] } } },
            required: ['items'],
          },
          ...errorResponses,
        },
      },
    },
    async () => ({ items: sheetList }),
  );

  app.post<{ Querystring: { dryRun?: boolean; name?: string }; Body: Buffer }>(
    '/api/admin/import',
    {
      config: { policy: 'admin' },
      bodyLimit: importLimits.maxBytes,
      schema: {
        tags: ['admin'],
        summary: `Import orgs, grids, people, role grants and the enabled plugins' sheets from an .xlsx or .csv roster (body, up to ${importLimits.maxBytes / 1048576} MB); dryRun=true previews`,
        querystring: { type: 'object', properties: { dryRun: { type: 'boolean', default: false }, name: { type: 'string', maxLength: 200 } }, additionalProperties: false },
        response: {
          200: { type: 'object', properties: { dryRun: { type: 'boolean' }, counts: countsSchema, preview: { type: 'array', items: { type: 'string' } }, notes: { type: 'array', items: { type: 'string' } } }, required: ['dryRun', 'counts', 'preview', 'notes'] },
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
        plugins: linli.plugins,
      }).then((r) => {
        if (!r.dryRun) linli.sessions.apply({ kind: 'all' });
        return r;
      });
    },
  );
}
