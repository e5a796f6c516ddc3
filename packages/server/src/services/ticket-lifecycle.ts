import { namedOrgKeys, resolveRoute, unprocessable, type Actor, type CompiledWorkflow, type CreatePlan, type Deployment, type Ticket, type TicketChange } from '@linli/core';
import { holderBeforeEntering, latestDataField, loadNeighbourhood } from '@linli/db';
import type { JobRunner } from '@linli/jobs';
import type { Kysely } from 'kysely';
import { deadlineJobs } from './deadline-jobs.js';
import type { Notifier } from './notifier.js';

/**
 * What the ticket service asks of the server beyond the pure engine: the
 * effects that need the org tree or the history (`route`,
 * `assign-previous`), and the deadline jobs of each state a ticket enters —
 * all in the transaction of the step itself.
 */
export interface TicketLifecycle {
  /** The org a new ticket is assigned to when its workflow routes on create. */
  placeNew(trx: Kysely<any>, wf: CompiledWorkflow, plan: CreatePlan, org: { id: string; path: string }): Promise<{ orgId: number; orgPath: string } | null>;
  /** Fills in `route` and `assign-previous` before the change is applied. */
  resolveChange(trx: Kysely<any>, ticket: Ticket, change: TicketChange): Promise<void>;
  /** After a ticket was created (change null) or moved. */
  afterChange(trx: Kysely<any>, ticket: Ticket, change: TicketChange | null, actor: Actor): Promise<void>;
}

export function createTicketLifecycle(deployment: Deployment, jobs: JobRunner, notifier: Notifier, now: () => Date): TicketLifecycle {
  const keys = namedOrgKeys(deployment.config);
  const route = async (trx: Kysely<any>, workflow: string, data: Record<string, unknown>, orgPath: string) => {
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
    async placeNew(trx, wf, plan, org) {
      if (!plan.route) return null;
      const to = await route(trx, wf.id, plan.data, org.path);
      return { orgId: Number(to.id), orgPath: to.path };
    },

    async resolveChange(trx, ticket, change) {
      if (change.route) {
        // Route on the latest category: this step's form, else a step that corrected it (sort), else the intake.
        const field = deployment.config.routing?.categoryField ?? 'category';
        const category = change.eventData?.[field] ?? (await latestDataField(trx, Number(ticket.id), field)) ?? ticket.data[field];
        change.assigneeOrgId = (await route(trx, ticket.workflow, { ...ticket.data, [field]: category }, ticket.orgPath)).id;
      }
      if (change.assignPrevious) {
        const before = await holderBeforeEntering(trx, Number(ticket.id), ticket.state);
        // The org that held it before the dispatch, and the person who dispatched it.
        change.assigneeOrgId = before ? before.orgId : ticket.orgId;
        change.assigneePersonId = before ? (before.stepActorId ?? before.personId) : null;
      }
    },

    async afterChange(trx, ticket, change, actor) {
      await jobs.enqueue(trx, deadlineJobs(deployment, ticket, now()));
      if (change?.assignPrevious && ticket.assigneePersonId && ticket.assigneePersonId !== actor.personId) {
        await notifier.notify(trx, {
          kind: 'ticket.returned',
          ticket,
          eventSeq: ticket.version,
          personIds: [Number(ticket.assigneePersonId)],
          title: { 'zh-CN': `工单被退回：${ticket.title}`, en: `Returned to you: ${ticket.title}` },
          data: { reason: change.comment, from: change.fromState },
          now: now(),
        });
      }
    },
  };
}
