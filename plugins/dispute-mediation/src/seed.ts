import { localDate, type Actor, type OrgNodeConfig, type SeedContext } from '@linli/sdk';
import type { CaseData } from './forms/case.js';
import { formTeam, mediators, recordSession, takeStep } from './service/team.js';
import { typed } from './store/tables.js';
import { CASE_WORKFLOW } from './workflows/case.js';
import { agreementPhoto } from './seed-photo.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The config node with this key, anywhere in the tree. */
function nodeOf(n: OrgNodeConfig, key: string): OrgNodeConfig | undefined {
  if (n.key === key) return n;
  for (const c of [...(n.children ?? []), ...(n.side ?? [])]) {
    const found = nodeOf(c, key);
    if (found) return found;
  }
  return undefined;
}

/** Parties are made up for the demo (the names are masked on screen all the same). */
const party = (kind: CaseData['applicantKind'], name: string, phone?: string) => ({ kind, name, phone });

/**
 * Demo history through the same code as requests, in any city: the first
 * community secretary's compounds get a case settled by agreement and
 * followed up, the same kind of dispute again (a recurrence) referred to a
 * department that reports back, a case in mediation with one session, and
 * one just taken in.
 */
export async function seed(ctx: SeedContext): Promise<void> {
  if (!ctx.demo) return;
  const people = ctx.deployment.config.people ?? [];
  const secretary = people.flatMap((p) => p.roles.filter((r) => r.role === 'community_secretary' && r.org).map((r) => ({ username: p.username, org: r.org! })))[0];
  if (!secretary) return;
  const community = nodeOf(ctx.deployment.config.orgs, secretary.org);
  const compounds = (community?.children ?? []).filter((c) => c.type === 'compound');
  const pool = await mediators(ctx, typed(ctx.db));
  const professional = pool.find((m) => m.pool.kind === 'professional');
  const local = pool.find((m) => m.pool.kind === 'community');
  if (!compounds.length || !professional || !local) return;
  const officer = people.flatMap((p) => p.roles.filter((r) => r.role === 'department_officer' && r.org).map((r) => ({ username: p.username, org: r.org! })))[0];
  const desk: Actor = await ctx.actor(secretary.username);
  const lead: Actor = await ctx.actor(professional.username);
  const offset = ctx.deployment.calendar.utcOffsetHours;
  const now = ctx.now();
  const team = { lead: String(professional.personId), others: [String(local.personId)] };

  async function file(compound: OrgNodeConfig, at: Date, c: { title: string; type: CaseData['disputeType']; amountFen?: number; applicant: ReturnType<typeof party>; respondent: ReturnType<typeof party>; description: string }) {
    const company = compound.side?.find((s) => s.type === 'property_company');
    const data: CaseData = {
      title: c.title,
      disputeType: c.type,
      ...(c.amountFen !== undefined ? { amountFen: c.amountFen } : {}),
      applicantKind: c.applicant.kind,
      applicantName: c.applicant.name,
      ...(c.applicant.phone ? { applicantPhone: c.applicant.phone } : {}),
      respondentKind: c.respondent.kind,
      respondentName: c.respondent.name,
      ...(c.respondent.phone ? { respondentPhone: c.respondent.phone } : {}),
      ...(company ? { propertyOrgId: await ctx.orgId(company.key) } : {}),
      description: c.description,
    };
    return ctx.at(at, async () => (await ctx.tickets.create(ctx.db, desk, { workflow: CASE_WORKFLOW, orgId: await ctx.orgId(compound.key), data })).id);
  }
  const mediate = async (id: string, at: Date, record: string) => {
    await ctx.at(at, () => formTeam(ctx, ctx.db, desk, id, team));
    await ctx.at(new Date(at.getTime() + 2 * DAY), () =>
      recordSession(ctx, ctx.db, lead, id, { heldOn: localDate(new Date(at.getTime() + 2 * DAY), offset), partiesPresent: ['申请人', '被申请人'], record }),
    );
  };

  const [first, second = compounds[0]!, third = compounds[0]!] = compounds;
  const company = (n: OrgNodeConfig) => n.side?.find((s) => s.type === 'property_company')?.name ?? '物业服务企业';

  // 1. Fees in dispute, settled by a signed agreement and kept (follow-up visit).
  const t0 = new Date(now.getTime() - 60 * DAY);
  const fees = await file(first!, t0, {
    title: '业主与物业欠缴物业费纠纷',
    type: '物业费纠纷',
    amountFen: 486_000,
    applicant: party('物业服务企业', company(first!)),
    respondent: party('业主', '业主甲', '13900001201'),
    description: '业主以电梯长期故障为由拒缴两年物业费，物业申请调解。',
  });
  await mediate(fees, new Date(t0.getTime() + 1 * DAY), '双方陈述：物业承认电梯维修不及时；业主同意补缴，要求减免部分费用。');
  const signed = new Date(t0.getTime() + 4 * DAY);
  await ctx.at(signed, async () => {
    const photo = await ctx.photo(professional.username, agreementPhoto(), 'image/png');
    await takeStep(ctx, ctx.db, lead, fees, 'agree', { terms: '业主补缴物业费3888元，物业减免20%并于一个月内完成电梯大修。', agreedAmountFen: 388_800, signedOn: localDate(signed, offset), photos: [photo] });
  });
  await ctx.at(new Date(t0.getTime() + 35 * DAY), () => takeStep(ctx, ctx.db, desk, fees, 'visit', { performed: '已履行', satisfaction: '满意', note: '费用已补缴，电梯已大修。' }));

  // 2. The same kind again within the year (a recurrence): mediation fails, referred to a department that reports back.
  if (officer) {
    const t1 = new Date(now.getTime() - 25 * DAY);
    const again = await file(first!, t1, {
      title: '多户业主与物业公共维修费用分摊纠纷',
      type: '物业费纠纷',
      amountFen: 1_260_000,
      applicant: party('业主', '业主代表乙', '13900001202'),
      respondent: party('物业服务企业', company(first!)),
      description: '外墙渗水维修费用分摊意见不一，涉及维修资金使用程序。',
    });
    await mediate(again, new Date(t1.getTime() + 1 * DAY), '分摊方案未达成一致，涉及维修资金使用审批，需住建部门认定。');
    const dept = await ctx.orgId(officer.org);
    await ctx.at(new Date(t1.getTime() + 4 * DAY), () => takeStep(ctx, ctx.db, lead, again, 'refer', { referralKind: '职能部门', targetOrgId: dept, reason: '涉及专项维修资金使用程序，调解不成，移交主管部门。' }));
    const o = await ctx.actor(officer.username);
    const t = await ctx.at(new Date(t1.getTime() + 10 * DAY), async () => {
      const ticket = await ctx.tickets.get(ctx.db, o, again);
      return ctx.tickets.transition(ctx.db, o, again, { action: 'reply', version: ticket.version, data: { result: '已指导业委会按程序申请使用维修资金，费用按面积分摊。', resolved: '已化解' } });
    });
    await ctx.at(new Date(t1.getTime() + 15 * DAY), () => ctx.tickets.transition(ctx.db, desk, again, { action: 'visit', version: t.version, data: { performed: '已履行', satisfaction: '满意', note: '维修已完工。' } }));
  }

  // 3. Parking, in mediation with one session held.
  const t2 = new Date(now.getTime() - 8 * DAY);
  const parking = await file(second, t2, {
    title: '地面车位租用纠纷',
    type: '停车纠纷',
    amountFen: 360_000,
    applicant: party('业主', '业主丙', '13900001203'),
    respondent: party('物业服务企业', company(second)),
    description: '物业上调车位租金，部分业主不认可，车辆被拦。',
  });
  await mediate(parking, new Date(t2.getTime() + HOUR), '物业说明调价依据；业主要求公示成本，约定下次带账目再谈。');

  // 4. Just taken in: a leak between neighbours, awaiting its team.
  await file(third, new Date(now.getTime() - 6 * HOUR), {
    title: '楼上漏水致楼下受损纠纷',
    type: '漏水纠纷',
    amountFen: 120_000,
    applicant: party('业主', '业主丁', '13900001204'),
    respondent: party('业主', '业主戊', '13900001205'),
    description: '楼上卫生间漏水，楼下吊顶受损，双方对赔偿金额有争议。',
  });
}
