import type { Ticket } from '@linli/core';

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
  };
}
