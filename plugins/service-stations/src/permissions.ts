import { holdsRoleAt, isAdminAt, visiblePaths, type Actor } from '@linli/sdk';
import { keeperRoles, type Settings } from './settings.js';

/**
 * Who may do what with stations, as a table permissions.test.ts checks
 * without a database. The street inspects; the community keeps the station
 * (its staff, its duty rota) and fixes what failed.
 */

/** An inspector role (settings.inspectorRoles) whose scope covers the station's org: the street or district above it. */
export function canInspect(actor: Actor, stationPath: string, settings: Settings): boolean {
  return holdsRoleAt(actor, stationPath, settings.inspectorRoles);
}

/** The station's community staff, its compound's branch secretary, or an administrator over it. */
export function canKeep(actor: Actor, stationPath: string): boolean {
  return holdsRoleAt(actor, stationPath, keeperRoles) || isAdminAt(actor, stationPath);
}

/** The org paths whose stations the actor sees: every role that oversees a scope. Residents see none. */
export function visibleScopes(actor: Actor): string[] {
  return visiblePaths(actor);
}
