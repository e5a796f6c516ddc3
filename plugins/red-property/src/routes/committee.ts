import { requireActor, responseRecord as record, type PluginApp, type PluginContext } from '@linli/sdk';
import { committeeState } from '../committee.js';
import { directory } from '../companies.js';
import { canSeeCompound } from '../permissions.js';
import { typed } from '../store/tables.js';
import { doc, errors, items } from './schemas.js';

const memberItem = record({ id: 'string', compoundOrgId: 'string', compoundName: 'string', name: 'string', building: 'string', role: 'string' });

/** The sitting owners' committee members of the compounds in my scope (from owners' self-governance; empty when the city does not enable it). */
export function committeeRoutes(app: PluginApp, ctx: PluginContext): void {
  app.get(
    '/committee-members',
    { config: { policy: 'authenticated' }, schema: { ...doc("Members of each compound's sitting owners' committee, for a four-party meeting's attendance"), response: { 200: items(memberItem), ...errors } } },
    async (req) => {
      const actor = requireActor(req);
      const db = typed(ctx.db);
      const out: { id: string; compoundOrgId: string; compoundName: string; name: string; building: string; role: string }[] = [];
      for (const c of (await directory(ctx, db)).compounds.filter((x) => canSeeCompound(actor, x))) {
        const state = await committeeState(ctx, ctx.db, c);
        if (state && state !== 'none' && state.sitting) out.push(...state.members.map((m) => ({ id: m.id, compoundOrgId: c.id, compoundName: c.name, name: m.name, building: m.building, role: m.role })));
      }
      return { items: out };
    },
  );
}
