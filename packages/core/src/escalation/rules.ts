import type { EscalationConfig, OverdueLadder, ReportLimit } from '../schemas/types.js';
import { grantCovers, type Actor, type TicketScope } from '../tickets/actor.js';

/** The time a target has to report when neither the target, the step nor the config says. */
export const defaultReportLimit: ReportLimit = { hours: 24 };

/**
 * Whether the actor may blow the whistle (吹哨) on a ticket: the city enables
 * it for the ticket's workflow and the actor holds one of the whistle roles at
 * the ticket's org or above it (the grid leader of its grid, the community
 * secretary, the compound's branch secretary).
 */
export function mayBlowWhistle(escalation: EscalationConfig | undefined, actor: Actor, ticket: TicketScope & { workflow: string }): boolean {
  const w = escalation?.whistle;
  if (!w) return false;
  if (w.workflows && !w.workflows.includes(ticket.workflow)) return false;
  return actor.grants.some((g) => w.roles.includes(g.role) && grantCovers(g, ticket.orgPath));
}

/**
 * Whether the actor may report (报到) for the org at `orgPath`: a staff role
 * (not a resident's) held at that org or above it, so a community secretary
 * reports for the community party committee and a department officer for the
 * department.
 */
export function mayReportFor(actor: Actor, orgPath: string): boolean {
  return actor.grants.some((g) => g.seesScope && grantCovers(g, orgPath));
}

/** The overdue ladder for a state: the first entry naming the workflow and state, or leaving them open. */
export function overdueLadder(escalation: EscalationConfig | undefined, workflow: string, state: string): OverdueLadder | undefined {
  return escalation?.overdue?.find((l) => (l.workflow === undefined || l.workflow === workflow) && (l.state === undefined || l.state === state));
}
