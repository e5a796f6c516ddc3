import { localDateTime, peopleHolding, type NoticeKindDefinition } from '@linli/sdk';
import { conveners } from '../permissions.js';
import type { Env } from './env.js';

export const VETTING_ASSIGNED = 'owners-self-governance.vetting-assigned';
export const VETTING_DUE = 'owners-self-governance.vetting-due';

/** What checkers are told: items to vet, and a reminder the day before the time limit. No candidate's name in them. */
export const vettingNotices: NoticeKindDefinition[] = [
  {
    id: VETTING_ASSIGNED,
    label: { 'zh-CN': '业委会候选人联审任务', en: "Owners' committee candidate to vet" },
    vars: ['election', 'count', 'due'],
    template: {
      title: { 'zh-CN': '候选人联审：{election}', en: 'Candidate vetting: {election}' },
      body: { 'zh-CN': '“{election}”有{count}项候选人审查由贵单位负责，请于{due}前在“候选人联审”中办理。', en: '{count} vetting items of "{election}" are yours: answer under Candidate vetting by {due}.' },
    },
    defaultChannels: ['wecom', 'email'],
  },
  {
    id: VETTING_DUE,
    label: { 'zh-CN': '候选人联审到期提醒', en: 'Candidate vetting due tomorrow' },
    vars: ['election', 'due'],
    template: {
      title: { 'zh-CN': '联审明天到期：{election}', en: 'Vetting due tomorrow: {election}' },
      body: { 'zh-CN': '“{election}”的候选人审查将于{due}到期，请尽快在“候选人联审”中办理。', en: 'Vetting for "{election}" is due {due}: please answer under Candidate vetting.' },
    },
    defaultChannels: ['wecom', 'sms'],
  },
];

/**
 * Tells the people of each checker (a department's staff; for community items the
 * community's conveners) that a candidate's items wait for them, and reminds them the
 * day before the time limit. Keyed by candidate and checker org, so each is told once.
 */
export async function tellCheckers(env: Env, c: { candidateId: number; election: string; compoundPath: string; dueAt: Date; items: { checkerOrgId: number | null }[] }): Promise<void> {
  const due = localDateTime(c.dueAt, env.ctx.deployment.calendar.utcOffsetHours);
  const byOrg = new Map<number | null, number>();
  for (const i of c.items) byOrg.set(i.checkerOrgId, (byOrg.get(i.checkerOrgId) ?? 0) + 1);
  for (const [orgId, count] of byOrg) {
    const to =
      orgId !== null
        ? await peopleHolding(env.db, { orgIds: [orgId] })
        : await peopleHolding(env.db, { roles: conveners.filter((x) => x !== 'admin'), atOrAbove: c.compoundPath, orgType: 'community' });
    if (!to.length) continue;
    const key = checkerKey(c.candidateId, orgId);
    await env.ctx.notify(env.trx, { kind: VETTING_ASSIGNED, key, to, vars: { election: c.election, count, due } });
    await env.ctx.notify(env.trx, { kind: VETTING_DUE, key: `${key}:due`, to, vars: { election: c.election, due }, at: new Date(c.dueAt.getTime() - 86_400_000) });
  }
}

const checkerKey = (candidateId: number, orgId: number | null) => `candidate:${candidateId}:org:${orgId ?? 'community'}`;

/** A checker that has answered all its items of a candidate is not reminded of them. */
export async function cancelReminderIfDone(env: Env, candidateId: number, orgId: number | null): Promise<void> {
  let q = env.db.selectFrom('owners_self_governance_checks').select('id').where('candidate_id', '=', candidateId).where('result', '=', 'pending');
  q = orgId === null ? q.where('checker_org_id', 'is', null) : q.where('checker_org_id', '=', orgId);
  if (await q.executeTakeFirst()) return;
  await env.ctx.cancelNotice(env.trx, { kind: VETTING_DUE, key: `${checkerKey(candidateId, orgId)}:due` });
}

/** A candidacy that ended (the candidate is no longer an owner): no checker is reminded of its items any more. */
export async function cancelVettingReminders(env: Env, candidateId: number): Promise<void> {
  const orgs = await env.db.selectFrom('owners_self_governance_checks').select('checker_org_id').distinct().where('candidate_id', '=', candidateId).execute();
  for (const o of orgs) await env.ctx.cancelNotice(env.trx, { kind: VETTING_DUE, key: `${checkerKey(candidateId, o.checker_org_id)}:due` });
}
