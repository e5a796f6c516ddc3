import { notFound, requireActor, type PluginApp, type PluginContext } from '@linli/sdk';
import { compoundAt, directory } from '../companies.js';
import { evaluationBody, EVALUATION_FORM, type EvaluationInput } from '../forms/evaluation.js';
import { readSettings } from '../settings.js';
import { companiesIn, companyRows, creditKindTitle } from '../service/companies.js';
import { evaluate, visibleCompanies, visibleCompany } from '../service/evaluations.js';
import { complaintFigures } from '../store/complaints.js';
import { creditFile, listEvaluations } from '../store/evaluations.js';
import { json, typed, type Db } from '../store/tables.js';
import { COMPLAINT_WORKFLOW } from '../workflows/complaint.js';
import { chartItem, companyItem, companyQuery, created, creditItem, doc, errors, evaluationItem, idParams, items, orgQuery, value, writeErrors } from './schemas.js';

/** Complaint dispatch, property companies, evaluations, credit files and the red/black list. */
export function companyRoutes(app: PluginApp, ctx: PluginContext): void {
  const s = readSettings(ctx.options);
  const db = (): Db => typed(ctx.db);
  const form = ctx.deployment.forms.get(EVALUATION_FORM)!;

  app.post<{ Params: { id: string }; Body: { version: number; instructions?: string } }>(
    '/complaints/:id/dispatch',
    {
      config: { policy: 'authenticated' },
      schema: {
        ...doc("一键交办: dispatch a complaint to its compound's property company (the company comes from the plugin's options)"),
        params: idParams,
        body: { type: 'object', properties: { version: { type: 'integer', minimum: 1 }, instructions: { type: 'string', maxLength: 500 } }, required: ['version'], additionalProperties: false },
        response: { 200: { type: 'object', properties: { id: { type: 'string' }, state: { type: 'string' }, version: { type: 'integer' }, assigneeOrgId: { type: ['string', 'null'] } } }, ...writeErrors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return ctx.transaction(async (trx) => {
        const ticket = await ctx.tickets.get(trx, actor, req.params.id);
        if (ticket.workflow !== COMPLAINT_WORKFLOW) throw notFound(`Property complaint ${req.params.id}`);
        const compound = compoundAt(await directory(ctx, typed(trx)), ticket.orgPath);
        if (!compound) throw notFound(`Property complaint ${req.params.id}`);
        const data = { propertyOrgId: compound.company.id, ...(req.body.instructions ? { instructions: req.body.instructions } : {}) };
        const t = await ctx.tickets.transition(trx, actor, ticket.id, { action: 'dispatch', version: req.body.version, data });
        return { id: t.id, state: t.state, version: t.version, assigneeOrgId: t.assigneeOrgId };
      });
    },
  );

  app.get<{ Querystring: { orgId?: string; period?: string } }>(
    '/companies',
    { config: { policy: 'authenticated' }, schema: { ...doc('Property companies in my scope: complaint figures for a period (default: the current one), latest rating, red/black list'), querystring: orgQuery, response: { 200: items(companyItem), ...errors, 422: errors[400] } } },
    async (req) => ({ items: await companyRows(ctx, db(), await companiesIn(ctx, db(), requireActor(req), req.query.orgId), req.query.period) }),
  );

  app.get<{ Querystring: { orgId?: string } }>(
    '/red-black-list',
    { config: { policy: 'authenticated' }, schema: { ...doc('红黑榜: companies in my scope now on the red or black list'), querystring: orgQuery, response: { 200: items(companyItem), ...errors } } },
    async (req) => {
      const rows = await companyRows(ctx, db(), await companiesIn(ctx, db(), requireActor(req), req.query.orgId));
      return { items: rows.filter((r) => r.standing).sort((a, b) => (a.standing === b.standing ? a.name.localeCompare(b.name) : a.standing === 'red' ? -1 : 1)) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/companies/:id/credit',
    { config: { policy: 'authenticated' }, schema: { ...doc('物业服务信用档案: the credit file of a company, newest first (append-only)'), params: idParams, response: { 200: items(creditItem), ...errors } } },
    async (req) => {
      const co = await visibleCompany(ctx, db(), requireActor(req), req.params.id);
      const rows = await creditFile(db(), Number(co.id));
      return {
        items: rows.map((r) => ({
          id: String(r.id),
          kind: r.kind,
          kindTitle: creditKindTitle[r.kind] ?? r.kind,
          period: r.period,
          rating: r.rating,
          total: r.total,
          maxTotal: r.max_total,
          note: r.note,
          recordedBy: r.recorded_by,
          recordedAt: new Date(r.recorded_at).toISOString(),
        })),
      };
    },
  );

  app.get(
    '/evaluation-form',
    { config: { policy: 'authenticated' }, schema: { ...doc("The evaluation form generated from the city's criteria: JSON Schema, uiSchema, translations"), response: errors } },
    async () => form,
  );

  app.post<{ Body: EvaluationInput }>(
    '/evaluations',
    { config: { policy: 'authenticated' }, schema: { ...doc('考核评价: score a property company for a period (community party organization only)'), body: evaluationBody(s.criteria), response: { 201: created, ...writeErrors } } },
    async (req, reply) => {
      const actor = requireActor(req);
      const id = await ctx.transaction((trx) => evaluate(ctx, typed(trx), actor, req.body));
      return reply.status(201).send({ id: String(id) });
    },
  );

  app.get<{ Querystring: { companyOrgId?: string; period?: string } }>(
    '/evaluations',
    { config: { policy: 'authenticated' }, schema: { ...doc('Evaluations of the companies in my scope, newest period first'), querystring: companyQuery, response: { 200: items(evaluationItem), ...errors } } },
    async (req) => {
      const visible = await visibleCompanies(ctx, db(), requireActor(req));
      const ids = visible.filter((c) => !req.query.companyOrgId || c.id === req.query.companyOrgId).map((c) => Number(c.id));
      const titles = new Map(s.criteria.map((c) => [c.key, c.title]));
      const rows = await listEvaluations(db(), ids, req.query.period || undefined);
      return {
        items: rows.map((r) => {
          const scores = json<Record<string, number>>(r.scores);
          const f = json<{ complaints: number; overdue: number; avgResponseHours: number | null }>(r.complaint_figures);
          return {
            id: String(r.id),
            companyOrgId: String(r.company_org_id),
            companyName: r.company_name,
            period: r.period,
            scores,
            scoresText: Object.entries(scores).map(([k, v]) => `${titles.get(k) ?? k} ${v}`).join('，'),
            total: r.total,
            maxTotal: r.max_total,
            rating: r.rating,
            comment: r.comment,
            complaints: f.complaints,
            overdue: f.overdue,
            avgResponseHours: f.avgResponseHours,
            evaluator: r.evaluator,
            evaluatedAt: new Date(r.evaluated_at).toISOString(),
          };
        }),
      };
    },
  );

  app.get<{ Querystring: { orgId?: string } }>(
    '/stats/response-hours',
    { config: { policy: 'authenticated' }, schema: { ...doc('Mean hours from dispatch to response, per company (all complaints)'), querystring: orgQuery, response: { 200: items(chartItem), ...errors } } },
    async (req) => {
      const companies = await companiesIn(ctx, db(), requireActor(req), req.query.orgId);
      const f = await complaintFigures(db(), companies.map((c) => Number(c.id)), null, null, ctx.now());
      return {
        items: companies
          .filter((c) => f.get(Number(c.id))?.avgResponseHours != null)
          .map((c) => ({ company: c.name, avgResponseHours: f.get(Number(c.id))!.avgResponseHours!, complaints: f.get(Number(c.id))!.complaints })),
      };
    },
  );

  app.get<{ Querystring: { orgId?: string } }>(
    '/stats/overdue',
    { config: { policy: 'authenticated' }, schema: { ...doc('Complaints whose property company answered late or has not answered past the deadline'), querystring: orgQuery, response: { 200: value, ...errors } } },
    async (req) => {
      const companies = await companiesIn(ctx, db(), requireActor(req), req.query.orgId);
      const f = await complaintFigures(db(), companies.map((c) => Number(c.id)), null, null, ctx.now());
      return { value: [...f.values()].reduce((n, x) => n + x.overdue, 0) };
    },
  );
}
