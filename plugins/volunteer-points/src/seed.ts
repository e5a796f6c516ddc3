import { holdsRoleAt, holdsRoleWithin, personIdOf, type Actor, type SeedContext } from '@linli/sdk';
import { createActivity, createTeam, recordAttendance, signUp } from './service/activities.js';
import { envOf } from './service/env.js';
import { register } from './service/members.js';
import { claim } from './service/wishes.js';
import { readSettings } from './settings.js';
import { parseId } from './store/tables.js';

const DAY = 86_400_000;

interface Node {
  key: string;
  type: string;
  children?: Node[];
}

/** The city's compounds that take part, with their community, from the config: any city works. */
function compounds(ctx: SeedContext): { compound: string; community: string }[] {
  const s = readSettings(ctx.options);
  const out: { compound: string; community: string }[] = [];
  const walk = (n: Node, community: string | null, inside: boolean) => {
    const taking = inside || !s.orgs || s.orgs.includes(n.key);
    if (n.type === 'compound' && community && taking) out.push({ compound: n.key, community });
    n.children?.forEach((c) => walk(c, n.type === 'community' ? n.key : community, taking));
  };
  walk(ctx.deployment.config.orgs as Node, null, false);
  return out;
}

/** People holding a role at an org (by key), from the config. */
const holders = (ctx: SeedContext, role: string, org?: string) =>
  (ctx.deployment.config.people ?? []).filter((p) => p.roles.some((r) => r.role === role && (org === undefined || r.org === org))).map((p) => p.username);

/**
 * Demo history over the last three months, through the same code as requests
 * (so it obeys every rule): the city's volunteers, residents and community
 * staff register, post and claim wishes, and serve in a team's monthly
 * activity; the community verifies, and the ledger fills. Who plays which
 * part is found in the config: residents post, volunteers and residents of
 * other compounds of the community register as members, co-building unit
 * contacts claim for their units, community secretaries verify.
 */
export async function seedVolunteerPoints(ctx: SeedContext): Promise<void> {
  const now = ctx.now().getTime();
  const at = <T>(daysAgo: number, fn: () => Promise<T>) => ctx.at(new Date(now - daysAgo * DAY), fn);
  const byCommunity = new Map<string, string[]>();
  for (const c of compounds(ctx)) byCommunity.set(c.community, [...(byCommunity.get(c.community) ?? []), c.compound]);

  for (const [community, keys] of byCommunity) {
    const verifier = holders(ctx, 'community_secretary', community)[0];
    if (!verifier) continue;
    const verifierActor = await ctx.actor(verifier);
    const residents = keys.flatMap((k) => holders(ctx, 'resident', k).map((u) => ({ u, k })));
    const compoundId = await ctx.orgId(keys[0]!);
    const compoundPath = (await ctx.db.selectFrom('linli_orgs').select('path').where('id', '=', Number(compoundId)).executeTakeFirstOrThrow()).path;
    // 双报到 happens where one lives or serves (service/members.ts checks it): a building leader of another compound stays out.
    const candidates = [...holders(ctx, 'volunteer', community), ...holders(ctx, 'building_leader')].filter((u, i, a) => a.indexOf(u) === i);
    const volunteers: string[] = [];
    for (const u of candidates) {
      const a = await ctx.actor(u);
      if (holdsRoleAt(a, compoundPath) || holdsRoleWithin(a, compoundPath)) volunteers.push(u);
    }
    if (!residents.length || !volunteers.length) continue;


    // 双报到: volunteers register with the community's first compound, three months ago.
    const members: Actor[] = [];
    for (const [i, u] of volunteers.entries()) {
      const actor = await ctx.actor(u);
      await at(90 - i, () => register(envOf(ctx, ctx.db), actor, { compoundOrgId: compoundId, kind: i % 2 ? '在册党员' : '在职党员', workUnit: i % 2 ? undefined : '天长市直机关', skills: ['助老助残', '环境整治'] } as never));
      members.push(actor);
    }

    // A micro-wish a month for each resident. The older ones are claimed by a
    // member and wait for the fulfilment, this month's is on the wish board.
    // (A seed cannot store a photo, and the fulfilment needs one as proof, so
    // demo wishes stop at 已认领; points in the demo come from service hours.)
    const wishes = ['想给孩子借一套初中数学辅导书', '独居老人希望有人帮忙换灯泡', '楼道想要一个爱心雨伞架'];
    for (const [m, title] of wishes.entries()) {
      for (const { u, k } of residents) {
        const daysAgo = 75 - m * 30;
        const resident = await ctx.actor(u);
        const orgId = await ctx.orgId(k);
        const t = await at(daysAgo, () => ctx.tickets.create(ctx.db, resident, { workflow: 'volunteer-points.wish', orgId, data: { title, category: m === 0 ? '学习用品' : m === 1 ? '助老服务' : '生活物资', description: `${title}，谢谢热心人。` } }));
        if (m === wishes.length - 1) continue;
        const member = members[m % members.length]!;
        await at(daysAgo - 1, () => claim(envOf(ctx, ctx.db), member, t.id, { as: '个人', note: '我来帮忙。' }));
      }
    }

    // A team and a monthly activity; everyone signed up served.
    const communityId = await ctx.orgId(community);
    const team = await at(80, () => createTeam(envOf(ctx, ctx.db), verifierActor, { orgId: communityId, name: '红色邻里志愿服务队' }));
    for (const daysAgo of [60, 30]) {
      const date = new Date(now - daysAgo * DAY + ctx.deployment.calendar.utcOffsetHours * 3_600_000).toISOString().slice(0, 10);
      const activity = await at(daysAgo + 7, () =>
        createActivity(envOf(ctx, ctx.db), verifierActor, { orgId: String(compoundId), teamId: String(team), title: daysAgo === 60 ? '小区环境卫生大扫除' : '敲门行动·关爱独居老人', date, place: '小区党群服务站', plannedHours: 2 }),
      );
      for (const m of members) await at(daysAgo + 3, () => signUp(envOf(ctx, ctx.db), m, String(activity)));
      const entries = await Promise.all(members.map(async (m, i) => ({ memberId: String(await memberIdOf(ctx, m, compoundId)), hours: i % 2 ? 2 : 2.5 })));
      await at(daysAgo - 0.2, () => recordAttendance(envOf(ctx, ctx.db), verifierActor, String(activity), { entries }));
    }
  }
  async function memberIdOf(c: SeedContext, a: Actor, compound: string) {
    const row = await c.db.selectFrom('volunteer_points_members').select('id').where('person_id', '=', personIdOf(a)).where('compound_org_id', '=', parseId(compound)).executeTakeFirstOrThrow();
    return row.id as number;
  }
}
