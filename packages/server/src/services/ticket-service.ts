import { canSeeTicket, isOfferedAt, LinliError, matchesOutsideView, notFound, planCreate, planTransition, unprocessable, type Actor, type Deployment, type Ticket } from '@linli/core';
import { applyChange, getOrg, getTicket, insertTicket } from '@linli/db';
import type { LinliPlugin, PluginContext, TicketService } from '@linli/sdk';
import type { Kysely } from 'kysely';
import { assertCanSeeTicket } from '../policy.js';
import { assertSomeoneCanTakeOver } from './handler-check.js';
import { enrolmentReader } from './enrolments.js';
import type { TicketLifecycle } from './ticket-lifecycle.js';

/**
 * Creating and moving tickets: the engine plans (pure), plugin hooks may veto
 * or add writes, the db layer applies with a version check. Every caller
 * passes the transaction, so a request's writes commit together or not at all.
 */
export function createTicketService(
  deployment: Deployment,
  now: () => Date,
  plugins: readonly LinliPlugin[],
  contextFor: (plugin: LinliPlugin) => PluginContext,
  /** Routing, return-to-dispatcher and deadline jobs (services/ticket-lifecycle.ts). */
  lifecycle?: TicketLifecycle,
): TicketService {
  const ctx = { forms: deployment.forms, calendar: deployment.calendar };
  const withEnrolments = enrolmentReader(plugins);
  const workflow = (id: string, path: string) => {
    const wf = deployment.workflows.get(id);
    if (!wf) throw unprocessable(`There is no workflow "${id}".`, [{ path, message: `unknown workflow "${id}"` }]);
    return wf;
  };

  return {
    async create(trx: Kysely<any>, actor: Actor, input): Promise<Ticket> {
      const wf = workflow(input.workflow, '/workflow');
      const org = await getOrg(trx, input.orgId);
      if (!org) throw unprocessable(`There is no organization ${input.orgId}.`, [{ path: '/orgId', message: 'unknown organization' }]);
      if (!isOfferedAt(wf.def, deployment.orgAttributes.get(org.key))) {
        throw unprocessable(`"${wf.def.title['zh-CN']}" is not offered at ${org.name} (${JSON.stringify(wf.def.offerWhere)}) 该组织不适用此流程`, [{ path: '/orgId', message: `not offered at ${org.name}`, expected: `an org where ${JSON.stringify(wf.def.offerWhere)}` }]);
      }
      const at = now();
      const plan = planCreate(ctx, wf, actor, org.path, input.data, at);
      const placed = lifecycle ? await lifecycle.placeNew(trx, wf, plan, org) : null;
      const ticket = await insertTicket(trx, {
        ...(placed ? { assigneeOrgId: placed.orgId, assigneeOrgPath: placed.orgPath } : {}),
        workflow: wf.id,
        state: plan.state,
        orgId: Number(org.id),
        orgPath: org.path,
        reporterId: Number(actor.personId),
        title: plan.title,
        data: plan.data,
        deadline: plan.deadline,
        now: at,
        action: 'create',
      });
      await lifecycle?.afterChange(trx, ticket, null, actor);
      for (const p of plugins) await p.hooks?.afterCreate?.({ ticket, actor, trx, ctx: contextFor(p) });
      return ticket;
    },

    async transition(trx: Kysely<any>, caller: Actor, ticketId: string, input): Promise<Ticket> {
      const ticket = await getTicket(trx, ticketId, { forUpdate: true });
      if (!ticket) throw notFound(`Ticket ${ticketId}`);
      const wf = workflow(ticket.workflow, '/workflow');
      const step = wf.transition(input.action);
      // Enrolments (declared by plugins as data) are read here, by the core, for a step whose rules name one.
      const actor = step ? await withEnrolments(trx, caller, step.allow) : caller;
      // A step open to enrolled people (or a co-building unit's host) may be taken on a ticket they cannot otherwise see — that step only, from its state.
      const outsideView = step !== undefined && wf.transitionsFrom(ticket.state).includes(step) && matchesOutsideView(step.allow, actor, ticket);
      if (!outsideView && !canSeeTicket(actor, ticket)) throw notFound(`Ticket ${ticketId}`);
      const at = now();
      const change = planTransition(ctx, wf, ticket, actor, input, at);
      await lifecycle?.resolveChange(trx, ticket, change);
      let assigneeOrgPath: string | null | undefined;
      if (change.assigneeOrgId) {
        const org = await getOrg(trx, change.assigneeOrgId);
        if (!org) throw new LinliError('LINLI_ERR_FORM_INVALID', [input.action], [{ path: '/data', message: `unknown organization ${change.assigneeOrgId}` }]);
        assigneeOrgPath = org.path;
        await assertSomeoneCanTakeOver(trx, deployment, wf, change, org);
      }
      for (const p of plugins) await p.hooks?.beforeTransition?.({ ticket, change, actor, trx, ctx: contextFor(p) });
      const updated = await applyChange(trx, ticket, change, Number(actor.personId), assigneeOrgPath, at);
      if (!updated) {
        const current = await getTicket(trx, ticketId);
        throw new LinliError('LINLI_ERR_VERSION_CONFLICT', [input.version, current?.version ?? '?']);
      }
      await lifecycle?.afterChange(trx, updated, change, actor);
      for (const p of plugins) await p.hooks?.afterTransition?.({ ticket, change, actor, trx, ctx: contextFor(p), updated });
      return updated;
    },

    async get(trx: Kysely<any>, actor: Actor, ticketId: string): Promise<Ticket> {
      return assertCanSeeTicket(actor, await getTicket(trx, ticketId), ticketId);
    },
  };
}
