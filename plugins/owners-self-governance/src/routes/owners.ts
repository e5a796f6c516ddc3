import { localDateTime, notFound, requireActor, responseRecord as record, type PluginApp, type PluginContext } from '@linli/sdk';
import { fail, untickedConfirm } from '../errors.js';
import { ownerSchema, removeOwnerSchema, type OwnerInput, type RemoveOwnerInput } from '../forms/unit.js';
import { maskName } from '../mask.js';
import { canConvene } from '../permissions.js';
import { reading, writing, personOf, type Env } from '../service/env.js';
import { effectsText, endWhatRemovalEnds, removalEffects } from '../service/former-owner.js';
import { addOwner, ownersOf, removeOwner } from '../store/units.js';
import { created, doc, errors, idParams, items, writeErrors } from './schemas.js';
import { unitFor } from './unit-access.js';

const ownerParams = { type: 'object', properties: { id: idParams.properties.id, ownerId: idParams.properties.id }, required: ['id', 'ownerId'], additionalProperties: false } as const;
const recordFields = { id: 'string', unitId: 'string', unit: 'string', name: 'string', status: 'string', statusTitle: 'string', linked: 'string', removedAt: ['string', 'null'], removedBy: ['string', 'null'], reason: ['string', 'null'] } as const;
const ownerRecord = record(recordFields);
/** One record above the removal form: with what its removal does to the owners' committee (a seat, a candidacy), said beforehand; empty when nothing. */
const ownerDetail = record({ ...recordFields, committee: 'string' });
/** The removal's answer: what it ended besides (a seat that ended, a candidacy), one sentence each. */
const removalDone = { type: 'object', properties: { id: { type: 'string' }, ended: { type: 'array', items: { type: 'string' } }, notice: { type: 'string' } }, required: ['id', 'ended', 'notice'] } as const;

/**
 * A unit's owners as staff keep them (业主名册 → a unit): those on the roll,
 * and those taken off it with who, when and why — the record of a removal.
 * Conveners add an owner (a buyer, a co-owner) and remove one; the row is
 * never deleted, so ballots, frozen electorates and nominations keep it.
 */
export function ownerRoutes(app: PluginApp, ctx: PluginContext): void {
  const offset = ctx.deployment.calendar.utcOffsetHours;

  app.get<{ Params: { id: string } }>('/units/:id/owner-records', { config: { policy: 'authenticated' }, schema: { ...doc('A unit’s owners, current and removed (names masked; who removed one, when and why)'), params: idParams, response: { 200: items(ownerRecord), ...errors } } }, async (req) => {
    const env = reading(ctx);
    const unit = await unitFor(env, requireActor(req), req.params.id);
    return { items: await recordsOf(env, unit, offset) };
  });

  app.get<{ Params: { id: string; ownerId: string } }>('/units/:id/owners/:ownerId', { config: { policy: 'authenticated' }, schema: { ...doc('One owner record of a unit (name masked), shown above the removal form'), params: ownerParams, response: { 200: ownerDetail, ...errors } } }, async (req) => {
    const env = reading(ctx);
    const unit = await unitFor(env, requireActor(req), req.params.id);
    const one = (await recordsOf(env, unit, offset)).find((r) => r.id === req.params.ownerId);
    if (!one) throw notFound(`Owner ${req.params.ownerId}`);
    // A member of the sitting committee, or a candidate, is told beforehand what the removal ends (指导规则第三十七条).
    const committee = one.status === 'current' ? effectsText(await removalEffects(env, Number(one.id)), false).join('；') : '';
    return { ...one, committee };
  });

  app.post<{ Params: { id: string }; Body: OwnerInput }>('/units/:id/owners', { config: { policy: 'authenticated' }, schema: { ...doc('Register another owner of a unit (a buyer after a sale, a co-owner)'), params: idParams, body: ownerSchema, response: { 201: created, ...writeErrors } } }, async (req, reply) => {
    const actor = requireActor(req);
    const id = await writing(ctx, async (env) => {
      const unit = await unitFor(env, actor, req.params.id, { forUpdate: true });
      if (!canConvene(actor, unit.building_path)) throw fail('OSG_ERR_NOT_CONVENER', [unit.name]);
      const name = req.body.ownerName.trim();
      if ((await ownersOf(env.db, [unit.id])).some((o) => o.name === name)) throw fail('OSG_ERR_OWNER_EXISTS', [], [{ path: '/ownerName', message: 'already an owner of this unit' }]);
      return addOwner(env.db, { unitId: unit.id, name, phone: req.body.ownerPhone ?? null, personId: null, ownerNo: req.body.ownerNo ?? null });
    });
    return reply.status(201).send({ id: String(id) });
  });

  app.post<{ Params: { id: string; ownerId: string }; Body: RemoveOwnerInput }>('/units/:id/owners/:ownerId/removal', { config: { policy: 'authenticated' }, schema: { ...doc('Take an owner off the roll, with the reason (kept, never deleted: ballots cast and frozen electorates keep it); the committee seat or candidacy of someone no longer an owner of the compound ends with it'), params: ownerParams, body: removeOwnerSchema, response: { 201: removalDone, ...writeErrors } } }, async (req, reply) => {
    const actor = requireActor(req);
    const ended = await writing(ctx, async (env) => {
      const unit = await unitFor(env, actor, req.params.id, { forUpdate: true });
      if (!canConvene(actor, unit.building_path)) throw fail('OSG_ERR_NOT_CONVENER', [unit.name]);
      const current = await ownersOf(env.db, [unit.id]);
      const owner = current.find((o) => String(o.id) === req.params.ownerId);
      if (!owner) throw notFound(`Owner ${req.params.ownerId}`);
      if (!req.body.confirm) throw fail('OSG_ERR_REMOVAL_NOT_CONFIRMED', [], untickedConfirm);
      // A unit with no owner would still count in every new vote's area and headcount, with nobody to cast its ballot.
      if (current.length === 1) throw fail('OSG_ERR_LAST_OWNER', [`${unit.name}${unit.room}`]);
      // In the same transaction: a seat on the committee, or a candidacy, of someone who is no longer an owner of the compound ends.
      const effects = await removalEffects(env, owner.id, { lock: true });
      await removeOwner(env.db, { ownerId: owner.id, by: personOf(actor), at: env.now, reason: req.body.reason.trim() });
      await endWhatRemovalEnds(env, effects, { ownerId: owner.id, by: personOf(actor) });
      return effectsText(effects, true);
    });
    // `notice`: the same, as the web app shows it after 已保存.
    return reply.status(201).send({ id: req.params.ownerId, ended, notice: ended.join('；') });
  });
}

/** Every owner record of the unit, current first, then removed (newest removal first); names masked. */
async function recordsOf(env: Env, unit: { id: number; name: string; room: string }, offset: number) {
  const rows = await env.db
    .selectFrom('owners_self_governance_owners as w')
    .leftJoin('linli_people as p', 'p.id', 'w.removed_by')
    .select(['w.id', 'w.name', 'w.person_id', 'w.removed_at', 'w.removal_reason', 'p.display_name as remover'])
    .where('w.unit_id', '=', unit.id)
    .orderBy('w.id')
    .execute();
  const current = rows.filter((r) => r.removed_at === null);
  const removed = rows.filter((r) => r.removed_at !== null).sort((a, b) => new Date(b.removed_at!).getTime() - new Date(a.removed_at!).getTime());
  return [...current, ...removed].map((r) => ({
    id: String(r.id),
    unitId: String(unit.id),
    unit: `${unit.name}${unit.room}`,
    name: maskName(r.name),
    status: r.removed_at === null ? 'current' : 'removed',
    statusTitle: r.removed_at === null ? '在册' : '已移除',
    linked: r.person_id ? '已关联' : '',
    removedAt: r.removed_at === null ? null : localDateTime(new Date(r.removed_at), offset),
    removedBy: r.remover ?? null,
    reason: r.removal_reason,
  }));
}
