import type { SeedContext } from '@linli/sdk';
import { parseArea } from './art278.js';
import { seedBuildings } from './seed-data.js';
import { envOf } from './service/env.js';
import { openVote } from './service/votes.js';
import { typed } from './store/tables.js';
import { addOwner, addUnit } from './store/units.js';

/**
 * Demo roll for the example city (seed-data.ts), and one open compound vote —
 * using the maintenance fund to replace the fire pumps — that the three owners
 * with accounts find on their portal. Buildings and people the city lacks are
 * skipped; a roll already there is kept.
 */
export async function seedOwnersSelfGovernance(ctx: SeedContext): Promise<void> {
  if (!ctx.demo) return;
  const people = new Set((ctx.deployment.config.people ?? []).map((p) => p.username));
  const db = typed(ctx.db);
  let compoundPath: string | undefined;
  for (const { building, units } of seedBuildings) {
    let orgId: string;
    try {
      orgId = await ctx.orgId(building);
    } catch {
      continue;
    }
    const org = await db.selectFrom('linli_orgs').select(['id', 'path', 'parent_id']).where('id', '=', Number(orgId)).executeTakeFirstOrThrow();
    if (await db.selectFrom('owners_self_governance_units').select('id').where('building_org_id', '=', org.id).executeTakeFirst()) continue;
    compoundPath ??= org.path.slice(0, org.path.slice(0, -1).lastIndexOf('/') + 1);
    for (const u of units) {
      const unitId = await addUnit(db, { buildingOrgId: org.id, buildingPath: org.path, room: u.room, areaCenti: parseArea(u.area), partyMemberHousehold: u.partyMemberHousehold ?? false, now: ctx.now() });
      for (const [i, name] of u.owners.entries()) {
        const account = i === 0 && u.account && people.has(u.account) ? Number(await ctx.personId(u.account)) : null;
        await addOwner(db, { unitId, name, phone: null, personId: account });
      }
    }
  }
  if (!compoundPath || !people.has('secretary.yongfu')) return;
  const compound = await db.selectFrom('linli_orgs').select('id').where('path', '=', compoundPath).executeTakeFirst();
  if (!compound) return;
  await openVote(envOf(ctx, ctx.db), await ctx.actor('secretary.yongfu'), { scopeOrgId: String(compound.id), title: '使用维修资金更换2栋、3栋消防水泵', matter: 'use-fund', days: 20 });
}
