import { findOrg, personIdOf, localize, notFound, unprocessable, type Actor, type Ticket } from '@linli/sdk';
import { fail } from '../errors.js';
import type { ClaimInput, FulfilInput, WishData } from '../forms/wish.js';
import { seesPath, staffScopes, unitsOf } from '../permissions.js';
import { parseId, type Db } from '../store/tables.js';
import { WISH_WORKFLOW, wishStateTitles } from '../workflows/wish.js';
import { award } from './ledger.js';
import { compoundOf, type Env } from './env.js';
import { registrationsOf } from './members.js';

/** afterCreate: a wish is posted at a compound that takes part; its read model row starts here. */
export async function wishCreated(env: Env, ticket: Ticket): Promise<void> {
  const compound = await compoundOf(env, ticket.orgId, '/orgId');
  const data = ticket.data as WishData;
  await env.db
    .insertInto('volunteer_points_wishes')
    .values({
      ticket_id: Number(ticket.id),
      ticket_version: ticket.version,
      compound_org_id: compound.id,
      compound_path: compound.path,
      title: ticket.title,
      category: data.category,
      state: ticket.state,
      poster_id: Number(ticket.reporterId),
      posted_at: env.now,
    })
    .execute();
}

async function lockWish(db: Db, id: string) {
  const n = parseId(id);
  return n === null ? undefined : db.selectFrom('volunteer_points_wishes').selectAll().where('ticket_id', '=', n).forUpdate().executeTakeFirst();
}

/** The co-building units' host orgs (the node each unit is attached to): a unit claims wishes under its host. */
async function unitHost(db: Db, unitOrgId: number) {
  return db
    .selectFrom('linli_orgs as u')
    .innerJoin('linli_orgs as h', 'h.id', 'u.parent_id')
    .select(['u.id', 'u.name', 'u.type', 'h.path as host_path'])
    .where('u.id', '=', unitOrgId)
    .executeTakeFirst();
}

async function personName(db: Db, id: number | null): Promise<string> {
  if (id === null) return '';
  const p = await db.selectFrom('linli_people').select('display_name').where('id', '=', id).executeTakeFirst();
  return p?.display_name ?? '';
}

/**
 * 认领: locks the wish to one claimant. The wish row is locked FOR UPDATE first,
 * so of two claims at once the second waits, then finds it taken (409).
 * Members claim in the community of a compound they registered with; a unit's
 * contact claims under the node the unit is attached to. Elsewhere the wish
 * answers 404, as if it did not exist.
 */
export async function claim(env: Env, actor: Actor, id: string, input: ClaimInput): Promise<Ticket> {
  const me = personIdOf(actor);
  const forUnit = input.as === '共建单位';
  const regs = forUnit ? [] : await registrationsOf(env.db, me);
  if (!forUnit && regs.length === 0) throw fail('VP_ERR_NOT_REGISTERED', []);
  let unit: Awaited<ReturnType<typeof unitHost>>;
  if (forUnit) {
    const unitId = parseId(input.unitOrgId);
    if (unitId === null) throw unprocessable('Choose the co-building unit you claim for.', [{ path: '/unitOrgId', message: 'required when claiming for a unit' }]);
    unit = await unitHost(env.db, unitId);
    if (!unit || unit.type !== 'co_building_unit') throw unprocessable(`Organization ${input.unitOrgId} is not a co-building unit (共建单位).`, [{ path: '/unitOrgId', message: 'not a co-building unit' }]);
    if (!unitsOf(actor).includes(String(unit.id))) throw fail('VP_ERR_NOT_UNIT_CONTACT', [unit.name]);
  }
  const wish = await lockWish(env.db, id);
  const reachable = wish && (forUnit ? wish.compound_path.startsWith(unit!.host_path) : regs.some((r) => wish.compound_path.startsWith(r.community_path)));
  if (!wish || !reachable) throw notFound(`Wish ${id}`);
  if (wish.state === 'claimed' || wish.state === 'fulfilled') {
    throw fail('VP_ERR_WISH_TAKEN', [(await unitName(env.db, wish.claimant_unit_org_id)) ?? (await personName(env.db, wish.claimant_person_id))]);
  }
  if (wish.state !== 'posted') {
    const title = localize(wishStateTitles.get(wish.state), 'zh-CN');
    throw fail('VP_ERR_WISH_CLOSED', [title, wish.state]);
  }
  // The member's registration in the wish's own compound if any, else one in its community.
  const member = forUnit ? undefined : (regs.find((r) => r.compound_org_id === wish.compound_org_id) ?? regs.find((r) => wish.compound_path.startsWith(r.community_path)));
  await env.db
    .updateTable('volunteer_points_wishes')
    .set({ claimant_person_id: me, claimant_member_id: member?.id ?? null, claimant_unit_org_id: forUnit ? unit!.id : null, claimed_at: env.now })
    .where('ticket_id', '=', wish.ticket_id)
    .execute();
  // The core shows a posted wish only to its poster and staff; the `claim`
  // step is open to members enrolled in the wish's community and to units
  // attached above it, which the core checks itself (workflows/wish.ts).
  return env.ctx.tickets.transition(env.trx, actor, String(wish.ticket_id), {
    action: 'claim',
    version: wish.ticket_version,
    data: input,
  });
}

async function unitName(db: Db, id: number | null): Promise<string | undefined> {
  if (id === null) return undefined;
  return (await findOrg(db, String(id)))?.name;
}

/**
 * 实现: only the claimant records the fulfilment (with photos). Someone who can
 * see the wish but did not claim it gets VP_ERR_NOT_CLAIMANT; anyone else 404.
 */
export async function fulfil(env: Env, actor: Actor, id: string, input: FulfilInput): Promise<Ticket> {
  const me = personIdOf(actor);
  const wish = await lockWish(env.db, id);
  const regs = await registrationsOf(env.db, me);
  const sees = wish && (wish.claimant_person_id === me || wish.poster_id === me || seesPath(actor, wish.compound_path) || regs.some((r) => wish.compound_path.startsWith(r.community_path)));
  if (!wish || !sees) throw notFound(`Wish ${id}`);
  if (wish.state !== 'claimed') throw fail('VP_ERR_NOT_CLAIMED', [localize(wishStateTitles.get(wish.state), 'zh-CN')]);
  if (wish.claimant_person_id !== me) throw fail('VP_ERR_NOT_CLAIMANT', [(await unitName(env.db, wish.claimant_unit_org_id)) ?? (await personName(env.db, wish.claimant_person_id))]);
  return env.ctx.tickets.transition(env.trx, actor, String(wish.ticket_id), { action: 'fulfil', version: wish.ticket_version, data: input });
}

/** beforeTransition: nobody verifies a wish they claimed and fulfilled themself. */
export async function checkVerifier(env: Env, actor: Actor, ticket: Ticket): Promise<void> {
  const wish = await lockWish(env.db, ticket.id);
  if (wish && wish.claimant_person_id === personIdOf(actor)) throw fail('VP_ERR_OWN_FULFILMENT', [], [{ path: '/action', message: 'you fulfilled this wish' }]);
}

/** beforeTransition: a `claim` step taken anywhere but the claim route (the core's transition API) finds no claimant recorded, and is refused. */
export async function checkClaimant(env: Env, actor: Actor, ticket: Ticket): Promise<void> {
  const wish = await lockWish(env.db, ticket.id);
  if (!wish || wish.claimant_person_id !== personIdOf(actor)) throw fail('VP_ERR_CLAIM_ON_BOARD', []);
}

/** afterTransition: the read model follows the ticket; a verified wish earns its claimant points, in the same transaction. */
export async function wishMoved(env: Env, actor: Actor, action: string, updated: Ticket): Promise<void> {
  const id = Number(updated.id);
  const stamp: Record<string, Date> = {};
  if (action === 'fulfil') stamp.fulfilled_at = env.now;
  if (action === 'verify') stamp.verified_at = env.now;
  const cleared = action === 'release' ? { claimant_person_id: null, claimant_member_id: null, claimant_unit_org_id: null, claimed_at: null } : {};
  await env.db
    .updateTable('volunteer_points_wishes')
    .set({ state: updated.state, ticket_version: updated.version, ...stamp, ...cleared })
    .where('ticket_id', '=', id)
    .execute();
  if (action !== 'verify') return;
  const wish = await env.db.selectFrom('volunteer_points_wishes').selectAll().where('ticket_id', '=', id).executeTakeFirstOrThrow();
  const account = wish.claimant_unit_org_id !== null ? { unitOrgId: wish.claimant_unit_org_id } : wish.claimant_member_id !== null ? { memberId: wish.claimant_member_id } : null;
  if (!account) return;
  // A member's points count at their registered compound (its ranking); a unit's at the wish's compound.
  const memberId = wish.claimant_unit_org_id === null ? wish.claimant_member_id : null;
  const member = memberId !== null ? await env.db.selectFrom('volunteer_points_members').select(['compound_org_id', 'compound_path']).where('id', '=', memberId).executeTakeFirstOrThrow() : null;
  await award(env, {
    account,
    orgId: member?.compound_org_id ?? wish.compound_org_id,
    orgPath: member?.compound_path ?? wish.compound_path,
    kind: 'wish',
    points: env.settings.pointsPerWish,
    ticketId: id,
    occurredAt: env.now,
    note: wish.title,
    by: personIdOf(actor),
  });
}

export type WishView = 'scope' | 'board' | 'mine';

/**
 * Wishes as a list: `board` (心愿墙) the posted wishes a member or unit may
 * claim; `mine` those the actor posted or claimed; `scope` (staff) every wish
 * in their scope.
 */
export async function listWishes(env: Env, actor: Actor, view: WishView, within?: string, state?: string) {
  const me = personIdOf(actor);
  let paths: string[] = [];
  if (view === 'board') {
    const regs = await registrationsOf(env.db, me);
    const units = unitsOf(actor).map(Number);
    const hosts = units.length
      ? await env.db.selectFrom('linli_orgs as u').innerJoin('linli_orgs as h', 'h.id', 'u.parent_id').select('h.path').where('u.id', 'in', units).where('u.type', '=', 'co_building_unit').execute()
      : [];
    paths = [...regs.map((r) => r.community_path), ...hosts.map((h) => h.path), ...staffScopes(actor)];
  } else if (view === 'scope') paths = staffScopes(actor);
  let q = env.db
    .selectFrom('volunteer_points_wishes as w')
    .innerJoin('linli_orgs as c', 'c.id', 'w.compound_org_id')
    .innerJoin('linli_people as p', 'p.id', 'w.poster_id')
    .leftJoin('linli_people as cp', 'cp.id', 'w.claimant_person_id')
    .leftJoin('linli_orgs as u', 'u.id', 'w.claimant_unit_org_id')
    .select(['w.ticket_id', 'w.title', 'w.category', 'w.state', 'w.posted_at', 'w.claimed_at', 'w.verified_at', 'w.compound_org_id', 'w.compound_path', 'c.name as compound_name', 'p.display_name as poster_name', 'w.poster_id'])
    .select(['cp.display_name as claimant_name', 'u.name as unit_name']);
  if (view === 'mine') q = q.where((eb) => eb.or([eb('w.poster_id', '=', me), eb('w.claimant_person_id', '=', me)]));
  else if (!paths.length) return [];
  else q = q.where((eb) => eb.or(paths.map((p) => eb('w.compound_path', 'like', `${p}%`))));
  if (view === 'board') q = q.where('w.state', '=', 'posted');
  if (state) q = q.where('w.state', '=', state);
  if (within) q = q.where('w.compound_path', 'like', `${within}%`);
  const rows = await q.orderBy('w.posted_at', 'desc').orderBy('w.ticket_id', 'desc').limit(500).execute();
  return rows.map((r) => ({
    id: String(r.ticket_id),
    ticketId: String(r.ticket_id),
    title: r.title,
    category: r.category,
    state: r.state,
    stateTitle: localize(wishStateTitles.get(r.state), 'zh-CN'),
    compoundOrgId: String(r.compound_org_id),
    compoundName: r.compound_name,
    // Residents' names stay off the public board; staff and the poster see them.
    posterName: view === 'board' && r.poster_id !== me && !seesPath(actor, r.compound_path) ? '' : r.poster_name,
    claimant: r.unit_name ?? r.claimant_name ?? null,
    postedAt: r.posted_at.toISOString(),
    claimedAt: r.claimed_at?.toISOString() ?? null,
    verifiedAt: r.verified_at?.toISOString() ?? null,
  }));
}

export { WISH_WORKFLOW };
