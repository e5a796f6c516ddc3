import { canSeeTicket, isOfferedAt, readsInternalNotes, LinliError, matchesOutsideView, notFound, planCreate, planTransition, unprocessable, withPatch, type CompiledWorkflow, type Deployment, type PlanEffect, type Ticket, type TicketChange } from '@linli/core';
import { applyChange, getOrg, getTicket, insertTicket } from '@linli/db';
import type { LinliPlugin, TicketService } from '@linli/sdk';
import type { Kysely } from 'kysely';
import { assertCanSeeTicket } from '../access.js';
import { vouchedFor, type MintedActor } from '../actor-mint.js';
import { enrolmentReader } from './enrolments.js';
import { gridPlacer } from './grid-by-point.js';
import { assertSomeoneCanTakeOver } from './handler-check.js';
import type { EffectEvent, PlanEffectHandler, PlanEffectJobs } from './plan-effects.js';
import type { PlanResolvers } from './plan-resolvers.js';
import type { BoundHooks } from './workflow-hooks.js';

export interface TicketServiceDeps {
  deployment: Deployment;
  now: () => Date;
  /** The enabled plugins: their declared enrolments are read for steps whose rules name one. */
  plugins: readonly LinliPlugin[];
  /** The effects that need the database, one resolver each (plan-resolvers.ts). */
  resolvers: PlanResolvers;
  /** What follows a write, one handler each (plan-effects.ts). */
  effects: Readonly<Record<PlanEffect, PlanEffectHandler>>;
  /** The effects that only schedule jobs: a step sends their rows with its write, in one statement (plan-effects.ts). */
  effectJobs?: Readonly<Partial<Record<PlanEffect, PlanEffectJobs>>>;
  /** The plugins' hooks of a workflow (workflow-hooks.ts). */
  hooksFor: (workflow: string) => readonly BoundHooks[];
  /** Who hears about a write whatever its workflow: the new holder, the resident who filed it (step-notices.ts). */
  notices?: (trx: Kysely<any>, before: Ticket | null, after: Ticket, actor: MintedActor, effects: readonly PlanEffect[]) => Promise<void>;
}

/**
 * Creating and moving tickets, one way through:
 *   plan (the pure engine: checks, and every effect of the step)
 *   → resolve (what needs the database, by the resolvers registered once)
 *   → check (the workflow's plugin hooks: veto or a typed patch)
 *   → apply (one write with a version check)
 *   → effects (jobs, notifications, the hooks' read models), in the same transaction.
 * Each stage returns a new frozen plan; none goes back to an earlier one.
 * Every caller passes the transaction, so a request's writes commit together
 * or not at all.
 */
export function createTicketService(deps: TicketServiceDeps): TicketService {
  const { deployment, now, resolvers, effects, hooksFor } = deps;
  const withEnrolments = enrolmentReader(deps.plugins);
  const placeByPoint = gridPlacer(deployment);
  const ctx = { forms: deployment.forms, calendar: deployment.calendar };
  const workflow = (id: string, path: string) => {
    const wf = deployment.workflows.get(id);
    if (!wf) throw unprocessable(`There is no workflow "${id}".`, [{ path, message: `unknown workflow "${id}"` }]);
    return wf;
  };
  const runEffects = async (names: readonly PlanEffect[], e: EffectEvent) => {
    for (const name of names) await effects[name](e);
  };

  return {
    async create(trx: Kysely<any>, minted, input): Promise<Ticket> {
      // Plugins call this service too: it acts only as an actor the server made.
      const actor = vouchedFor(minted);
      const wf = workflow(input.workflow, '/workflow');
      const org = await getOrg(trx, input.orgId);
      if (!org) throw unprocessable(`There is no organization ${input.orgId}.`, [{ path: '/orgId', message: 'unknown organization' }]);
      if (org.deactivated) throw unprocessable(`${org.name} is deactivated and takes no new tickets. 该组织已停用，不再受理新工单。`, [{ path: '/orgId', message: `${org.name} is deactivated (已停用)` }]);
      if (!isOfferedAt(wf.def, deployment.orgAttributes.get(org.key))) {
        throw unprocessable(`"${wf.def.title['zh-CN']}" is not offered at ${org.name} (${JSON.stringify(wf.def.offerWhere)}) 该组织不适用此流程`, [{ path: '/orgId', message: `not offered at ${org.name}`, expected: `an org where ${JSON.stringify(wf.def.offerWhere)}` }]);
      }
      const at = now();
      const plan = planCreate(ctx, wf, actor, org.path, input.data, at);
      // Permission and offer are judged where the reporter chose; the point may then file it in the grid that contains it.
      const home = await placeByPoint(trx, org, input.point);
      const placed = plan.resolve.includes('route') ? await resolvers.routeNew(trx, wf.id, plan.data, home.path) : null;
      const ticket = await insertTicket(trx, {
        ...(placed ? { assigneeOrgId: Number(placed.id), assigneeOrgPath: placed.path } : {}),
        workflow: wf.id,
        state: plan.state,
        orgId: Number(home.id),
        orgPath: home.path,
        reporterId: Number(actor.personId),
        title: plan.title,
        data: plan.data,
        deadline: plan.deadline,
        point: input.point ?? null,
        now: at,
        action: 'create',
      });
      await runEffects(plan.effects, { trx, ticket, change: null, actor });
      await deps.notices?.(trx, null, ticket, actor, plan.effects);
      for (const h of hooksFor(wf.id)) await h.hooks.afterCreate?.({ ticket, actor, trx, ctx: h.ctx });
      return ticket;
    },

    async transition(trx: Kysely<any>, minted, ticketId: string, input): Promise<Ticket> {
      const caller = vouchedFor(minted);
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
      const hooks = hooksFor(ticket.workflow);
      // Only staff choose who reads a step; a resident's own steps keep the step's default.
      const visibility = readsInternalNotes(actor, ticket) ? input.visibility : undefined;
      const planned = planTransition(ctx, wf, ticket, actor, { ...input, visibility }, at);
      const resolved = await resolve(trx, ticket, planned);
      const assigneeOrgPath = resolved.assigneeOrgId ? await assigneeOrg(trx, deployment, wf, resolved, input.action) : undefined;
      const plan = await check(hooks, ticket, resolved, actor, trx);
      // Effects that only schedule jobs go with the write (one statement); the rest follow it.
      const withWrite = plan.effects.filter((name) => deps.effectJobs?.[name]);
      const after = { ...ticket, state: plan.toState, deadline: plan.deadline, closedAt: plan.closedAt };
      const jobs = withWrite.flatMap((name) => deps.effectJobs![name]!(after, at));
      const updated = await applyChange(trx, ticket, plan, Number(actor.personId), assigneeOrgPath, at, jobs);
      if (!updated) {
        const current = await getTicket(trx, ticketId);
        throw new LinliError('LINLI_ERR_VERSION_CONFLICT', [input.version, current?.version ?? '?']);
      }
      await runEffects(plan.effects.filter((name) => !withWrite.includes(name)), { trx, ticket: updated, change: plan, actor });
      await deps.notices?.(trx, ticket, updated, actor, plan.effects);
      for (const h of hooks) await h.hooks.afterTransition?.({ ticket, change: plan, actor, trx, ctx: h.ctx, updated });
      return updated;
    },

    async get(trx: Kysely<any>, actor, ticketId: string): Promise<Ticket> {
      return assertCanSeeTicket(vouchedFor(actor), await getTicket(trx, ticketId), ticketId);
    },
  };

  /** The plan with each database-dependent effect resolved, in the engine's order. */
  async function resolve(trx: Kysely<any>, ticket: Ticket, planned: TicketChange): Promise<TicketChange> {
    let plan = planned;
    for (const name of planned.resolve) plan = withPatch(plan, await resolvers.transition[name](trx, ticket, plan));
    return plan;
  }
}

/** The workflow's `beforeTransition` hooks, plugin after plugin: a veto stops the step, a patch makes the next plan. */
async function check(hooks: readonly BoundHooks[], ticket: Ticket, resolved: TicketChange, actor: MintedActor, trx: Kysely<any>): Promise<TicketChange> {
  let plan = resolved;
  for (const h of hooks) {
    const verdict = await h.hooks.beforeTransition?.({ ticket, change: plan, actor, trx, ctx: h.ctx });
    if (!verdict) continue;
    if ('veto' in verdict) throw verdict.veto;
    // Only what TransitionPatch names: a plugin cannot move a ticket to another org or person this way.
    if (verdict.patch.deadline !== undefined) plan = withPatch(plan, { deadline: verdict.patch.deadline });
  }
  return plan;
}

/** The path of the org the plan assigns the ticket to; refused when it is unknown or nobody there could take the next step. */
async function assigneeOrg(trx: Kysely<any>, deployment: Deployment, wf: CompiledWorkflow, plan: TicketChange, action: string): Promise<string> {
  const org = await getOrg(trx, plan.assigneeOrgId!);
  if (!org) throw new LinliError('LINLI_ERR_FORM_INVALID', [action], [{ path: '/data', message: `unknown organization ${plan.assigneeOrgId}` }]);
  if (org.deactivated) throw new LinliError('LINLI_ERR_FORM_INVALID', [action], [{ path: '/data', message: `${org.name} is deactivated (已停用) and takes no new work` }]);
  await assertSomeoneCanTakeOver(trx, deployment, wf, plan, org);
  return org.path;
}
