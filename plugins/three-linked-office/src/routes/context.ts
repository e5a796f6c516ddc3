import type { Actor } from '@linli/sdk';
import { canSeeOffice } from '../permissions.js';
import type { Env } from '../service/env.js';
import { parseId } from '../store/meetings.js';
import { loadOffices, type Office } from '../store/offices.js';

/** The fastify instance the server mounts the plugin's routes on, under /api/plugins/three-linked-office. */

/**
 * The offices the actor may see, narrowed to those at or under `orgId` when
 * given (an unknown org narrows to nothing). Returns the org's path too, so
 * rollups stay inside it.
 */
export async function officesInScope(env: Env, actor: Actor, orgId?: string): Promise<{ offices: Office[]; within?: string }> {
  const visible = (await loadOffices(env.db)).filter((o) => canSeeOffice(actor, o));
  if (!orgId) return { offices: visible };
  const id = parseId(orgId);
  const org = id === null ? undefined : await env.db.selectFrom('linli_orgs').select('path').where('id', '=', id).executeTakeFirst();
  if (!org) return { offices: [] };
  return { offices: visible.filter((o) => o.compound.path.startsWith(org.path) || org.path.startsWith(o.compound.path)), within: org.path };
}
