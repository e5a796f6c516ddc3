import { notFound, type Locale } from '@linli/core';
import { dashboardRows, getOrg } from '@linli/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireActor } from '../policy.js';
import { buildDashboardReport, dashboardCsv } from '../services/dashboard-report.js';
import { deadlineActions } from '../services/deadline-jobs.js';
import { errorResponses } from './schemas.js';

const query = {
  type: 'object',
  properties: {
    orgId: { type: 'string', maxLength: 20, description: 'Only tickets filed in this org and below; default: everything I may see' },
    lang: { type: 'string', enum: ['zh-CN', 'en'], default: 'zh-CN', description: 'Language of the CSV headers and titles' },
  },
  additionalProperties: false,
} as const;

const figures = {
  total: { type: 'integer' },
  open: { type: 'integer' },
  overdue: { type: 'integer' },
  closed: { type: 'integer' },
  avgHoursToClose: { type: ['number', 'null'] },
  closedInTimePct: { type: ['number', 'null'] },
} as const;

const reportResponse = {
  type: 'object',
  properties: {
    orgId: { type: ['string', 'null'] },
    generatedAt: { type: 'string', format: 'date-time' },
    totals: { type: 'object', properties: figures },
    workflows: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          titleEn: { type: 'string' },
          ...figures,
          states: {
            type: 'array',
            items: {
              type: 'object',
              properties: { id: { type: 'string' }, title: { type: 'string' }, titleEn: { type: 'string' }, terminal: { type: 'boolean' }, count: { type: 'integer' }, overdue: { type: 'integer' } },
            },
          },
        },
      },
    },
  },
  required: ['orgId', 'generatedAt', 'totals', 'workflows'],
} as const;

type DashboardQuery = { Querystring: { orgId?: string; lang: Locale } };

/**
 * Figures for an org subtree, over the tickets the caller may see: the
 * visibility policy is in the SQL, so a dashboard never counts what its
 * viewer could not open.
 */
export async function dashboardRoutes(app: FastifyInstance): Promise<void> {
  const { linli } = app;

  async function report(req: FastifyRequest<DashboardQuery>) {
    const actor = requireActor(req);
    let orgPath: string | undefined;
    if (req.query.orgId !== undefined) {
      const org = await getOrg(linli.db, req.query.orgId);
      if (!org) throw notFound(`Organization ${req.query.orgId}`);
      orgPath = org.path;
    }
    const now = linli.now();
    const rows = await dashboardRows(linli.db, actor, { now, orgPath, overdueAction: deadlineActions.overdue });
    return { orgId: req.query.orgId ?? null, generatedAt: now.toISOString(), ...buildDashboardReport(linli.deployment, rows) };
  }

  app.get<DashboardQuery>(
    '/api/dashboard',
    {
      config: { policy: 'authenticated' },
      schema: { tags: ['dashboard'], summary: 'Tickets by workflow and state, overdue, time to close and closed in time, for an org subtree', querystring: query, response: { 200: reportResponse, ...errorResponses } },
    },
    report,
  );

  app.get<DashboardQuery>(
    '/api/dashboard.csv',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['dashboard'],
        summary: 'The dashboard table as CSV (UTF-8 with BOM, opens in Excel)',
        querystring: query,
        produces: ['text/csv'],
        response: { 200: { type: 'string', description: 'text/csv' }, ...errorResponses },
      },
    },
    async (req, reply) => {
      const r = await report(req);
      const day = r.generatedAt.slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="linli-dashboard-${day}.csv"`)
        .header('cache-control', 'private, no-store')
        .send(dashboardCsv(r, req.query.lang));
    },
  );
}
