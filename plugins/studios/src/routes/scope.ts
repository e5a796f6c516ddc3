import { parseId, type Actor } from '@linli/sdk';
import { overseesStudio } from '../permissions.js';
import { visibleStudios } from '../service/bookings.js';
import type { Env } from '../service/env.js';
import type { Studio } from '../store/studios.js';

/**
 * The studios a list shows: those the person may see, narrowed to one studio
 * or to those at or under an org (the dashboard's chosen org; an unknown org
 * narrows to nothing). `staff: true` keeps only those they oversee as staff.
 */
export async function studiosInScope(env: Env, actor: Actor, q: { orgId?: string | undefined; studioId?: string | undefined; staff?: boolean }): Promise<Studio[]> {
  let studios = await visibleStudios(env, actor);
  if (q.staff) studios = studios.filter((s) => overseesStudio(actor, s.communityPath));
  if (q.studioId) {
    const id = parseId(q.studioId);
    studios = studios.filter((s) => s.id === id);
  }
  if (q.orgId) {
    const id = parseId(q.orgId);
    const org = id === null ? undefined : await env.db.selectFrom('linli_orgs').select('path').where('id', '=', id).executeTakeFirst();
    studios = org ? studios.filter((s) => s.communityPath.startsWith(org.path) || org.path.startsWith(s.communityPath)) : [];
  }
  return studios;
}
