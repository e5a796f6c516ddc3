import { namedOrgKeys, overdueLadder, resolveTargets, defaultReportLimit, type Deployment, type Ticket } from '@linli/core';
import { appendTicketEvent, getTicket, loadNeighbourhood } from '@linli/db';
import type { JobHandler, NewJob } from '@linli/jobs';
import type { Kysely } from 'kysely';
import type { EscalationService } from './escalation-service.js';
import type { Notifier } from './notifier.js';

export const REMIND_JOB = 'ticket.remind';
export const OVERDUE_JOB = 'ticket.overdue';
export const ESCALATE_JOB = 'ticket.escalate';

export const deadlineActions = { remind: 'deadline.remind', overdue: 'deadline.overdue' } as const;

/**
 * Which stay in a state a job belongs to: the state and its deadline. A
 * transition into a state (even the same one) or a changed deadline makes a
 * new stay; a step that keeps both (a claim, a progress note) does not.
 */
interface StintPayload {
  ticketId: string;
  state: string;
  deadline: string;
  step?: number;
}

const HOUR = 3_600_000;

/**
 * The jobs a ticket's time limit needs, from the moment it enters a state:
 * a reminder `remindBeforeHours` before the deadline, the overdue mark at the
 * deadline, and each step of the city's overdue ladder after it. Keys name
 * the ticket, the state and the deadline (`overdue:<ticket>:<state>:<deadline
 * ms>`): scheduling the same stay again — after a step that stays in the
 * state and keeps its deadline — is a no-op, and a new stay gets fresh jobs.
 */
export function deadlineJobs(deployment: Deployment, ticket: Ticket, now: Date): NewJob[] {
  if (!ticket.deadline || ticket.closedAt) return [];
  const stint: StintPayload = { ticketId: ticket.id, state: ticket.state, deadline: ticket.deadline.toISOString() };
  const deadline = ticket.deadline.getTime();
  const base = `${ticket.id}:${ticket.state}:${deadline}`;
  const jobs: NewJob[] = [];
  const remindBefore = deployment.workflows.get(ticket.workflow)?.state(ticket.state)?.timeLimit?.remindBeforeHours;
  if (remindBefore && deadline - remindBefore * HOUR > now.getTime()) {
    jobs.push({ kind: REMIND_JOB, key: `remind:${base}`, payload: stint, runAt: new Date(deadline - remindBefore * HOUR) });
  }
  jobs.push({ kind: OVERDUE_JOB, key: `overdue:${base}`, payload: stint, runAt: ticket.deadline });
  overdueLadder(deployment.config.escalation, ticket.workflow, ticket.state)?.steps.forEach((s, step) => {
    jobs.push({ kind: ESCALATE_JOB, key: `escalate:${base}:${step}`, payload: { ...stint, step }, runAt: new Date(deadline + s.afterHours * HOUR) });
  });
  return jobs;
}

/** The ticket, locked, if it is still in the stay the job was scheduled for; else the job has nothing to do. */
async function currentStint(trx: Kysely<any>, p: StintPayload): Promise<Ticket | null> {
  const t = await getTicket(trx, p.ticketId, { forUpdate: true });
  if (!t || t.closedAt || t.state !== p.state || t.deadline?.toISOString() !== p.deadline) return null;
  return t;
}

/** The handlers of the three deadline jobs; all run in a transaction, so each step happens once. */
export function deadlineHandlers(deployment: Deployment, escalations: EscalationService, notifier: Notifier): JobHandler[] {
  const keys = namedOrgKeys(deployment.config);
  const holders = async (trx: Kysely<any>, t: Ticket) => (t.assigneePersonId ? [Number(t.assigneePersonId)] : escalations.staffOf(trx, t.assigneeOrgId ?? t.orgId));

  const remind: JobHandler<StintPayload> = {
    kind: REMIND_JOB,
    mode: 'transaction',
    async run({ db: trx, job, now }) {
      const t = await currentStint(trx, job.payload);
      if (!t) return;
      const event = await appendTicketEvent(trx, Number(t.id), { action: deadlineActions.remind, actorId: null, data: { deadline: job.payload.deadline }, comment: null, now });
      await notifier.notify(trx, {
        kind: 'ticket.reminder',
        ticket: event.ticket,
        eventSeq: event.seq,
        personIds: await holders(trx, t),
        title: { 'zh-CN': `即将到期：${t.title}`, en: `Due soon: ${t.title}` },
        data: { deadline: job.payload.deadline, state: t.state },
        now,
      });
    },
  };

  const overdue: JobHandler<StintPayload> = {
    kind: OVERDUE_JOB,
    mode: 'transaction',
    async run({ db: trx, job, now }) {
      const t = await currentStint(trx, job.payload);
      if (!t) return;
      const event = await appendTicketEvent(trx, Number(t.id), { action: deadlineActions.overdue, actorId: null, data: { deadline: job.payload.deadline }, comment: null, now });
      await notifier.notify(trx, {
        kind: 'ticket.overdue',
        ticket: event.ticket,
        eventSeq: event.seq,
        personIds: await holders(trx, t),
        title: { 'zh-CN': `已超期：${t.title}`, en: `Overdue: ${t.title}` },
        data: { deadline: job.payload.deadline, state: t.state },
        now,
      });
    },
  };

  const escalate: JobHandler<StintPayload> = {
    kind: ESCALATE_JOB,
    mode: 'transaction',
    async run({ db: trx, job, now }) {
      const t = await currentStint(trx, job.payload);
      if (!t) return;
      const ladder = overdueLadder(deployment.config.escalation, t.workflow, t.state);
      const step = ladder?.steps[job.payload.step ?? 0];
      if (!step) return;
      const here = await loadNeighbourhood(trx, { orgPath: t.orgPath, assigneeOrgId: t.assigneeOrgId }, keys);
      const limit = step.reportWithin ?? deployment.config.escalation?.reportWithin ?? defaultReportLimit;
      const targets = resolveTargets(step.to, here).map((r) => ({ org: r.org, lead: r.lead, limit: r.target.reportWithin ?? limit }));
      const hours = Math.round((now.getTime() - new Date(job.payload.deadline).getTime()) / HOUR);
      await escalations.raise(trx, {
        ticket: t,
        kind: 'overdue',
        targets,
        reason: `超期 ${hours} 小时未办结，自动升级督办`,
        raisedBy: null,
        now,
        data: { step: job.payload.step ?? 0, deadline: job.payload.deadline },
      });
    },
  };

  return [remind, overdue, escalate];
}
