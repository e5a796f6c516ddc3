import { holdsRoleAt, orgIdsWithRole, seesPath as oversees, visiblePaths, type Actor } from '@linli/sdk';

/**
 * Who may do what, kept apart from the routes so the rules read as a table
 * (permissions.test.ts checks them without a database).
 */

/** The community verifies wishes and keeps the ledger (corrections). */
export const verifierRoles = ['community_secretary', 'community_staff'] as const;

/** Teams, activities and attendance: the community, and a compound's branch secretary for that compound. */
export const organizerRoles = ['community_secretary', 'community_staff', 'branch_secretary'] as const;

const holds = (actor: Actor, roles: readonly string[], path: string) => holdsRoleAt(actor, path, roles);

export const canVerify = (actor: Actor, path: string): boolean => holds(actor, verifierRoles, path);
export const canOrganize = (actor: Actor, path: string): boolean => holds(actor, organizerRoles, path);
export const canCorrect = (actor: Actor, path: string): boolean => holds(actor, verifierRoles, path);

/** The org paths whose records the actor sees as staff (roles that show their whole scope). Residents and volunteers see only their own. */
export function staffScopes(actor: Actor): string[] {
  return visiblePaths(actor);
}

export const seesPath = (actor: Actor, path: string): boolean => oversees(actor, path);

/** The co-building units the actor acts for (org ids of its co_building_contact roles). */
export const unitsOf = (actor: Actor): string[] => orgIdsWithRole(actor, ['co_building_contact']);
