import { isAdminFor, LinliError, type Actor } from '@linli/core';
import type { CoreTables, Person } from '@linli/db';
import type { Kysely } from 'kysely';
import { announceAuthChange } from '../auth/sessions.js';

/**
 * The account lifecycle shared by the routes, the CLI and the spreadsheet
 * import: who administers a person, ending every session of a person, and the
 * guard that keeps at least one enabled administrator at the root of the city.
 */

/** The root org's path (`/<id>/`): roles held there are city-wide. */
export async function rootPath(db: Kysely<CoreTables>): Promise<string | null> {
  const row = await db.selectFrom('linli_orgs').select('path').where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
  return row?.path ?? null;
}

/**
 * An administrator manages a person when they administer every org the
 * person holds a role at: an admin of one community cannot disable someone
 * who also works for another. A person without roles belongs to the city's
 * administrators only.
 */
export function administers(actor: Actor, person: Pick<Person, 'roles'>, root: string | null): boolean {
  if (person.roles.length === 0) return root !== null && isAdminFor(actor, root);
  return person.roles.every((r) => isAdminFor(actor, r.orgPath));
}

export function assertAdministers(actor: Actor, person: Pick<Person, 'roles' | 'name'>, root: string | null): void {
  if (!administers(actor, person, root)) throw new LinliError('LINLI_ERR_FORBIDDEN', [`you do not administer every organization where ${person.name} holds a role`]);
}

/** Ends every live session of a person, on this instance and (through NOTIFY on commit) on all others. Run in the change's transaction. */
export async function endAllSessions(trx: Kysely<CoreTables>, personId: number, now: Date, exceptSessionId?: string): Promise<number> {
  let q = trx.updateTable('linli_sessions').set({ revoked_at: now }).where('person_id', '=', personId).where('revoked_at', 'is', null).where('expires_at', '>', now);
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
  const rows = await q.returning('id').execute();
  for (const r of rows) await announceAuthChange(trx, { kind: 'session', sessionId: r.id });
  return rows.length;
}

/**
 * Refuses a change that leaves no enabled person holding an administrator
 * role at the root org. `adminRoles` are the deployment's admin role ids;
 * `leaving` are the people about to be disabled, `droppedGrants` the role
 * assignments about to be removed. Call it inside the change's transaction
 * after locking (the caller's `for update` on the person rows).
 */
export async function assertCityKeepsAdmin(
  trx: Kysely<CoreTables>,
  o: { adminRoles: string[]; leaving?: number[]; droppedGrants?: number[] },
): Promise<void> {
  if (o.adminRoles.length === 0) return;
  const holders = await trx
    .selectFrom('linli_role_assignments as ra')
    .innerJoin('linli_orgs as o', 'o.id', 'ra.org_id')
    .innerJoin('linli_people as p', 'p.id', 'ra.person_id')
    .select(['ra.id', 'ra.person_id', 'o.name'])
    .where('o.parent_id', 'is', null)
    .where('ra.role', 'in', o.adminRoles)
    .where('p.disabled_at', 'is', null)
    .execute();
  const leaving = new Set(o.leaving ?? []);
  const dropped = new Set(o.droppedGrants ?? []);
  const remaining = holders.filter((h) => !leaving.has(h.person_id) && !dropped.has(h.id));
  // A city that has no administrator yet (a fresh database) is not made worse by the change.
  if (holders.length > 0 && remaining.length === 0) throw new LinliError('LINLI_ERR_LAST_ADMIN', [holders[0]!.name]);
}
