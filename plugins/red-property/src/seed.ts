import type { Actor, SeedContext } from '@linli/sdk';
import { directory } from './companies.js';
import { periodOf, previousPeriod } from './periods.js';
import { canEvaluate, canKeepBooks, worksFor } from './permissions.js';
import { readSettings } from './settings.js';
import { committeeState } from './committee.js';
import { addLedgerEntry, addPracticalMatter, recordMeeting, saveCompoundFile } from './service/books.js';
import { evaluate } from './service/evaluations.js';
import { typed } from './store/tables.js';
import { COMPLAINT_WORKFLOW } from './workflows/complaint.js';

const DAY = 86_400_000;

/** People of the city config holding `role`, as actors (any city: nothing here names Tianchang's people). */
async function holders(ctx: SeedContext, role: string): Promise<{ username: string; actor: Actor; org?: string }[]> {
  const people = (ctx.deployment.config.people ?? []).flatMap((p) => p.roles.filter((r) => r.role === role).map((r) => ({ username: p.username, org: r.org })));
  return Promise.all(people.map(async (p) => ({ ...p, actor: await ctx.actor(p.username) })));
}

/** A share of each criterion's maximum, rounded: how the demo companies score. */
const scoresAt = (criteria: { key: string; max: number }[], share: number) => Object.fromEntries(criteria.map((c) => [c.key, Math.round(c.max * share)]));

/**
 * Demo history through the same code as requests: the last two periods'
 * evaluations (one company twice excellent → red list, one twice poor →
 * black list), complaints handled end to end, and each compound's three
 * ledgers and a four-party meeting.
 */
export async function seed(ctx: SeedContext): Promise<void> {
  const s = readSettings(ctx.options);
  const db = typed(ctx.db);
  const dir = await directory(ctx, db);
  const offset = ctx.deployment.calendar.utcOffsetHours;
  const now = ctx.now();

  // Complaints: each resident of a configured compound snaps one; it is dispatched, answered and verified.
  const dispatchers = await holders(ctx, 'community_secretary');
  const staff = await holders(ctx, 'property_staff');
  for (const r of await holders(ctx, 'resident')) {
    const orgId = r.org ? await ctx.orgId(r.org) : undefined;
    const path = orgId ? (await db.selectFrom('linli_orgs').select('path').where('id', '=', Number(orgId)).executeTakeFirst())?.path : undefined;
    const compound = path ? dir.compounds.find((c) => path.startsWith(c.path)) : undefined;
    const desk = compound && dispatchers.find((d) => canKeepBooks(d.actor, compound));
    const responder = compound && staff.find((p) => p.org === compound.company.key);
    if (!compound || !desk || !responder) continue;
    const t0 = new Date(now.getTime() - 20 * DAY);
    let t = await ctx.at(t0, () =>
      ctx.tickets.create(ctx.db, r.actor, { workflow: COMPLAINT_WORKFLOW, orgId: compound.id, data: { title: '楼道堆放杂物无人清理', category: '环境卫生', description: '3单元楼道堆放纸箱杂物一周，存在消防隐患。', location: '3单元一楼' } }),
    );
    t = await ctx.at(new Date(t0.getTime() + 2 * 3_600_000), () => ctx.tickets.transition(ctx.db, desk.actor, t.id, { action: 'dispatch', version: t.version, data: { propertyOrgId: compound.company.id, instructions: '请于两个工作日内清理并答复。' } }));
    t = await ctx.at(new Date(t0.getTime() + 20 * 3_600_000), () => ctx.tickets.transition(ctx.db, responder.actor, t.id, { action: 'respond', version: t.version, data: { response: '已清理楼道杂物，并张贴消防通道禁止堆放提示。' } }));
    await ctx.at(new Date(t0.getTime() + 30 * 3_600_000), () => ctx.tickets.transition(ctx.db, r.actor, t.id, { action: 'verify', version: t.version, data: { satisfaction: '满意' } }));
  }

  // Evaluations of the last two periods, by the first community party officer serving each company.
  const evaluators = [...dispatchers, ...(await holders(ctx, 'branch_secretary'))];
  const current = periodOf(now, s.evaluationPeriod, offset);
  const last = previousPeriod(current, s.evaluationPeriod, offset);
  const before = previousPeriod(last, s.evaluationPeriod, offset);
  const profiles = [
    [0.95, 0.93], // twice excellent: red list
    [0.8, 0.7],
    [0.5, 0.55], // twice poor: black list
  ];
  let i = 0;
  for (const co of dir.companies) {
    const ev = evaluators.find((e) => canEvaluate(e.actor, co) && !worksFor(e.actor, co));
    if (!ev) continue;
    const [a, b] = profiles[i++ % profiles.length]!;
    for (const [period, share] of [[before, a], [last, b]] as const) {
      await ctx.at(new Date(period.end.getTime() + 5 * DAY), () =>
        evaluate(ctx, db, ev.actor, { companyOrgId: co.id, period: period.id, scores: scoresAt(s.criteria, share!), comment: share! >= 0.9 ? '服务规范，响应及时。' : share! < 0.6 ? '多次投诉处理不及时，限期整改。' : '基本达标，环境卫生需加强。' }),
      );
    }
  }

  // Three ledgers and a four-party meeting for each compound.
  const year = new Date(now.getTime() + offset * 3_600_000).getUTCFullYear();
  const day = (n: number) => new Date(now.getTime() - n * DAY + offset * 3_600_000).toISOString().slice(0, 10);
  for (const c of dir.compounds) {
    const keeper = evaluators.find((e) => canKeepBooks(e.actor, c));
    if (!keeper) continue;
    const a = keeper.actor;
    await saveCompoundFile(ctx, db, a, { compoundOrgId: c.id, compoundType: '商品房小区', households: 480, buildings: 12, partyMembers: 36, feeFenPerSqm: 80, facilities: '党群服务站、红色驿站、老年活动室' });
    // With owners' self-governance on, the owners' committee attends through a sitting member; a compound without one meets without deciding.
    const meetingId = await ctx.at(new Date(now.getTime() - 30 * DAY), async () => {
      const committee = await committeeState(ctx, db, c);
      const sitting = committee && committee !== 'none' && committee.sitting ? committee.members.slice(0, 2).map((m) => m.id) : [];
      const ok = committee === undefined || sitting.length > 0;
      const id = await recordMeeting(ctx, db, a, {
        compoundOrgId: c.id,
        heldOn: day(30),
        topic: '公共收益',
        subject: '公共收益用于更换小区路灯',
        attendance: { partyBranch: { present: true }, residentsCommittee: { present: true }, ownersCommittee: { present: ok, ...(sitting.length ? { members: sitting } : {}) }, propertyCompany: { present: true } },
        ...(ok ? { decision: '同意从公共收益中列支更换路灯费用，结果在公示栏公示。' } : {}),
      });
      return ok ? id : undefined;
    });
    await addLedgerEntry(ctx, db, a, { compoundOrgId: c.id, kind: '收入', category: '停车收益', amountFen: 1_260_000, purpose: '地面停车位第三季度收益', occurredOn: day(60) });
    await addLedgerEntry(ctx, db, a, { compoundOrgId: c.id, kind: '收入', category: '广告收益', amountFen: 360_000, purpose: '电梯广告年度收益', occurredOn: day(45) });
    await addLedgerEntry(ctx, db, a, { compoundOrgId: c.id, kind: '支出', category: '公共设施维护', amountFen: 485_000, purpose: '更换小区路灯 22 盏', occurredOn: day(20), ...(meetingId ? { meetingId: String(meetingId) } : {}) });
    await addPracticalMatter(ctx, db, a, { compoundOrgId: c.id, year, title: '加装电动车充电桩', description: '在2栋、5栋旁各加装一组充电桩。' });
    await addPracticalMatter(ctx, db, a, { compoundOrgId: c.id, year, title: '修复3单元外墙脱落' });
  }
}
