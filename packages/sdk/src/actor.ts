import { canSeeTicket as coreCanSeeTicket, isWithin, type Actor as CoreActor, type RoleGrant, type TicketScope } from '@linli/core';

/**
 * Type-only brand: declared, never emitted or exported, so no plugin can
 * name it and therefore no object a plugin writes is an `Actor`.
 */
declare const minted: unique symbol;

/**
 * The person making a request, as the server vouches for them: their person
 * id and every role they hold. Opaque to plugins — only the server mints one
 * (from a session, or `SeedContext.actor` for demo data), and the ticket
 * service refuses at run time any actor it did not mint
 * (`LINLI_ERR_ACTOR_NOT_MINTED`). Read it with the functions below
 * (`personIdOf`, `holdsRoleAt`, `seesPath`, …), declared once so every plugin
 * decides "who may do this here" the way the core does.
 */
export interface Actor {
  readonly [minted]: 'server';
}

/** The core's actor behind the brand; the server minted it as one. */
const grants = (actor: Actor): readonly RoleGrant[] => (actor as unknown as CoreActor).grants;
const covers = (g: RoleGrant, path: string) => g.scopePaths.some((p) => isWithin(path, p));
/** Held at an org inside `path`, or covering orgs inside it (a grid role over a compound's buildings). */
const inside = (g: RoleGrant, path: string) => isWithin(g.orgPath, path) || g.scopePaths.some((p) => isWithin(p, path));
const ofRoles = (g: RoleGrant, roles: readonly string[] | undefined) => roles === undefined || roles.includes(g.role);

/**
 * The person's id, as plugins' own tables store it (a number).
 *
 * @example
 * await trx.insertInto('door_knocking_visits').values({ visitor_id: personIdOf(actor), … })
 */
export function personIdOf(actor: Actor): number {
  return Number((actor as unknown as CoreActor).personId);
}

/**
 * Whether the person holds a role (one of `roles`, when given) whose scope
 * covers `path`: the org itself or one above it.
 *
 * @example
 * holdsRoleAt(actor, building.path, ['grid_worker', 'building_leader'])
 */
export function holdsRoleAt(actor: Actor, path: string, roles?: readonly string[]): boolean {
  return grants(actor).some((g) => ofRoles(g, roles) && covers(g, path));
}

/**
 * Whether the person holds a role (one of `roles`, when given) at `path` or
 * at an org below it — a building leader is within their compound, property
 * staff within their company — or one covering orgs there (a grid's).
 */
export function holdsRoleWithin(actor: Actor, path: string, roles?: readonly string[]): boolean {
  return grants(actor).some((g) => ofRoles(g, roles) && inside(g, path));
}

/** Whether one of the person's roles shows what happens at `path` (staff oversight; a resident's role does not). */
export function seesPath(actor: Actor, path: string): boolean {
  return grants(actor).some((g) => g.seesScope && covers(g, path));
}

/** Whether one of the person's overseeing roles is held at `path` or below it. */
export function seesWithin(actor: Actor, path: string): boolean {
  return grants(actor).some((g) => g.seesScope && inside(g, path));
}

/** The org paths the person's overseeing roles cover, each once: for list queries (`path LIKE p || '%'`). */
export function visiblePaths(actor: Actor): string[] {
  return [...new Set(grants(actor).filter((g) => g.seesScope).flatMap((g) => g.scopePaths))];
}

/** Whether the person holds an administrator role whose scope covers `path`. */
export function isAdminAt(actor: Actor, path: string): boolean {
  return grants(actor).some((g) => g.admin && covers(g, path));
}

/** The ids of the orgs where the person holds one of `roles` (a co-building unit's contact: the units they speak for). */
export function orgIdsWithRole(actor: Actor, roles: readonly string[]): string[] {
  return [...new Set(grants(actor).filter((g) => roles.includes(g.role)).map((g) => g.orgId))];
}

/** Whether the person may see a ticket, exactly as the core's ticket routes decide it. */
export function canSeeTicket(actor: Actor, ticket: TicketScope): boolean {
  return coreCanSeeTicket(actor as unknown as CoreActor, ticket);
}
