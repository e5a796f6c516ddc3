import { notFound, requireActor, visiblePaths, type PluginApp, type PluginContext } from '@linli/sdk';
import { parseArea } from '../art278.js';
import { fail } from '../errors.js';
import { unitSchema, type UnitInput } from '../forms/unit.js';
import { canConvene, canOversee } from '../permissions.js';
import { orgById, reading, writing } from '../service/env.js';
import { unitViews } from '../service/views.js';
import { addOwner, addUnit, unitsUnder } from '../store/units.js';
import { created, doc, errors, items, orgQuery, unitItem, writeErrors } from './schemas.js';

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
      const unitId = await addUnit(env.db, { buildingOrgId: building.id, buildingPath: building.path, room: b.room.trim(), areaCenti, partyMemberHousehold: b.partyMemberHousehold ?? false, now: env.now });
      if (unitId < 0) throw fail('OSG_ERR_UNIT_EXISTS', [building.name, b.room]);
      await addOwner(env.db, { unitId, name: b.ownerName.trim(), phone: b.ownerPhone ?? null, personId: null });
      for (const co of (b.coOwners ?? '').split(/[、,，]/).map((s) => s.trim()).filter(Boolean)) await addOwner(env.db, { unitId, name: co, phone: null, personId: null });
      return unitId;
    });
    return reply.status(201).send({ id: String(id) });
  });
}
