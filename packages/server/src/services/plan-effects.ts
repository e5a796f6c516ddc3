import type { Actor, Deployment, PlanEffect, Ticket, TicketChange } from '@linli/core';
import type { JobRunner } from '@linli/jobs';
import type { Kysely } from 'kysely';
import { deadlineJobs } from './deadline-jobs.js';
import type { Notifier } from './notifier.js';

export interface EffectEvent {
  trx: Kysely<any>;
  /** The ticket as the write left it. */
  ticket: Ticket;
  /** The step's plan; null on create. */
  change: TicketChange | null;
  actor: Actor;
}

/** Runs one effect that follows a write, in its transaction. */
export type PlanEffectHandler = (e: EffectEvent) => Promise<void>;

/** One handler per effect the engine may name (`TicketChange.effects`, `CreatePlan.effects`), registered once. */
export function createPlanEffects(deployment: Deployment, jobs: JobRunner, notifier: Notifier, now: () => Date): Readonly<Record<PlanEffect, PlanEffectHandler>> {
  return {
    async 'schedule-deadlines'({ trx, ticket }) {
      await jobs.enqueue(trx, deadlineJobs(deployment, ticket, now()));
    },
    async 'notify-returned'({ trx, ticket, change, actor }) {
      if (!ticket.assigneePersonId || ticket.assigneePersonId === actor.personId) return;
      await notifier.notify(trx, {
        kind: 'ticket.returned',
        ticket,
        eventSeq: ticket.version,
        personIds: [Number(ticket.assigneePersonId)],
        title: { 'zh-CN': `工单被退回：${ticket.title}`, en: `Returned to you: ${ticket.title}` },
        data: { reason: change?.comment ?? null, from: change?.fromState ?? null },
        now: now(),
      });
    },
  };
}
