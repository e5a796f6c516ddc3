import { namedOrgKeys, resolveRoute, unprocessable, type Deployment, type PlanResolution, type Ticket, type TicketChange, type TicketChangePatch } from '@linli/core';
import { holderBeforeEntering, latestDataField, loadNeighbourhood } from '@linli/db';
import type { Kysely } from 'kysely';

/** Completes one effect of a plan that needs the database, as a patch: it never changes the plan. */
export type PlanResolver = (trx: Kysely<any>, ticket: Ticket, change: TicketChange) => Promise<TicketChangePatch>;

export interface PlanResolvers {
  /** One resolver per effect the engine may name (`TicketChange.resolve`), registered once. */
  transition: Readonly<Record<PlanResolution, PlanResolver>>;
  /** The org a new ticket goes to when its workflow routes on create. */
  routeNew(trx: Kysely<any>, workflow: string, data: Record<string, unknown>, orgPath: string): Promise<{ id: string; path: string }>;
}

/** The effects the engine cannot work out without the org tree or the history. */
export function createPlanResolvers(deployment: Deployment): PlanResolvers {
  const keys = namedOrgKeys(deployment.config);
  const routeNew: PlanResolvers['routeNew'] = async (trx, workflow, data, orgPath) => {
    const here = await loadNeighbourhood(trx, { orgPath }, keys);
    const decision = resolveRoute(deployment.config.routing, { workflow, data }, here, deployment.orgAttributes);
    if (!decision) {
      throw unprocessable('No dispatch rule matches this ticket and the fallback chain found no organization: add a rule under "routing" in the city config.', [
        { path: '/data', message: 'no organization to route to' },
      ]);
    }
    return decision.org;
  };

  return {
    routeNew,
    transition: {
      async route(trx, ticket, change) {
        // Route on the latest category: this step's form, else a step that corrected it (sort), else the intake.
        const field = deployment.config.routing?.categoryField ?? 'category';
        const category = change.eventData?.[field] ?? (await latestDataField(trx, Number(ticket.id), field)) ?? ticket.data[field];
        return { assigneeOrgId: (await routeNew(trx, ticket.workflow, { ...ticket.data, [field]: category }, ticket.orgPath)).id };
      },
      async 'assign-previous'(trx, ticket) {
        const before = await holderBeforeEntering(trx, Number(ticket.id), ticket.state);
        // The org that held it before the dispatch, and the person who dispatched it.
        return { assigneeOrgId: before ? before.orgId : ticket.orgId, assigneePersonId: before ? (before.stepActorId ?? before.personId) : null };
      },
    },
  };
}
