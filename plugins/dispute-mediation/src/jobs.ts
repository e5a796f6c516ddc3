import { localDateTime, peopleHolding, type Kysely, type PluginContext, type PluginJobDefinition, type Ticket } from '@linli/sdk';
import { DUE_SOON, OVERDUE } from './notices.js';
import { settingsOf, stateTitle } from './service/team.js';
import { getCase, orgByPath, teamOf } from './store/cases.js';
import { typed } from './store/tables.js';
import { intakeRoles } from './workflows/case.js';

export const OVERDUE_JOB = 'dispute-mediation.overdue';
/** States whose deadline the plugin watches, and who answers for each. */
const watched = new Set(['mediating', 'referred', 'agreed', 'replied']);

const jobKey = (ticketId: number, state: string) => `overdue:${ticketId}:${state}`;
const dueSoonKey = (ticketId: number, deadline: Date) => `due-soon:${ticketId}:${deadline.toISOString()}`;

/** Who answers for a case in its state: the team while it is mediated, the receiving org once referred, the desk (and the team) for the follow-up. */
async function answerable(trx: Kysely<any>, ticketId: number): Promise<string[]> {
  const db = typed(trx);
  const c = await getCase(db, ticketId);
  if (!c) return [];
  const team = (await teamOf(db, ticketId)).map((t) => String(t.person_id));
  const desk = await peopleHolding(db, { roles: intakeRoles, atOrAbove: c.compound_path });
  const who = c.state === 'referred' && c.referral_org_id ? await peopleHolding(db, { orgIds: [c.referral_org_id] }) : c.state === 'mediating' ? [...team, ...desk] : [...desk, ...team];
  return [...new Set(who)];
}

/**
 * When a case enters a watched state: a job at its deadline that tells those
 * who answer for it if it is still there (超期), and for mediation a reminder
 * `overdueNoticeDays` before. Leaving the state cancels both.
 */
export async function watchDeadline(ctx: PluginContext, trx: Kysely<any>, before: string, updated: Ticket): Promise<void> {
  const id = Number(updated.id);
  if (before !== updated.state && watched.has(before)) {
    await ctx.jobs.cancel(trx, jobKey(id, before));
  }
  if (!watched.has(updated.state) || !updated.deadline || before === updated.state) return;
  await ctx.jobs.schedule(trx, OVERDUE_JOB, { key: jobKey(id, updated.state), runAt: updated.deadline, payload: { caseId: updated.id, state: updated.state, deadline: updated.deadline.toISOString() } });
  if (updated.state === 'mediating') {
    const c = await getCase(typed(trx), id);
    const compound = c ? await orgByPath(typed(trx), c.compound_path) : undefined;
    const at = new Date(updated.deadline.getTime() - settingsOf(ctx).overdueNoticeDays * 86_400_000);
    const to = await answerable(trx, id);
    if (c && to.length && at > ctx.now()) {
      await ctx.notify(trx, {
        kind: DUE_SOON,
        key: dueSoonKey(id, updated.deadline),
        to,
        vars: { compound: compound?.name ?? '', disputeType: c.dispute_type, due: localDateTime(updated.deadline, ctx.deployment.calendar.utcOffsetHours) },
        ticketId: updated.id,
        at,
      });
    }
  }
}

/** Calls off the due-soon reminder of a mediation that ended before it. */
export async function unwatchMediation(ctx: PluginContext, trx: Kysely<any>, ticket: Ticket): Promise<void> {
  if (ticket.deadline) await ctx.cancelNotice(trx, { kind: DUE_SOON, key: dueSoonKey(Number(ticket.id), ticket.deadline) });
}

export const jobs: PluginJobDefinition<{ caseId: string; state: string; deadline: string }>[] = [
  {
    kind: OVERDUE_JOB,
    payloadSchema: {
      type: 'object',
      required: ['caseId', 'state', 'deadline'],
      properties: { caseId: { type: 'string' }, state: { type: 'string' }, deadline: { type: 'string' } },
    },
    async handler({ payload, ctx, trx }) {
      const db = typed(trx);
      const c = await getCase(db, Number(payload.caseId));
      // Moved on, or its deadline moved: nothing is overdue.
      if (!c || c.state !== payload.state || c.deadline?.toISOString() !== payload.deadline) return;
      const to = await answerable(trx, c.ticket_id);
      if (!to.length) return;
      const compound = await orgByPath(db, c.compound_path);
      await ctx.notify(trx, {
        kind: OVERDUE,
        key: `overdue:${c.ticket_id}:${payload.state}:${payload.deadline}`,
        to,
        vars: { compound: compound?.name ?? '', disputeType: c.dispute_type, state: stateTitle(c.state), due: localDateTime(c.deadline!, ctx.deployment.calendar.utcOffsetHours) },
        ticketId: String(c.ticket_id),
      });
    },
  },
];
