import { orgIdsWithRole, parseId, personIdOf, requireActor, toCsv, visiblePaths, type Actor, type PluginApp, type PluginContext } from '@linli/sdk';
import { agreementForm, referralForm, visitForm } from '../forms/steps.js';
import { sessionForm, teamForm } from '../forms/team.js';
import { maySee } from '../permissions.js';
import { readSettings } from '../settings.js';
import { indicators, type GroupBy } from '../service/indicators.js';
import { caseFor, formTeam, mediators, recordSession, stateTitle, takeStep, type SessionInput, type TeamInput } from '../service/team.js';
import { listCases, orgById, sessionsOf, teamOf, teamsOf } from '../store/cases.js';
import { typed, type Db } from '../store/tables.js';
import { intakeRoles } from '../workflows/case.js';
import { caseItem, created, doc, errors, idParams, indicatorItem, indicatorQuery, items, mediatorItem, orgQuery, sessionItem, value, writeErrors } from './schemas.js';

const yuan = (fen: number | null) => (fen === null ? '—' : `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
const outcomeTitles: Record<string, string> = { agreement: '达成协议', referral: '移交处理' };

/** The org a dashboard or page narrows to, as a path; `null` for an unknown org (narrows to nothing). */
async function within(db: Db, orgId?: string): Promise<string | undefined | null> {
  if (!orgId) return undefined;
  const id = parseId(orgId);
  const org = id === null ? undefined : await orgById(db, id);
  return org ? org.path : null;
}

async function casesFor(ctx: PluginContext, actor: Actor, orgId?: string) {
  const db = typed(ctx.db);
  const w = await within(db, orgId);
  if (w === null) return [];
  const rows = await listCases(db, visiblePaths(actor), Number(personIdOf(actor)), w);
  const teams = await teamsOf(db, rows.map((r) => r.ticket_id));
  const me = Number(personIdOf(actor));
  return rows.map((r) => {
    const team = teams.get(r.ticket_id) ?? [];
    return {
      id: String(r.ticket_id),
      ticketId: String(r.ticket_id),
      title: r.title,
      compoundName: r.compound_name,
      companyName: r.company_name,
      disputeType: r.dispute_type,
      amountFen: r.amount_fen,
      amountText: yuan(r.amount_fen),
      parties: `${r.applicant_kind} / ${r.respondent_kind}`,
      state: r.state,
      stateTitle: stateTitle(r.state),
      filedAt: new Date(r.filed_at).toISOString(),
      deadline: r.deadline ? new Date(r.deadline).toISOString() : null,
      team: team.map((t) => `${t.name}（${t.pool_title}${t.lead ? '·主调' : ''}）`).join('、'),
      sessions: Number(r.sessions ?? 0),
      outcomeTitle: r.outcome ? outcomeTitles[r.outcome]! : null,
      referralTo: r.referral_org_name,
      onTeam: team.some((t) => t.person_id === me),
    };
  });
}

/**
 * Every route declares its policy and schemas; what a person may see or do
 * is decided by scope and team (permissions.ts), never by the body.
 */
export function routes(app: PluginApp, ctx: PluginContext): void {
  app.get<{ Querystring: { orgId?: string } }>(
    '/cases',
    { config: { policy: 'authenticated' }, schema: { ...doc('Mediation cases in my scope and those on whose team I am, newest first'), querystring: orgQuery, response: { 200: items(caseItem), ...errors } } },
    async (req) => ({ items: await casesFor(ctx, requireActor(req), req.query.orgId) }),
  );

  app.get(
    '/mediators',
    { config: { policy: 'authenticated' }, schema: { ...doc("The city's mediator pools (8+X), for the desk forming a team"), response: { 200: items(mediatorItem), ...errors } } },
    async (req) => {
      const actor = requireActor(req);
      if (orgIdsWithRole(actor, intakeRoles).length === 0) return { items: [] };
      const all = await mediators(ctx, typed(ctx.db));
      return { items: all.map((m) => ({ personId: String(m.personId), name: m.name, poolKey: m.pool.key, poolTitle: m.pool.title, kind: m.pool.kind, lead: false })) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/cases/:id/team',
    { config: { policy: 'authenticated' }, schema: { ...doc("A case's mediation team"), params: idParams, response: { 200: items(mediatorItem), ...errors } } },
    async (req) => {
      const db = typed(ctx.db);
      const c = await caseFor(db, req.params.id);
      const team = await teamOf(db, c.ticket_id);
      if (!maySee(requireActor(req), c.compound_path, team.map((t) => t.person_id))) return { items: [] };
      return { items: team.map((t) => ({ personId: String(t.person_id), name: t.name, poolKey: t.pool_key, poolTitle: t.pool_title, kind: t.pool_key, lead: t.lead })) };
    },
  );

  app.post<{ Params: { id: string }; Body: TeamInput }>(
    '/cases/:id/team',
    { config: { policy: 'authenticated' }, schema: { ...doc('组建调解团队: draw the team from the pools; the case moves to 调解中'), params: idParams, body: teamForm(readSettings(ctx.options).teamSize).schema, response: { 201: created, ...writeErrors } } },
    async (req, reply) => {
      const c = await ctx.transaction((trx) => formTeam(ctx, trx, requireActor(req), req.params.id, req.body));
      return reply.status(201).send({ id: String(c.ticket_id), state: c.state });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/cases/:id/sessions',
    { config: { policy: 'authenticated' }, schema: { ...doc("A case's mediation sessions: attendance and record"), params: idParams, response: { 200: items(sessionItem), ...errors } } },
    async (req) => {
      const db = typed(ctx.db);
      const c = await caseFor(db, req.params.id);
      const team = await teamOf(db, c.ticket_id);
      if (!maySee(requireActor(req), c.compound_path, team.map((t) => t.person_id))) return { items: [] };
      return {
        items: (await sessionsOf(db, c.ticket_id)).map((s) => ({
          id: String(s.id),
          heldOn: s.held_on,
          place: s.place,
          partiesPresent: s.parties_present,
          mediatorsPresent: s.mediators_present,
          absent: s.absent_name,
          record: s.record,
          recordedBy: s.recorded_by_name,
        })),
      };
    },
  );

  app.post<{ Params: { id: string }; Body: SessionInput }>(
    '/cases/:id/sessions',
    { config: { policy: 'authenticated' }, schema: { ...doc('登记调解: one session with its attendance and record'), params: idParams, body: sessionForm.schema, response: { 201: created, ...writeErrors } } },
    async (req, reply) => {
      const id = await ctx.transaction((trx) => recordSession(ctx, trx, requireActor(req), req.params.id, req.body));
      return reply.status(201).send({ id: String(id) });
    },
  );

  for (const [path, action, form, summary] of [
    ['agreement', 'agree', agreementForm, '达成协议: the signed agreement with its photo'],
    ['referral', 'refer', referralForm, '移交: to the street, a court or a department, through the ticket loop'],
    ['visit', 'visit', visitForm, '回访结案: the follow-up visit closes the case'],
  ] as const) {
    app.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
      `/cases/:id/${path}`,
      { config: { policy: 'authenticated' }, schema: { ...doc(summary), params: idParams, body: form.schema, response: { 201: created, ...writeErrors } } },
      async (req, reply) => {
        const c = await ctx.transaction((trx) => takeStep(ctx, trx, requireActor(req), req.params.id, action, req.body));
        return reply.status(201).send({ id: String(c.ticket_id), state: c.state });
      },
    );
  }

  app.get<{ Querystring: { orgId?: string; by: GroupBy } }>(
    '/indicators',
    { config: { policy: 'authenticated' }, schema: { ...doc('成效指标 per compound or property company: cases, success rate, days to close, recurrence'), querystring: indicatorQuery, response: { 200: items(indicatorItem), ...errors } } },
    async (req) => {
      const db = typed(ctx.db);
      const w = await within(db, req.query.orgId);
      if (w === null) return { items: [] };
      const rows = await indicators(db, visiblePaths(requireActor(req)), req.query.by, w);
      return { items: rows.map((r) => ({ ...r, amountText: yuan(r.amountFen) })) };
    },
  );

  app.get<{ Querystring: { orgId?: string; by: GroupBy } }>(
    '/indicators.csv',
    { config: { policy: 'authenticated' }, schema: { ...doc('The indicators as a spreadsheet (CSV, UTF-8 with BOM)'), querystring: indicatorQuery } },
    async (req, reply) => {
      const db = typed(ctx.db);
      const w = await within(db, req.query.orgId);
      const rows = w === null ? [] : await indicators(db, visiblePaths(requireActor(req)), req.query.by, w);
      const head = [req.query.by === 'company' ? '物业服务企业' : '小区', '受理案件', '在办', '达成协议', '移交处理', '调解成功率(%)', '已结案', '平均办结天数', '重复纠纷', '争议金额(元)'];
      const csv = toCsv([head, ...rows.map((r) => [r.name, r.cases, r.open, r.agreements, r.referrals, r.successRate, r.closed, r.avgDaysToClose, r.recurrences, (r.amountFen / 100).toFixed(2)])]);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="dispute-mediation-${req.query.by}.csv"`)
        .send(csv);
    },
  );

  app.get<{ Querystring: { orgId?: string } }>(
    '/stats/open',
    { config: { policy: 'authenticated' }, schema: { ...doc('Cases in mediation or awaiting their follow-up, in my scope'), querystring: orgQuery, response: { 200: value, ...errors } } },
    async (req) => ({ value: (await casesFor(ctx, requireActor(req), req.query.orgId)).filter((c) => !['closed', 'withdrawn'].includes(c.state)).length }),
  );
}
