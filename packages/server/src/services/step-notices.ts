import type { Actor, Deployment, PlanEffect, Ticket } from '@linli/core';
import { staffOf } from '@linli/db';
import type { Kysely } from 'kysely';
import type { Notifier } from './notifier.js';

/**
 * The notices every step may cause, whatever its workflow: the new holder
 * hears a ticket was assigned to them (a person, else the staff of the org
 * it moved to), and the resident who filed it hears its state changed.
 * Nobody is told about their own step.
 */
export function stepNotices(deployment: Deployment, notifier: Notifier) {
  return async (trx: Kysely<any>, before: Ticket | null, after: Ticket, actor: Actor, effects: readonly PlanEffect[]): Promise<void> => {
    const me = Number(actor.personId);
    const wf = deployment.workflows.get(after.workflow);
    const toPerson = after.assigneePersonId && after.assigneePersonId !== before?.assigneePersonId;
    const toOrg = !after.assigneePersonId && after.assigneeOrgId && after.assigneeOrgId !== before?.assigneeOrgId;
    // A ticket sent back to its previous holder is told as returned (plan-effects.ts), not assigned again.
    if ((toPerson || toOrg) && !effects.includes('notify-returned')) {
      const people = (toPerson ? [Number(after.assigneePersonId)] : await staffOf(trx, after.assigneeOrgId!, deployment.roles)).filter((p) => p !== me);
      if (people.length) {
        await notifier.notify(trx, {
          kind: 'ticket.assigned',
          ticket: after,
          eventSeq: after.version,
          personIds: people,
          title: { 'zh-CN': `新工单：${after.title}`, en: `Assigned to you: ${after.title}` },
          data: { state: after.state },
          now: after.updatedAt,
        });
      }
    }
    const reporter = after.reporterId ? Number(after.reporterId) : null;
    if (before && reporter !== null && reporter !== me && before.state !== after.state) {
      const state = wf?.state(after.state)?.title ?? { 'zh-CN': after.state };
      await notifier.notify(trx, {
        kind: 'ticket.status',
        ticket: after,
        eventSeq: after.version,
        personIds: [reporter],
        title: { 'zh-CN': `诉求进展：${after.title}（${state['zh-CN']}）`, en: `Update on: ${after.title} (${state.en ?? state['zh-CN']})` },
        data: { state: after.state },
        vars: { state },
        now: after.updatedAt,
      });
    }
  };
}
