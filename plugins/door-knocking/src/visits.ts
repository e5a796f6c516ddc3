import { findOrg, personIdOf, localize, notFound, type Actor, type Kysely, type PluginContext } from '@linli/sdk';
import { fail } from './errors.js';
import type { ProblemData } from './forms/problem.js';
import type { VisitInput } from './forms/visit.js';
import { canVisit, visibleScopes } from './permissions.js';
import { roundOf, type Round } from './rounds.js';
import { readSettings, type Settings } from './settings.js';
import { insertVisit, listVisits, type Scope, type VisitRow } from './store/visits.js';
import { typed } from './store/tables.js';
import { PROBLEM_WORKFLOW, problemWorkflow } from './workflows/problem.js';

/** What the routes and the seed share: the plugin's settings, the city's UTC offset, the round now. */
export function settingsOf(ctx: PluginContext): Settings & { offsetHours: number } {
  return { ...readSettings(ctx.options), offsetHours: ctx.deployment.calendar.utcOffsetHours };
}

export function currentRound(ctx: PluginContext): Round {
  const s = settingsOf(ctx);
  return roundOf(ctx.now(), s.offsetHours, s.roundsPerMonth);
}

/** The visits an actor may see, narrowed to an org's subtree when the page or dashboard names one. */
export async function scopeOf(db: Kysely<any>, actor: Actor, orgId?: string): Promise<Scope | null> {
  const scope: Scope = { scopes: visibleScopes(actor), personId: personIdOf(actor) };
  if (orgId === undefined || orgId === '') return scope;
  const org = await findOrg(db, orgId);
  // An unknown org narrows to nothing, as the core's ticket list does.
  return org ? { ...scope, within: org.path } : null;
}

/** "2单元 301" and "2单元301" are the same door: the return-visit check compares households. */
export const normalizeHousehold = (s: string) => s.trim().replace(/\s+/g, '');

/**
 * Records one door knocked on, in the caller's transaction: the visit, its
 * needs, and — when a problem was found — a ticket filed through the core's
 * ticket service (the same checks and hooks as `POST /api/tickets`). If
 * anything fails, nothing is saved.
 */
export async function recordVisit(ctx: PluginContext, trx: Kysely<any>, actor: Actor, input: VisitInput): Promise<VisitRow> {
  const db = typed(trx);
  const settings = settingsOf(ctx);
  const building = await findOrg(db, input.buildingOrgId);
  if (!building) throw notFound(`Organization ${input.buildingOrgId}`);
  if (building.type !== 'building') {
    throw fail('DK_ERR_NOT_BUILDING', [building.name, building.name, building.type], [{ path: '/buildingOrgId', message: 'not a building (楼栋)' }]);
  }
  if (!canVisit(actor, building.path, settings)) {
    throw fail('DK_ERR_NOT_VISITOR', [settings.visitorRoles.join(', '), building.name]);
  }
  const household = normalizeHousehold(input.household);
  const now = ctx.now();
  let ticket: { id: string; title: string; state: string } | null = null;
  if (input.problemTitle) {
    const data: ProblemData = {
      title: input.problemTitle,
      household,
      description: input.problemDescription ?? '',
      ...(input.photos?.length ? { photos: input.photos } : {}),
    };
    ticket = await ctx.tickets.create(trx, actor, { workflow: PROBLEM_WORKFLOW, orgId: String(building.id), data });
  }
  const id = await insertVisit(
    db,
    {
      building_org_id: building.id,
      building_path: building.path,
      household,
      round: roundOf(now, settings.offsetHours, settings.roundsPerMonth).id,
      visited_at: now,
      visitor_id: personIdOf(actor),
      at_home: input.atHome,
      note: input.note ?? null,
      ticket_id: ticket ? Number(ticket.id) : null,
      problem_title: ticket?.title ?? null,
      problem_state: ticket?.state ?? null,
    },
    input.needs ?? [],
  );
  const [row] = await listVisits(db, { scopes: [], personId: personIdOf(actor) }, { id, limit: 1 });
  return row!;
}

const stateTitles = new Map(problemWorkflow.states.map((s) => [s.id, s.title]));

/** A visit as the API and the web app's table show it. */
export function visitJson(r: VisitRow) {
  return {
    id: String(r.id),
    buildingOrgId: String(r.building_org_id),
    buildingName: r.building_name,
    household: r.household,
    round: r.round,
    visitedAt: r.visited_at.toISOString(),
    visitorId: String(r.visitor_id),
    visitorName: r.visitor_name,
    atHome: r.at_home,
    atHomeTitle: r.at_home ? '在家' : '不在家',
    needs: r.needs,
    needsText: r.needs.join('、'),
    note: r.note,
    ticketId: r.ticket_id === null ? null : String(r.ticket_id),
    problemTitle: r.problem_title,
    problemState: r.problem_state,
    problemStateTitle: r.problem_state ? localize(stateTitles.get(r.problem_state), 'zh-CN') : null,
  };
}
