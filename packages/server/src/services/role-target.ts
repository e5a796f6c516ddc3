import { unprocessable, type Deployment } from '@linli/core';
import { getOrg, parseId, type CoreTables, type Org } from '@linli/db';
import type { Kysely } from 'kysely';

/** Where a role is to be held: its org, and its grid for roles held at a grid. Unknown roles, orgs and grids answer 422 naming the field. */
export async function resolveRoleTarget(
  db: Kysely<CoreTables>,
  deployment: Deployment,
  b: { role: string; orgId?: string | undefined; gridId?: string | undefined },
  at = '/body',
): Promise<{ org: Org; gridId: number | null }> {
  const role = deployment.roles.get(b.role);
  if (!role) throw unprocessable(`Unknown role "${b.role}".`, [{ path: `${at}/role`, message: 'unknown role', expected: [...deployment.roles.keys()].join(', ') }]);
  let orgId = b.orgId;
  let gridId: number | null = null;
  if (role.heldAt === 'grid') {
    const grid = b.gridId ? await db.selectFrom('linli_grids').select(['id', 'org_id']).where('id', '=', parseId(b.gridId) ?? -1).executeTakeFirst() : undefined;
    if (!grid) throw unprocessable(`"${b.role}" is held at a grid: give an existing gridId.`, [{ path: `${at}/gridId`, message: 'unknown or missing grid' }]);
    gridId = grid.id;
    orgId = String(grid.org_id);
  } else if (!orgId) {
    throw unprocessable(`"${b.role}" is held at an org: give orgId.`, [{ path: `${at}/orgId`, message: 'is required' }]);
  }
  const org = await getOrg(db, orgId!);
  if (!org) throw unprocessable(`There is no organization ${orgId}.`, [{ path: `${at}/orgId`, message: 'unknown organization' }]);
  // A deactivated org (停用) takes no new work, so no new role either; existing ones stay until taken away.
  if (org.deactivated) {
    const why = { 'zh-CN': `${org.name}已停用，不能在此授予角色；请先重新启用它。`, en: `${org.name} is deactivated: re-activate it before giving roles there.` };
    throw unprocessable(why, [{ path: `${at}/${gridId === null ? 'orgId' : 'gridId'}`, message: why.en, localized: why }]);
  }
  return { org, gridId };
}
