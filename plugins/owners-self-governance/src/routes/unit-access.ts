import { notFound, parseId, type Actor } from '@linli/sdk';
import { canOversee } from '../permissions.js';
import type { Env } from '../service/env.js';

/** The unit if the actor oversees its building, else 404 as if it did not exist; `forUpdate` locks it (one removal at a time keeps an owner on it). */
export async function unitFor(env: Env, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  const n = parseId(id);
  let q = env.db.selectFrom('owners_self_governance_units as u').innerJoin('linli_orgs as b', 'b.id', 'u.building_org_id').select(['u.id', 'u.building_path', 'u.room', 'b.name']).where('u.id', '=', n ?? -1);
  if (opts.forUpdate) q = q.forUpdate('u');
  const unit = await q.executeTakeFirst();
  if (!unit || !canOversee(actor, unit.building_path)) throw notFound(`Unit ${id}`);
  return unit;
}
