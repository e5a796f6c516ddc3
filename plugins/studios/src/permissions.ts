import { holdsRoleAt, isAdminAt, orgIdsWithRole, seesPath, type Actor } from '@linli/sdk';

/**
 * Who may do what with a community's studios. Every route asks these
 * predicates, which read the same grants as the core; permissions.test.ts is
 * the table.
 */

/** Staff of the studio's community (the city's `staffRoles`, held there or above) and its administrators. */
export function runsStudio(actor: Actor, communityPath: string, staffRoles: readonly string[]): boolean {
  return holdsRoleAt(actor, communityPath, staffRoles) || isAdminAt(actor, communityPath);
}

/** Who changes a studio's weekly slots and capacity: the community secretary (and administrators). */
export function editsStudio(actor: Actor, communityPath: string): boolean {
  return holdsRoleAt(actor, communityPath, ['community_secretary']) || isAdminAt(actor, communityPath);
}

/** Staff oversight: a studio's bookings and reports are read by whoever sees what happens in its community. */
export const overseesStudio = (actor: Actor, communityPath: string): boolean => seesPath(actor, communityPath);

/** The org ids where the person is registered as a resident (their compound or building). */
export const residentOrgIds = (actor: Actor): string[] => orgIdsWithRole(actor, ['resident']);

/** A resident books the studios of the community they live in: one of their homes lies under it. */
export const livesIn = (homePaths: readonly string[], communityPath: string): boolean => homePaths.some((p) => p.startsWith(communityPath));
