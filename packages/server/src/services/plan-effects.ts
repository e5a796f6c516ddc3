import type { Actor, Deployment, PlanEffect, Ticket, TicketChange } from '@linli/core';
import type { JobRunner } from '@linli/jobs';
import type { JobRow } from '@linli/db';
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

/**
 * The jobs an effect schedules, from the ticket as the write will leave it:
 * known before the write, so a step sends them in its write's own statement
 * (applyChange) instead of a round trip after it.
 */
export type PlanEffectJobs = (ticket: Ticket, now: Date) => JobRow[];

/** The effects whose whole work is scheduling jobs: a step writes them with the ticket; a create (whose id the jobs name) after it. */
export function createPlanEffectJobs(deployment: Deployment, jobs: JobRunner): Readonly<Partial<Record<PlanEffect, PlanEffectJobs>>> {
  return {
    'schedule-deadlines': (ticket, now) => jobs.rows(deadlineJobs(deployment, ticket, now)),
  };
}

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
