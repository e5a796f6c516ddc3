import { overdueLadder, type Deployment } from '@linli/core';
import type { Fixtures, WorkTicket } from './fixtures.js';

/**
 * What the write phases do, shared by the API and the raw side so both do the
 * same work: file a grid request in one of the community's compounds, and
 * move a ticket one step around sorted ⇄ handled (solved in the grid, checked and sent back: the staff's
 * rework, which unlike a resident's reopen has no limit).
 */
export function intake(n: number) {
  return {
    title: `路灯不亮 #${n}`,
    category: '公共设施',
    description: '小区东门到5栋之间的路灯坏了，晚上出行不便，请尽快维修。',
    location: '东门',
  };
}

export interface Step {
  action: 'solve-in-grid' | 'rework';
  to: 'handled' | 'sorted';
  data?: Record<string, unknown>;
  comment?: string;
  /** Hours until the deadline of the state the step enters (the workflow's time limits). */
  limitHours: number;
}

export function nextStep(t: WorkTicket): Step {
  return t.state === 'sorted'
    ? { action: 'solve-in-grid', to: 'handled', data: { result: '网格员已协调物业更换灯泡' }, limitHours: 72 }
    : { action: 'rework', to: 'sorted', comment: '晚上去看了，灯还是不亮', limitHours: 24 };
}

/** Deals the tickets out: worker w takes every concurrency-th one, so no two workers touch the same row. */
export function dealTickets(tickets: WorkTicket[], concurrency: number): WorkTicket[][] {
  const hands: WorkTicket[][] = Array.from({ length: concurrency }, () => []);
  tickets.forEach((t, i) => hands[i % concurrency]!.push(t));
  return hands;
}

/** Round-robin over the orgs where new tickets are filed. */
export const orgFor = (fx: Fixtures, n: number) => fx.createOrgs[n % fx.createOrgs.length]!;

export interface JobRow {
  kind: string;
  key: string;
  payload: unknown;
  runAt: Date;
}

const HOUR = 3_600_000;

/**
 * The deadline jobs the server schedules in the same transaction as a step
 * (a copy of deadlineJobs in packages/server/src/services/deadline-jobs.ts,
 * which is not exported): a reminder, the overdue mark, the city's overdue
 * ladder. The raw side inserts the same rows, so it does the same work.
 */
export function deadlineJobs(deployment: Deployment, t: { id: number; workflow: string; state: string; deadline: Date }, now: Date): JobRow[] {
  const stint = { ticketId: String(t.id), state: t.state, deadline: t.deadline.toISOString() };
  const deadline = t.deadline.getTime();
  const base = `${t.id}:${t.state}:${deadline}`;
  const jobs: JobRow[] = [];
  const remindBefore = deployment.workflows.get(t.workflow)?.state(t.state)?.timeLimit?.remindBeforeHours;
  if (remindBefore && deadline - remindBefore * HOUR > now.getTime()) {
    jobs.push({ kind: 'ticket.remind', key: `remind:${base}`, payload: stint, runAt: new Date(deadline - remindBefore * HOUR) });
  }
  jobs.push({ kind: 'ticket.overdue', key: `overdue:${base}`, payload: stint, runAt: t.deadline });
  overdueLadder(deployment.config.escalation, t.workflow, t.state)?.steps.forEach((s, step) => {
    jobs.push({ kind: 'ticket.escalate', key: `escalate:${base}:${step}`, payload: { ...stint, step }, runAt: new Date(deadline + s.afterHours * HOUR) });
  });
  return jobs;
}
