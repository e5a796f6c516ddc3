import { pathIds } from '@linli/core';
import type { Kysely } from 'kysely';
import type { CoreTables } from '../schema.js';

/**
 * Whether any enabled person holds one of `roles` over the org at `orgPath`:
 * at that org or one above it, or through a grid covering one of them. Used
 * before a ticket is handed to an org, so it never lands where nobody can
 * take the next step (a pothole routed to a unit without accounts).
 */
export async function someoneHoldsRoleOver(db: Kysely<CoreTables>, orgPath: string, roles: readonly string[]): Promise<boolean> {
  if (roles.length === 0) return false;
  const ids = pathIds(orgPath).map(Number);
  if (ids.length === 0) return false;
  const row = await db
    .selectFrom('linli_role_assignments as ra')
    .innerJoin('linli_people as p', 'p.id', 'ra.person_id')
    .select('ra.person_id')
    .where('p.disabled_at', 'is', null)
    .where('ra.role', 'in', [...roles])
    .where((eb) =>
      eb.or([
        eb.and([eb('ra.org_id', 'in', ids), eb('ra.grid_id', 'is', null)]),
        eb('ra.grid_id', 'in', eb.selectFrom('linli_grid_orgs').select('grid_id').where('org_id', 'in', ids)),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
