import { localize, requireActor, seesPath, toCsv, type PluginApp, type PluginContext } from '@linli/sdk';
import { openInspectionSchema, stationSchema, type OpenInspectionInput, type StationInput } from '../forms/station.js';
import { dutySchema, positionTitle, staffMemberSchema, weekdays, type DutyInput, type StaffMemberInput } from '../forms/staffing.js';
import { inspectionForm, type InspectionInput } from '../forms/inspection.js';
import { periodTitle } from '../periods.js';
import { candidates, staffOf } from '../store/staffing.js';
import { listInspections, resultsOf, type InspectionRow } from '../store/inspections.js';
import { typed } from '../store/tables.js';
import { complianceOf, complianceTree, fullyStaffed, standingTitle, stationViews, type StationView } from '../service/compliance.js';
import { communityPathOf, localWeekday, settingsOf } from '../service/env.js';
import { openOne, recordInspection, visibleInspection } from '../service/inspections.js';
import { addStaff, removeStaff, scheduleDuty } from '../service/staffing.js';
import { createStation, visibleStation } from '../service/stations.js';
import { rectificationWorkflow } from '../workflows/rectification.js';
import { candidateItem, doc, errors, inspectionItem, inspectionsQuery, items, ok, orgQuery, params, resultItem, rollupItem, staffItem, staffParams, stationItem, value, writeErrors } from './schemas.js';
import { rollupRoot, scopeOf } from './scope.js';

const stateTitles = new Map(rectificationWorkflow.states.map((s) => [s.id, localize(s.title, 'zh-CN')]));

function stationJson(v: StationView) {
  return {
    id: String(v.id),
    name: v.name,
    orgId: String(v.org_id),
    orgName: v.org_name,
    place: v.place,
    source: v.source,
    standing: v.standing,
    standingTitle: standingTitle[v.standing],
    period: v.period,
    periodTitle: v.period ? periodTitle(v.period) : null,
    failed: v.failed,
    openItems: v.openItems,
    due: v.due,
    team: `${v.lead}+${v.deputy}+${v.member}`,
    teamComplete: fullyStaffed(v),
    teamTitle: fullyStaffed(v) ? '已配齐' : '未配齐',
    onDuty: v.onDuty.join('、'),
  };
}

function inspectionJson(r: InspectionRow) {
  return {
    id: String(r.id),
    stationId: String(r.station_id),
    stationName: r.station_name,
    orgName: r.org_name,
    period: r.period,
    periodTitle: periodTitle(r.period),
    status: r.status,
    statusTitle: r.status === 'due' ? '待检查' : '已检查',
    openedAt: r.opened_at.toISOString(),
    inspectedAt: r.inspected_at?.toISOString() ?? null,
    inspectorName: r.inspector_name,
    note: r.note,
    failed: r.failed,
    openItems: r.open_items,
    resultTitle: r.status === 'due' ? '—' : r.failed === 0 ? '全部合格' : r.open_items > 0 ? `${r.failed}项不合格，${r.open_items}项整改中` : `${r.failed}项不合格，已整改`,
  };
}

/**
 * Every route declares its policy and JSON Schemas. `authenticated` lets any
 * logged-in person in; what they see is their scope (visiblePaths), what they
 * may do is decided in the service by permissions.ts.
 */
export function routes(app: PluginApp, ctx: PluginContext): void {
  const settings = settingsOf(ctx);
  const inspectionBody = inspectionForm(settings.checklist).schema;

  app.get<{ Querystring: { orgId?: string } }>(
    '/stations',
    { config: { policy: 'authenticated' }, schema: { ...doc('Stations in my scope with their standing, team and duty today'), querystring: orgQuery, response: { 200: items(stationItem), ...errors } } },
    async (req) => {
      const scope = await scopeOf(ctx.db, requireActor(req), req.query.orgId);
      if (!scope) return { items: [] };
      return { items: (await stationViews(ctx.db, scope.scopes, scope.within, localWeekday(ctx))).map(stationJson) };
    },
  );

  app.post<{ Body: StationInput }>(
    '/stations',
    { config: { policy: 'authenticated' }, schema: { ...doc('Add a station at a compound or community (the community staff)'), body: stationSchema, response: { 201: stationItem, ...writeErrors } } },
    async (req, reply) => {
      const actor = requireActor(req);
      const station = await ctx.transaction((trx) => createStation(ctx, trx, actor, req.body));
      const [view] = await stationViews(ctx.db, [station.org_path], station.org_path, localWeekday(ctx));
      return reply.status(201).send(stationJson(view!));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/stations/:id/staff',
    { config: { policy: 'authenticated' }, schema: { ...doc("A station's 1 + 3 + N team and duty rota"), params, response: { 200: items(staffItem), ...errors } } },
    async (req) => {
      const actor = requireActor(req);
      const station = await visibleStation(ctx.db, req.params.id, (p) => seesPath(actor, p));
      const team = await staffOf(typed(ctx.db), station.id);
      return {
        items: team.map((t) => ({ stationId: String(station.id), personId: String(t.person_id), name: t.name, position: t.position, positionTitle: positionTitle[t.position], duty: t.duty, weekdays: t.weekdays.map((w) => weekdays[w - 1]).join('、') })),
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/stations/:id/candidates',
    { config: { policy: 'authenticated' }, schema: { ...doc('People of the station’s community who may join its team, by name'), params, response: { 200: items(candidateItem), ...errors } } },
    async (req) => {
      const actor = requireActor(req);
      const station = await visibleStation(ctx.db, req.params.id, (p) => seesPath(actor, p));
      const roleTitle = (r: string) => localize(ctx.deployment.roles.get(r)?.title, 'zh-CN') || r;
      const people = await candidates(typed(ctx.db), communityPathOf(station.org_path, station.org_type));
      return { items: people.map((p) => ({ id: String(p.id), name: p.name, roles: p.roles.map(roleTitle).join('、') })) };
    },
  );

  app.post<{ Params: { id: string }; Body: StaffMemberInput }>(
    '/stations/:id/staff',
    { config: { policy: 'authenticated' }, schema: { ...doc('Add a person to the station’s team as lead, deputy or member'), params, body: staffMemberSchema, response: { 201: ok, ...writeErrors } } },
    async (req, reply) => {
      const actor = requireActor(req);
      await ctx.transaction(async (trx) => addStaff(ctx, trx, actor, await visibleStation(trx, req.params.id, (p) => seesPath(actor, p)), req.body));
      return reply.status(201).send({ ok: true });
    },
  );

  app.post<{ Params: { id: string; personId: string } }>(
    '/stations/:id/staff/:personId/removal',
    { config: { policy: 'authenticated' }, schema: { ...doc('Take a person off the station’s team (and its duty rota)'), params: staffParams, response: { 200: ok, ...writeErrors } } },
    async (req) => {
      const actor = requireActor(req);
      await ctx.transaction(async (trx) => removeStaff(trx, actor, await visibleStation(trx, req.params.id, (p) => seesPath(actor, p)), req.params.personId));
      return { ok: true };
    },
  );

  app.post<{ Params: { id: string }; Body: DutyInput }>(
    '/stations/:id/duty',
    { config: { policy: 'authenticated' }, schema: { ...doc('Set the weekdays a team member is on duty'), params, body: dutySchema, response: { 200: ok, ...writeErrors } } },
    async (req) => {
      const actor = requireActor(req);
      await ctx.transaction(async (trx) => scheduleDuty(trx, actor, await visibleStation(trx, req.params.id, (p) => seesPath(actor, p)), req.body));
      return { ok: true };
    },
  );

  app.get<{ Querystring: { orgId?: string; stationId?: string; status?: 'due' | 'done' | ''; limit: number } }>(
    '/inspections',
    { config: { policy: 'authenticated' }, schema: { ...doc('Inspections in my scope, due ones first'), querystring: inspectionsQuery, response: { 200: items(inspectionItem), ...errors } } },
    async (req) => {
      const scope = await scopeOf(ctx.db, requireActor(req), req.query.orgId);
      if (!scope) return { items: [] };
      const rows = await listInspections(typed(ctx.db), scope.scopes, { within: scope.within, status: req.query.status || undefined, stationId: req.query.stationId ? Number(req.query.stationId) : undefined, limit: req.query.limit });
      return { items: rows.map(inspectionJson) };
    },
  );

  app.post<{ Body: OpenInspectionInput }>(
    '/inspections',
    { config: { policy: 'authenticated' }, schema: { ...doc("Open this period's inspection of a station by hand (inspectors)"), body: openInspectionSchema, response: { 201: inspectionItem, ...writeErrors } } },
    async (req, reply) => {
      const actor = requireActor(req);
      return reply.status(201).send(inspectionJson(await ctx.transaction((trx) => openOne(ctx, trx, actor, req.body.stationId))));
    },
  );

  app.post<{ Params: { id: string }; Body: InspectionInput }>(
    '/inspections/:id',
    { config: { policy: 'authenticated' }, schema: { ...doc('Record an inspection: a verdict and photo per checklist item; each failed item opens a rectification ticket'), params, body: inspectionBody, response: { 200: inspectionItem, ...writeErrors } } },
    async (req) => {
      const actor = requireActor(req);
      return inspectionJson(await ctx.transaction((trx) => recordInspection(ctx, trx, actor, req.params.id, req.body)));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/inspections/:id/items',
    { config: { policy: 'authenticated' }, schema: { ...doc("An inspection's items: verdict, reason, photos and the rectification ticket"), params, response: { 200: items(resultItem), ...errors } } },
    async (req) => {
      const inspection = await visibleInspection(ctx.db, requireActor(req), req.params.id);
      const results = new Map((await resultsOf(typed(ctx.db), inspection.id)).map((r) => [r.item_key, r]));
      // Due: the checklist as it will be inspected; done: what was recorded, in the checklist's order (then any item since removed).
      const keys = [...settings.checklist.map((c) => c.key), ...[...results.keys()].filter((k) => !settings.checklist.some((c) => c.key === k))];
      return {
        items: keys.flatMap((key) => {
          const r = results.get(key);
          const item = settings.checklist.find((c) => c.key === key);
          if (!r && inspection.status === 'done') return [];
          const photos = r ? (JSON.parse(r.photos) as string[]) : [];
          return [{
            itemKey: key,
            itemTitle: r?.item_title ?? item?.title ?? key,
            resultTitle: !r ? '待检查' : r.passed ? '合格' : '不合格',
            reason: r?.reason ?? null,
            photos,
            photoCount: photos.length,
            ticketId: r?.ticket_id ? String(r.ticket_id) : null,
            ticketStateTitle: r?.ticket_state ? (stateTitles.get(r.ticket_state) ?? r.ticket_state) : null,
          }];
        }),
      };
    },
  );

  app.get<{ Querystring: { orgId?: string } }>(
    '/compliance',
    { config: { policy: 'authenticated' }, schema: { ...doc('Compliance rolled up the org tree: the org and each org one level down'), querystring: orgQuery, response: { 200: items(rollupItem), ...errors } } },
    async (req) => {
      const actor = requireActor(req);
      const root = await rollupRoot(ctx.db, actor, req.query.orgId);
      if (!root) return { items: [] };
      return { items: await complianceOf(ctx.db, ctx.deployment, (await scopeOf(ctx.db, actor))!.scopes, root, localWeekday(ctx)) };
    },
  );

  app.get<{ Querystring: { orgId?: string } }>(
    '/compliance.csv',
    { config: { policy: 'authenticated' }, schema: { ...doc('The compliance roll-up and every station, as CSV for a spreadsheet'), querystring: orgQuery, response: { 200: { type: 'string' }, ...errors } } },
    async (req, reply) => {
      const actor = requireActor(req);
      const root = await rollupRoot(ctx.db, actor, req.query.orgId);
      const tree = root ? await complianceTree(ctx.db, ctx.deployment, (await scopeOf(ctx.db, actor))!.scopes, root, localWeekday(ctx)) : { rows: [], stations: [] };
      const base = root?.depth ?? 0;
      const csv = toCsv([
        ['层级', '组织', '站点数', '达标', '整改中', '未检查', '未销号整改项', '1+3+N配齐', '达标率(%)'],
        ...tree.rows.map((r) => [r.orgTypeTitle, `${'　'.repeat(Math.max(0, r.depth - base))}${r.orgName}`, r.stations, r.compliant, r.rectifying, r.uninspected, r.openItems, r.staffed, r.rate ?? '']),
        [],
        ['服务站', '所在', '状态', '最近检查', '未销号整改项', '1+3+N', '今日值班'],
        ...tree.stations.map((s) => [s.name, s.org_name, standingTitle[s.standing], s.period ? periodTitle(s.period) : '', s.openItems, `${s.lead}+${s.deputy}+${s.member}`, s.onDuty.join('、')]),
      ]);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="service-stations-compliance.csv"`)
        .send(csv);
    },
  );

  app.get<{ Querystring: { orgId?: string } }>(
    '/stats/compliance',
    { config: { policy: 'authenticated' }, schema: { ...doc('Compliant stations in my scope, in percent'), querystring: orgQuery, response: { 200: value, ...errors } } },
    async (req) => {
      const scope = await scopeOf(ctx.db, requireActor(req), req.query.orgId);
      const views = scope ? await stationViews(ctx.db, scope.scopes, scope.within, localWeekday(ctx)) : [];
      return { value: views.length ? Math.round((views.filter((v) => v.standing === 'compliant').length / views.length) * 1000) / 10 : 0 };
    },
  );
}
