import { isWithin } from '../org/path.js';

/** One role a person holds, resolved to the org paths it covers. */
export interface RoleGrant {
  /** Id of the role assignment row. */
  id: string;
  role: string;
  orgId: string;
  orgPath: string;
  gridId?: string | null;
  /** Paths the grant covers: the org's own path, or for a grid role the paths of the orgs the grid covers. */
  scopePaths: string[];
  /** Whether the grant shows the tickets in its scope, or only the holder's own (residents). */
  seesScope: boolean;
  admin: boolean;
}

/** The person making a request, with every role they hold ("dual entry, cross appointment"). */
export interface Actor {
  personId: string;
  grants: RoleGrant[];
  /**
   * Org paths the person is enrolled at, by enrolment id (a plugin declares
   * each as data; the server reads them from the database, never the plugin).
   * Read by `enrolled` rules only; absent when not loaded.
   */
  enrolments?: Readonly<Record<string, readonly string[]>>;
}

/** The part of a ticket that decides who may act on it. */
export interface TicketScope {
  orgPath: string;
  assigneeOrgPath: string | null;
  assigneePersonId: string | null;
  reporterId: string | null;
  /**
   * Paths of the orgs the ticket was escalated to (whistle or overdue): they
   * must see it to report. Absent when there is none.
   */
  escalationPaths?: readonly string[];
}

export function grantCovers(grant: RoleGrant, path: string): boolean {
  return grant.scopePaths.some((p) => isWithin(path, p));
}

/** Whether the actor may see the ticket at all. Mirrored in SQL by the db layer's visibility filter. */
export function canSeeTicket(actor: Actor, t: TicketScope): boolean {
  if (t.reporterId === actor.personId || t.assigneePersonId === actor.personId) return true;
  return actor.grants.some(
    (g) =>
      g.seesScope &&
      (grantCovers(g, t.orgPath) ||
        (t.assigneeOrgPath !== null && grantCovers(g, t.assigneeOrgPath)) ||
        (t.escalationPaths ?? []).some((p) => grantCovers(g, p))),
  );
}

/** Whether the actor holds an admin role whose scope covers `path`. */
export function isAdminFor(actor: Actor, path: string): boolean {
  return actor.grants.some((g) => g.admin && grantCovers(g, path));
}

/**
 * Whether the actor reads a ticket's internal notes (梳理意见, 办理要求): they
 * see it as staff — assigned to them, or through a grant that shows tickets
 * in its scope — not merely as its reporter. A resident reporter reads only
 * the steps recorded as public.
 */
export function readsInternalNotes(actor: Actor, t: TicketScope): boolean {
  if (t.assigneePersonId === actor.personId) return true;
  return canSeeTicket({ ...actor, personId: '' }, { ...t, reporterId: null, assigneePersonId: null });
}
