import { holdsRoleAt, visiblePaths, type Actor } from '@linli/sdk';
import type { Settings } from './settings.js';

/**
 * Who may do what with visits. Kept apart from the routes so the rules read
 * as a table and permissions.test.ts can check them without a database.
 */

/** Whether the actor holds a visitor role whose scope covers the building (its own building, its grid, its community…). */
export function canVisit(actor: Actor, buildingPath: string, settings: Settings): boolean {
  return holdsRoleAt(actor, buildingPath, settings.visitorRoles as readonly string[]);
}

/**
 * The org paths whose visits the actor sees: every role that shows its whole
 * scope (staff). Residents and volunteers see only the visits they made
 * themselves: what a neighbour told a visitor is not for other residents.
 */
export function visibleScopes(actor: Actor): string[] {
  return visiblePaths(actor);
}
