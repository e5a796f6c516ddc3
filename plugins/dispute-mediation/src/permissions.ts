import { holdsRoleAt, isAdminAt, personIdOf, seesPath, type Actor } from '@linli/sdk';
import { intakeRoles } from './workflows/case.js';

/**
 * Who may do what on a case, decided from the actor's grants (the core's own
 * scope test) and the case's team. The ticket's steps are the workflow's
 * rules; the plugin's routes ask these. permissions.test.ts is the table.
 */

/** The community's mediation desk for a compound: forms teams, sees its cases. */
export function isDesk(actor: Actor, compoundPath: string): boolean {
  return holdsRoleAt(actor, compoundPath, intakeRoles) || isAdminAt(actor, compoundPath);
}

/** On this case's team (its person ids). */
export function onTeam(actor: Actor, team: readonly number[]): boolean {
  return team.includes(Number(personIdOf(actor)));
}

/** Records sessions and outcomes: the team, or the desk. */
export function mayMediate(actor: Actor, compoundPath: string, team: readonly number[]): boolean {
  return onTeam(actor, team) || isDesk(actor, compoundPath);
}

/** Reads a case's figures and sessions: the team, and staff whose scope covers the compound. */
export function maySee(actor: Actor, compoundPath: string, team: readonly number[]): boolean {
  return onTeam(actor, team) || seesPath(actor, compoundPath);
}
