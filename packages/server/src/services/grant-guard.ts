import { grantRefusal, grantRefusalText, LinliError, parentPath, type Actor, type Deployment, type GrantReach, type RoleDefinition } from '@linli/core';
import type { CoreTables } from '@linli/db';
import type { Kysely } from 'kysely';

/** A role assignment as it is (or would be) stored: the role, its org, and its grid for a grid role. */
export interface GrantTarget {
  role: string;
  orgId: number | string;
  gridId: number | string | null;
}

/**
 * The one guard every way of giving or taking away a role passes through —
 * inviting a person with a first role, granting and revoking a role, the
 * administration page's spreadsheet import (which checks its rows with
 * `grantRefusal` on the paths it plans). The rule itself is core's
 * `grantRefusal`; here the assignment's reach is read from the database.
 * The CLI, seeding and resident self-registration grant as the system and
 * do not come here.
 */
export async function assertMayGrant(db: Kysely<CoreTables>, deployment: Deployment, actor: Actor, target: GrantTarget): Promise<void> {
  const role = roleOf(deployment, target.role);
  const { reach, place } = await grantReach(db, role, target);
  const refusal = grantRefusal(actor, role, reach, deployment.roles);
  if (refusal) throw new LinliError('LINLI_ERR_GRANT_ABOVE_OWN', [role.title, place, grantRefusalText[refusal]]);
}

/** A role the config no longer defines still names itself, with no powers: only its scope is checked. */
export function roleOf(deployment: Deployment, id: string): RoleDefinition {
  return deployment.roles.get(id) ?? { id, title: { 'zh-CN': id, en: id }, ticketScope: 'own' };
}

/** Every path an assignment reaches (core's GrantReach), and the name of where it is held, for the message. */
async function grantReach(db: Kysely<CoreTables>, role: RoleDefinition, t: GrantTarget): Promise<{ reach: GrantReach; place: string }> {
  const org = await db.selectFrom('linli_orgs').select(['path', 'kind', 'name']).where('id', '=', Number(t.orgId)).executeTakeFirstOrThrow();
  if (t.gridId !== null) {
    const grid = await db.selectFrom('linli_grids').select('name').where('id', '=', Number(t.gridId)).executeTakeFirstOrThrow();
    const covered = await db
      .selectFrom('linli_grid_orgs as go')
      .innerJoin('linli_orgs as o', 'o.id', 'go.org_id')
      .select('o.path')
      .where('go.grid_id', '=', Number(t.gridId))
      .execute();
    return { reach: { orgPath: org.path, scopePaths: covered.map((c) => c.path) }, place: grid.name };
  }
  // A "host" role held at a side organization acts for the org that side organization is attached to (db's toActor).
  const host = role.ticketScope === 'host' && org.kind === 'side';
  return { reach: { orgPath: org.path, scopePaths: [host ? parentPath(org.path) : org.path] }, place: org.name };
}
