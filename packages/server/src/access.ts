import type { MintedActor } from './actor-mint.js';
import { canSeeTicket, isAdminFor, LinliError, notFound, type Actor, type Ticket } from '@linli/core';

/**
 * Resource-level decisions the routes and services ask for (policy.ts makes
 * the route-level ones). Imports nothing of the server, so every service can
 * use it without an import circle.
 */

/** The request's actor (set by policy.ts), or 401. */
export function requireActor(req: { actor: MintedActor | null }): MintedActor {
  if (!req.actor) throw new LinliError('LINLI_ERR_UNAUTHENTICATED');
  return req.actor;
}

/** Out-of-scope tickets answer 404, exactly like missing ones, so ids leak nothing. */
export function assertCanSeeTicket(actor: Actor, ticket: Ticket | null, id: string): Ticket {
  if (!ticket || !canSeeTicket(actor, ticket)) throw notFound(`Ticket ${id}`);
  return ticket;
}

export function assertAdminFor(actor: Actor, path: string, what: string): void {
  if (!isAdminFor(actor, path)) throw new LinliError('LINLI_ERR_FORBIDDEN', [`you are not an administrator for ${what}`]);
}

/**
 * The org paths whose people the actor may list: the scopes of the actor's
 * staff and administrator roles. Roles that see only their own tickets
 * (residents, volunteers) list nobody but themselves.
 */
export function peopleScope(actor: Actor): string[] {
  return actor.grants.filter((g) => g.seesScope || g.admin).flatMap((g) => (g.scopePaths.length ? g.scopePaths : [g.orgPath]));
}
