import { notFound, requireActor, visiblePaths, type PluginApp, type PluginContext } from '@linli/sdk';
import { parseArea } from '../art278.js';
import { fail } from '../errors.js';
import { linkSchema, unitSchema, type LinkInput, type UnitInput } from '../forms/unit.js';
import { maskName } from '../mask.js';
import { canConvene, canOversee } from '../permissions.js';
import { orgById, reading, writing } from '../service/env.js';
import { unitViews } from '../service/views.js';
import { addOwner, addUnit, unitsUnder } from '../store/units.js';
import { created, doc, errors, idParams, items, orgQuery, unitItem, writeErrors } from './schemas.js';
import { unitFor } from './unit-access.js';
import { responseRecord, parseId } from '@linli/sdk';

/** The roll of property units and owners 业主名册 (owners masked). */
export function unitRoutes(app: PluginApp, ctx: PluginContext): void {
  app.get<{ Querystring: { orgId?: string } }>('/units', { config: { policy: 'authenticated' }, schema: { ...doc('Property units in my scope with their masked owners'), querystring: orgQuery, response: { 200: items(unitItem), ...errors } } }, async (req) => {
    const env = reading(ctx);
    const actor = requireActor(req);
    let paths = visiblePaths(actor);
    if (req.query.orgId) {
      const org = await orgById(env, req.query.orgId);
      if (!canOversee(actor, org.path)) throw notFound(`Organization ${req.query.orgId}`);
      paths = [org.path];
    }
    const rows = (await Promise.all(paths.map((p) => unitsUnder(env.db, p)))).flat();
    return { items: await unitViews(env.db, rows) };
  });

  app.post<{ Body: UnitInput }>('/units', { config: { policy: 'authenticated' }, schema: { ...doc('Register a property unit with its area and owners'), body: unitSchema, response: { 201: created, ...writeErrors } } }, async (req, reply) => {
    const actor = requireActor(req);
    const b = req.body;
    const id = await writing(ctx, async (env) => {
      const building = await orgById(env, b.buildingOrgId);
      if (!canOversee(actor, building.path)) throw notFound(`Organization ${b.buildingOrgId}`);
      if (!canConvene(actor, building.path)) throw fail('OSG_ERR_NOT_CONVENER', [building.name]);
      if (building.type !== 'building') throw fail('OSG_ERR_NOT_BUILDING', [building.name], [{ path: '/buildingOrgId', message: 'choose a building' }]);
      let areaCenti: number;
      try {
        areaCenti = parseArea(b.area);
      } catch {
        throw fail('OSG_ERR_BAD_AREA', [b.area], [{ path: '/area', message: 'square metres, two decimals at most' }]);
      }
      if (areaCenti <= 0) throw fail('OSG_ERR_BAD_AREA', [b.area], [{ path: '/area', message: 'must be more than zero' }]);
      const unitId = await addUnit(env.db, { buildingOrgId: building.id, buildingPath: building.path, room: b.room.trim(), areaCenti, partyMemberHousehold: b.partyMemberHousehold ?? false, developerHeld: b.developerHeld ?? false, now: env.now });
      if (unitId < 0) throw fail('OSG_ERR_UNIT_EXISTS', [building.name, b.room]);
      await addOwner(env.db, { unitId, name: b.ownerName.trim(), phone: b.ownerPhone ?? null, personId: null, ownerNo: b.ownerNo ?? null });
      // Each co-owner once (a name typed twice, or the owner again, is the same person on the roll).
      const coOwners = new Set((b.coOwners ?? '').split(/[、,，]/).map((s) => s.trim()).filter(Boolean));
      coOwners.delete(b.ownerName.trim());
      for (const co of coOwners) await addOwner(env.db, { unitId, name: co, phone: null, personId: null });
      return unitId;
    });
    return reply.status(201).send({ id: String(id) });
  });

  app.get<{ Params: { id: string } }>('/units/:id/owners', { config: { policy: 'authenticated' }, schema: { ...doc('The owners of a unit (masked), for linking an account'), params: idParams, response: { 200: items(responseRecord({ id: 'string', name: 'string', linked: 'string' })), ...errors } } }, async (req) => {
    const env = reading(ctx);
    const unit = await unitFor(env, requireActor(req), req.params.id);
    const rows = await env.db.selectFrom('owners_self_governance_owners').select(['id', 'name', 'person_id']).where('unit_id', '=', unit.id).where('removed_at', 'is', null).orderBy('id').execute();
    return { items: rows.map((r) => ({ id: String(r.id), name: maskName(r.name), linked: r.person_id ? '已关联' : '' })) };
  });

  app.post<{ Params: { id: string }; Body: LinkInput }>('/units/:id/account', { config: { policy: 'authenticated' }, schema: { ...doc('Link an owner of the unit to the account they log in with (a person holding a role in the compound)'), params: idParams, body: linkSchema, response: { 201: created, ...writeErrors } } }, async (req, reply) => {
    const actor = requireActor(req);
    await writing(ctx, async (env) => {
      const unit = await unitFor(env, actor, req.params.id);
      if (!canConvene(actor, unit.building_path)) throw fail('OSG_ERR_NOT_CONVENER', [unit.name]);
      const owner = await env.db.selectFrom('owners_self_governance_owners').select('id').where('id', '=', parseId(req.body.ownerId) ?? -1).where('unit_id', '=', unit.id).where('removed_at', 'is', null).executeTakeFirst();
      if (!owner) throw notFound(`Owner ${req.body.ownerId}`);
      // The account must belong to someone who lives or serves in the unit's compound: its path is the building's parent.
      const compoundPath = unit.building_path.slice(0, unit.building_path.slice(0, -1).lastIndexOf('/') + 1);
      const person = await env.db
        .selectFrom('linli_role_assignments as r')
        .innerJoin('linli_orgs as o', 'o.id', 'r.org_id')
        .select('r.person_id')
        .where('r.person_id', '=', parseId(req.body.personId) ?? -1)
        .where('o.path', 'like', `${compoundPath}%`)
        .executeTakeFirst();
      if (!person) throw fail('OSG_ERR_NOT_RESIDENT', [], [{ path: '/personId', message: 'no role in this compound' }]);
      await env.db.updateTable('owners_self_governance_owners').set({ person_id: person.person_id }).where('id', '=', owner.id).execute();
    });
    return reply.status(201).send({ id: req.body.ownerId });
  });
}
