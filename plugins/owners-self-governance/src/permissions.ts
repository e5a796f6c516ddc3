import { holdsRoleAt, seesPath, type Actor } from '@linli/sdk';

/** Who organizes owners' votes and registers households: the community and the street (under the street's guidance, as the practice runs), and administrators. */
export const conveners = ['community_secretary', 'community_staff', 'street_secretary', 'admin'] as const;

/** May set up a vote, record paper ballots, close it and register units at `path` (a compound or building). */
export const canConvene = (actor: Actor, path: string): boolean => holdsRoleAt(actor, path, conveners);

/** May read the votes and the unit roll at `path`: staff overseeing it. Owners see their own votes through /my/votes. */
export const canOversee = (actor: Actor, path: string): boolean => seesPath(actor, path) || canConvene(actor, path);
