import { localize, requireActor, type PluginApp, type PluginContext } from '@linli/sdk';
import { fail } from '../errors.js';
import { visitSchema, type VisitInput } from '../forms/visit.js';
import { roundById, type Round } from '../rounds.js';
import { buildingLeaders, listVisits, needCounts, roundProgress, visitCount } from '../store/visits.js';
import { typed } from '../store/tables.js';
import { currentRound, recordVisit, scopeOf, settingsOf, visitJson } from '../visits.js';
import { doc, errors, items, needItem, orgQuery, progressItem, roundQuery, value, visitItem, visitsQuery, writeErrors } from './schemas.js';

/** The fastify instance the server mounts these routes on, under /api/plugins/door-knocking. */

/** The round a request names (`?round=2026-11-r1`), or the current one. */
function roundFor(ctx: PluginContext, id: string | undefined): Round {
  if (!id) return currentRound(ctx);
  const s = settingsOf(ctx);
  const r = roundById(id, s.offsetHours, s.roundsPerMonth);
  if (!r) throw fail('DK_ERR_UNKNOWN_ROUND', [id, s.roundsPerMonth, `${currentRound(ctx).id}`], [{ path: '/round', message: 'no such round' }]);
  return r;
}

/**
 * Every route declares its policy and JSON Schemas. `authenticated` lets any
 * logged-in person in; what they may see or do is then decided by scope
 * (permissions.ts), never by trusting the body.
 */
export function routes(app: PluginApp, ctx: PluginContext): void {
  app.post<{ Body: VisitInput }>(
    '/visits',
    { config: { policy: 'authenticated' }, schema: { ...doc('Record a door-knocking visit; a problem found files a ticket'), body: visitSchema, response: { 201: visitItem, ...writeErrors } } },
    async (req, reply) => {
      const actor = requireActor(req);
      const visit = await ctx.transaction((trx) => recordVisit(ctx, trx, actor, req.body));
      return reply.status(201).send(visitJson(visit));
    },
  );

  app.get<{ Querystring: { orgId?: string; round?: string; limit: number } }>(
    '/visits',
    { config: { policy: 'authenticated' }, schema: { ...doc('Visits in my scope (and my own), newest first'), querystring: visitsQuery, response: { 200: items(visitItem), ...errors, 422: { $ref: 'LinliError#' } } } },
    async (req) => {
      const scope = await scopeOf(ctx.db, requireActor(req), req.query.orgId);
      if (!scope) return { items: [] };
      const round = req.query.round ? roundFor(ctx, req.query.round).id : undefined;
      return { items: (await listVisits(typed(ctx.db), scope, { round, limit: req.query.limit })).map(visitJson) };
    },
  );

  app.get<{ Querystring: { orgId?: string; round?: string } }>(
    '/progress',
    { config: { policy: 'authenticated' }, schema: { ...doc("Each building's progress in a round (default: the current one)"), querystring: roundQuery, response: { 200: items(progressItem), ...errors, 422: { $ref: 'LinliError#' } } } },
    async (req) => {
      const scope = await scopeOf(ctx.db, requireActor(req), req.query.orgId);
      const round = roundFor(ctx, req.query.round);
      if (!scope) return { items: [] };
      const rows = await roundProgress(typed(ctx.db), scope.scopes, scope.within, round.id);
      const leaders = await buildingLeaders(typed(ctx.db), rows.map((r) => r.building_org_id));
      return {
        items: rows.map((r) => ({
          buildingOrgId: String(r.building_org_id),
          buildingName: r.building_name,
          leaders: (leaders.get(r.building_org_id) ?? []).join('、'),
          round: round.id,
          roundTitle: localize(round.title, 'zh-CN'),
          visits: r.visits,
          households: r.households,
          atHome: r.at_home,
          needs: r.needs,
          problems: r.problems,
          openProblems: r.open_problems,
          lastVisitAt: r.last_visit_at ? new Date(r.last_visit_at).toISOString() : null,
        })),
      };
    },
  );

  app.get<{ Querystring: { orgId?: string } }>(
    '/stats/visits',
    { config: { policy: 'authenticated' }, schema: { ...doc('How many doors were knocked on this round, in my scope'), querystring: orgQuery, response: { 200: value, ...errors } } },
    async (req) => {
      const scope = await scopeOf(ctx.db, requireActor(req), req.query.orgId);
      const round = currentRound(ctx);
      return { value: scope ? await visitCount(typed(ctx.db), scope, round.id) : 0, round: round.id };
    },
  );

  app.get<{ Querystring: { orgId?: string } }>(
    '/stats/needs',
    { config: { policy: 'authenticated' }, schema: { ...doc('Needs recorded this round, by category'), querystring: orgQuery, response: { 200: items(needItem), ...errors } } },
    async (req) => {
      const scope = await scopeOf(ctx.db, requireActor(req), req.query.orgId);
      return { items: scope ? await needCounts(typed(ctx.db), scope, currentRound(ctx).id) : [] };
    },
  );
}
