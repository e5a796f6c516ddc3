import { notFound, type Locale } from '@linli/core';
import { dashboardRows, getOrg, satisfactionRows } from '@linli/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireActor } from '../policy.js';
import { buildDashboardReport, dashboardCsv } from '../services/dashboard-report.js';
import { ratedEndings, satisfactionFigures } from '../services/satisfaction-report.js';
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

const satisfactionQuery = {
  type: 'object',
  properties: {
    orgId: { type: 'string', maxLength: 20, description: 'Group by the orgs directly below this one; default: the root of the city' },
    months: { type: 'integer', minimum: 1, maximum: 36, default: 12, description: 'How many months back, counting the current one' },
  },
  additionalProperties: false,
} as const;

const satisfactionFiguresSchema = {
  closed: { type: 'integer' },
  rated: { type: 'integer', description: "Closed with the resident's rating" },
  satisfied: { type: 'integer', description: 'Rated 4 or 5' },
  unrated: { type: 'integer', description: "Closed by staff without the resident's rating (where a rating step would have closed it)" },
  reopened: { type: 'integer', description: 'Reopened at least once before closing' },
  avgRating: { type: ['number', 'null'] },
  satisfactionPct: { type: ['number', 'null'], description: 'satisfied / rated, %' },
  reopenPct: { type: ['number', 'null'], description: 'reopened / closed, %' },
} as const;

const satisfactionResponse = {
  type: 'object',
  properties: {
    orgId: { type: 'string' },
    since: { type: 'string', format: 'date-time' },
    totals: { type: 'object', properties: satisfactionFiguresSchema },
    rows: {
      type: 'array',
      items: { type: 'object', properties: { orgId: { type: 'string' }, orgName: { type: 'string' }, month: { type: 'string' }, ...satisfactionFiguresSchema } },
    },
  },
  required: ['orgId', 'since', 'totals', 'rows'],
} as const;

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

  app.get<{ Querystring: { orgId?: string; months: number } }>(
    '/api/dashboard/satisfaction',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['dashboard'],
        summary: "Residents' ratings and reopenings of closed tickets, by month and by the orgs below one (成效群众判)",
        querystring: satisfactionQuery,
        response: { 200: satisfactionResponse, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const org = req.query.orgId !== undefined ? await getOrg(linli.db, req.query.orgId) : await rootOrg(linli);
      if (!org) throw notFound(`Organization ${req.query.orgId ?? 'root'}`);
      const now = linli.now();
      const offset = linli.deployment.calendar.utcOffsetHours;
      // The first day of the month `months - 1` before this one, at local midnight.
      const local = new Date(now.getTime() + offset * 3_600_000);
      const since = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - (req.query.months - 1), 1) - offset * 3_600_000);
      const rows = await satisfactionRows(linli.db, actor, { orgPath: org.path, since, utcOffsetHours: offset, ratedEndings: ratedEndings(linli.deployment) });
      return {
        orgId: org.id,
        since: since.toISOString(),
        totals: satisfactionFigures(rows),
        rows: rows.map((r) => ({ orgId: r.orgId, orgName: r.orgName, month: r.month, ...satisfactionFigures([r]) })),
      };
    },
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

/** The root org (depth 0): the default subtree of a report. */
async function rootOrg(linli: FastifyInstance['linli']) {
  const row = await linli.db.selectFrom('linli_orgs').select('id').where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
  return row ? getOrg(linli.db, String(row.id)) : null;
}
