import type { SeedContext } from '@linli/sdk';
import { myPendingChecks, nominate, openElection, publish, recordCheck } from './service/committee.js';
import { envOf } from './service/env.js';
import { openElectionVote, setMemberRole } from './service/seating.js';
import { closeVote, recordPaper } from './service/votes.js';
import { ballotPhoto } from './seed-photo.js';
import type { Db } from './store/tables.js';

const DAY_MS = 86_400_000;

/**
 * The compound's first owners' committee, elected almost five years ago: three
 * owners vetted, the list published, seventeen of the units agreeing on paper,
 * the committee seated with its chair and vice-chair. Its term ends in 60 days
 * (任期将满), which is why the second election is under way.
 */
export async function seedFirstCommittee(ctx: SeedContext, db: Db, compoundId: string, people: Set<string>): Promise<void> {
  const owners = await db
    .selectFrom('owners_self_governance_owners as o')
    .innerJoin('owners_self_governance_units as u', 'u.id', 'o.unit_id')
    .select(['o.id', 'u.id as unitId'])
    .where('o.person_id', 'is', null)
    .orderBy('o.id')
    .execute();
  const units = [...new Set((await db.selectFrom('owners_self_governance_units').select('id').orderBy('id').execute()).map((u) => u.id))];
  if (owners.length < 3 || units.length < 3) return;
  const elected = new Date(ctx.now().getTime() + 60 * DAY_MS);
  elected.setUTCFullYear(elected.getUTCFullYear() - 5);
  const secretary = await ctx.actor('secretary.yongfu');
  const electionId = await ctx.at(new Date(elected.getTime() - 30 * DAY_MS), async () => {
    const env = envOf(ctx, ctx.db);
    const id = String(await openElection(env, secretary, { compoundOrgId: compoundId, title: '河畔家园第一届业主委员会选举', preparatoryGroup: '街道、社区、业主代表共7人', seats: 3 }));
    for (const o of owners.slice(0, 3)) await nominate(env, secretary, id, { ownerId: String(o.id), nomination: '业主联名推荐' });
    for (const username of ['dept.zjj', 'mediator.police', 'secretary.yongfu'].filter((u) => people.has(u))) {
      const actor = await ctx.actor(username);
      for (const check of await myPendingChecks(env, actor)) await recordCheck(env, actor, String(check.id), { result: 'pass' });
    }
    return id;
  });
  const pending = await db.selectFrom('owners_self_governance_checks as c').innerJoin('owners_self_governance_candidates as k', 'k.id', 'c.candidate_id').select('c.id').where('k.election_id', '=', Number(electionId)).where('c.result', '=', 'pending').executeTakeFirst();
  if (pending) return;
  await ctx.at(new Date(elected.getTime() - 20 * DAY_MS), async () => {
    const env = envOf(ctx, ctx.db);
    await publish(env, secretary, electionId);
    const voteId = String(await openElectionVote(env, secretary, electionId, { days: 20 }));
    const voting = Math.ceil((units.length * 3) / 4);
    const candidates = await db.selectFrom('owners_self_governance_candidates').select('id').where('election_id', '=', Number(electionId)).orderBy('id').execute();
    for (const unitId of units.slice(0, voting)) {
      const photo = await ctx.photo('secretary.yongfu', ballotPhoto(), 'image/png');
      // Each ballot ticks all three candidates (3 for 3 seats).
      await recordPaper(env, secretary, voteId, { unitId: String(unitId), ticks: candidates.map((k) => String(k.id)), photos: [photo] });
    }
    await ctx.at(elected, () => closeVote(envOf(ctx, ctx.db), secretary, voteId));
  });
  const members = await db.selectFrom('owners_self_governance_committee_members').select('id').orderBy('id').execute();
  const env = envOf(ctx, ctx.db);
  if (members[0]) await setMemberRole(env, secretary, String(members[0].id), '主任');
  if (members[1]) await setMemberRole(env, secretary, String(members[1].id), '副主任');
}
