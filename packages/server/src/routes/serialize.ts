import type { Ticket, TicketEvent } from '@linli/core';

/** The API's view of a ticket: no org paths, dates as ISO strings, and whether it is overdue now. */
export function ticketJson(t: Ticket, now: Date) {
  return {
    id: t.id,
    workflow: t.workflow,
    state: t.state,
    version: t.version,
    orgId: t.orgId,
    assigneeOrgId: t.assigneeOrgId,
    assigneePersonId: t.assigneePersonId,
    reporterId: t.reporterId,
    title: t.title,
    data: t.data,
    deadline: t.deadline ? t.deadline.toISOString() : null,
    overdue: t.closedAt === null && t.deadline !== null && t.deadline.getTime() < now.getTime(),
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    closedAt: t.closedAt ? t.closedAt.toISOString() : null,
    point: t.point ?? null,
    rating: t.rating ?? null,
    reopenCount: t.reopenCount ?? 0,
  };
}

/**
 * Who a ticket's history is written for: `staff` read every step whole;
 * `reporter` (a resident who filed it, holding no staff grant over it) reads
 * each step's title, state and time, and the data and comment of public steps
 * only. The only way the API serializes a history, so no route can leak a
 * staff note by forgetting a filter.
 */
export type HistoryAudience = 'staff' | 'reporter';

export function eventJson(e: TicketEvent & { actorName: string | null }, audience: HistoryAudience, data: Record<string, unknown> | null) {
  const shown = audience === 'staff' || e.visibility === 'public';
  return {
    id: e.id,
    seq: e.seq,
    action: e.action,
    fromState: e.fromState,
    toState: e.toState,
    actorId: e.actorId,
    actorName: e.actorName,
    data: shown ? data : null,
    comment: shown ? e.comment : null,
    visibility: e.visibility,
    createdAt: e.createdAt.toISOString(),
  };
}
