import type { SeedContext } from '@linli/sdk';
import { parseArea } from './art278.js';
import { seedFirstCommittee } from './seed-committee.js';
import { seedBuildings } from './seed-data.js';
import { envOf } from './service/env.js';
import { myPendingChecks, nominate, openElection, publish, recordCheck } from './service/committee.js';
import { closeVote, openVote, recordPaper } from './service/votes.js';
import { ballotPhoto } from './seed-photo.js';
import { typed } from './store/tables.js';
import { addOwner, addUnit } from './store/units.js';

/**
 * Demo roll for the example city (seed-data.ts), one open compound vote —
 * using the maintenance fund to replace the fire pumps — that the three owners
 * with accounts find on their portal (one owner of two units has voted on paper
 * already: the list shows 2户专有部分，按人计 1人), and history for the notice board: a
 * building's decision counted last month from paper ballots, and a vetted
 * candidate list for the owners' committee. Buildings and people the city
 * lacks are skipped; a roll already there is kept.
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
      const unitId = await addUnit(db, { buildingOrgId: org.id, buildingPath: org.path, room: u.room, areaCenti: parseArea(u.area), partyMemberHousehold: u.partyMemberHousehold ?? false, developerHeld: u.developerHeld ?? false, now: ctx.now() });
      for (const [i, name] of u.owners.entries()) {
        const account = i === 0 && u.account && people.has(u.account) ? Number(await ctx.personId(u.account)) : null;
        await addOwner(db, { unitId, name, phone: null, personId: account, ownerNo: i === 0 ? (u.ownerNo ?? null) : null });
      }
    }
  }
  if (!compoundPath || !people.has('secretary.yongfu')) return;
  const compound = await db.selectFrom('linli_orgs').select('id').where('path', '=', compoundPath).executeTakeFirst();
  if (!compound) return;
  const secretary = await ctx.actor('secretary.yongfu');
  await seedPaperDecision(ctx, db);
  await seedFirstCommittee(ctx, db, String(compound.id), people);
  await seedVettedCandidate(ctx, db, String(compound.id), people);
  const fundVote = String(await openVote(envOf(ctx, ctx.db), secretary, { scopeOrgId: String(compound.id), title: '使用维修资金更换2栋、3栋消防水泵', matter: 'use-fund', days: 20 }));
  await seedOneOwnersBallot(ctx, db, fundVote);
}

/** 吕建军 has voted on paper for his two units in building 3: one ballot, two units, one person in the count (2户专有部分，按人计 1人). */
async function seedOneOwnersBallot(ctx: SeedContext, db: ReturnType<typeof typed>, voteId: string): Promise<void> {
  const unit = await db
    .selectFrom('owners_self_governance_owners as o')
    .innerJoin('owners_self_governance_electorate as e', 'e.unit_id', 'o.unit_id')
    .select('o.unit_id')
    .where('e.vote_id', '=', Number(voteId))
    .where('o.owner_no', '=', 'HP-3-101')
    .orderBy('o.unit_id')
    .executeTakeFirst();
  if (!unit) return;
  const photo = await ctx.photo('secretary.yongfu', ballotPhoto(), 'image/png');
  await recordPaper(envOf(ctx, ctx.db), await ctx.actor('secretary.yongfu'), voteId, { unitId: String(unit.unit_id), choice: 'yes', photos: [photo] });
}

/** Last month, building 2 decided on paper to renew the property contract: five of six units voted yes. */
async function seedPaperDecision(ctx: SeedContext, db: ReturnType<typeof typed>): Promise<void> {
  let buildingId: string;
  try {
    buildingId = await ctx.orgId('hepan-b2');
  } catch {
    return;
  }
  const units = await db.selectFrom('owners_self_governance_units').select('id').where('building_org_id', '=', Number(buildingId)).orderBy('id').execute();
  if (units.length === 0) return;
  const opened = new Date(ctx.now().getTime() - 40 * 86_400_000);
  await ctx.at(opened, async () => {
    const env = envOf(ctx, ctx.db);
    const secretary = await ctx.actor('secretary.yongfu');
    const voteId = String(await openVote(env, secretary, { scopeOrgId: buildingId, title: '2栋续聘安居物业（2027—2029年）', matter: 'hire-property', days: 15 }));
    for (const [i, unit] of units.entries()) {
      if (i === units.length - 1) break; // one unit did not vote
      const photo = await ctx.photo('secretary.yongfu', ballotPhoto(), 'image/png');
      await recordPaper(env, secretary, voteId, { unitId: String(unit.id), choice: 'yes', photos: [photo] });
    }
    await closeVote(env, secretary, voteId);
  });
}

/**
 * The second election (换届): four owners nominated for three seats (差额), every
 * item of the negative list checked by its department, the list published.
 */
async function seedVettedCandidate(ctx: SeedContext, db: ReturnType<typeof typed>, compoundId: string, people: Set<string>): Promise<void> {
  const owner = await db
    .selectFrom('owners_self_governance_owners as o')
    .innerJoin('owners_self_governance_units as u', 'u.id', 'o.unit_id')
    .select('o.id')
    .where('o.person_id', 'is not', null)
    .orderBy('o.id')
    .executeTakeFirst();
  if (!owner) return;
  const others = await db.selectFrom('owners_self_governance_owners').select('id').where('name', 'in', ['周建华', '冯志刚', '陈玉兰']).where('person_id', 'is', null).orderBy('id').execute();
  const started = new Date(ctx.now().getTime() - 20 * 86_400_000);
  await ctx.at(started, async () => {
    const env = envOf(ctx, ctx.db);
    const secretary = await ctx.actor('secretary.yongfu');
    const electionId = String(await openElection(env, secretary, { compoundOrgId: compoundId, title: '河畔家园第二届业主委员会换届', preparatoryGroup: '街道、社区、业主代表共7人', seats: 3 }));
    await nominate(env, secretary, electionId, { ownerId: String(owner.id), nomination: '本人自荐' });
    for (const o of others) await nominate(env, secretary, electionId, { ownerId: String(o.id), nomination: '业主联名推荐' });
    // Each department checks the items the list names it for; the community checks the rest.
    for (const username of ['dept.zjj', 'mediator.police', 'secretary.yongfu'].filter((u) => people.has(u))) {
      const actor = await ctx.actor(username);
      for (const check of await myPendingChecks(env, actor)) await recordCheck(env, actor, String(check.id), { result: 'pass' });
    }
    // A city without a checker for some item keeps the list unpublished, as staff would.
    const open = await db
      .selectFrom('owners_self_governance_checks as c')
      .innerJoin('owners_self_governance_candidates as k', 'k.id', 'c.candidate_id')
      .select('c.id')
      .where('k.election_id', '=', Number(electionId))
      .where('c.result', '=', 'pending')
      .executeTakeFirst();
    if (!open) await publish(env, secretary, electionId);
  });
}
