import { forbidden, notFound, parseId, type Actor } from '@linli/sdk';
import { fail } from '../errors.js';
import type { SlotChangeInput, SlotInput, StudioInput } from '../forms/staff.js';
import { editsStudio } from '../permissions.js';
import { overlapping, slotProblem } from '../settings.js';
import { insertSlot, insertStudio, loadStudios, type Studio } from '../store/studios.js';
import type { Env } from './env.js';

/**
 * The community secretary's side: set up a studio, add a weekly slot,
 * change a slot's capacity or take it out of service. Sessions already
 * opened keep the capacity they had; new ones take the new one.
 */

function checkSlot(slot: SlotInput, existing: Studio['slots']): void {
  const problem = slotProblem(slot);
  if (problem) throw fail('STU_ERR_BAD_SLOT', [problem, `结束时间${slot.end}应晚于开始时间${slot.start}`], [{ path: '/end', message: problem }]);
  const clash = overlapping([...existing.map((s) => ({ ...s })), slot]);
  if (clash) throw fail('STU_ERR_BAD_SLOT', ['overlaps another slot of the studio on that weekday', '与本工作室同一天的其他时段重叠'], [{ path: '/start', message: 'overlaps another slot' }]);
}

export async function createStudio(env: Env, actor: Actor, input: StudioInput): Promise<Studio> {
  const orgId = parseId(input.communityOrgId);
  const org = orgId === null ? undefined : await env.db.selectFrom('linli_orgs').select(['id', 'path', 'type', 'name']).where('id', '=', orgId).executeTakeFirst();
  if (!org || org.type !== 'community') throw notFound(`Community ${input.communityOrgId}`);
  if (!editsStudio(actor, org.path)) throw forbidden(`only the community secretary of ${org.name} may set up its studios`);
  const slot = { weekday: input.weekday, start: input.start, end: input.end, capacity: input.capacity };
  checkSlot(slot, []);
  const n = await env.db.selectFrom('studios_studios').select((eb) => eb.fn.countAll<number>().as('n')).where('community_org_id', '=', org.id).executeTakeFirstOrThrow();
  const id = await insertStudio(env.db, { key: `app-${org.id}-${Number(n.n) + 1}`, kind: input.kind, name: input.name, host: input.host, place: input.place, communityOrgId: org.id, communityPath: org.path }, env.now);
  await insertSlot(env.db, id, slot);
  return (await loadStudios(env.db, { id }))[0]!;
}

async function editable(env: Env, actor: Actor, studioId: number | null): Promise<Studio> {
  const studio = studioId === null ? undefined : (await loadStudios(env.db, { id: studioId }))[0];
  if (!studio) throw notFound(`Studio ${studioId ?? ''}`);
  if (!editsStudio(actor, studio.communityPath)) throw forbidden(`only the community secretary of ${studio.communityName} may change its studios`);
  return studio;
}

export async function addSlot(env: Env, actor: Actor, studioId: string, input: SlotInput): Promise<Studio> {
  const studio = await editable(env, actor, parseId(studioId));
  checkSlot(input, studio.slots);
  await insertSlot(env.db, studio.id, input);
  return (await loadStudios(env.db, { id: studio.id }))[0]!;
}

export async function changeSlot(env: Env, actor: Actor, slotId: string, input: SlotChangeInput): Promise<Studio> {
  const id = parseId(slotId);
  const slot = id === null ? undefined : await env.db.selectFrom('studios_slots').select(['id', 'studio_id']).where('id', '=', id).executeTakeFirst();
  if (!slot) throw notFound(`Slot ${slotId}`);
  const studio = await editable(env, actor, slot.studio_id);
  await env.db.updateTable('studios_slots').set({ capacity: input.capacity, active: input.active }).where('id', '=', slot.id).execute();
  return (await loadStudios(env.db, { id: studio.id }))[0]!;
}
