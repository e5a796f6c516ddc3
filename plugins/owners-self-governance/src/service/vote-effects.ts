import { localDateTime, type NoticeKindDefinition } from '@linli/sdk';
import type { Env } from './env.js';

export const CLOSE_VOTE_JOB = 'owners-self-governance.close-vote';
export const VOTE_OPENED = 'owners-self-governance.vote-opened';
export const closeKey = (voteId: number | string) => `close-vote:${voteId}`;

/** What owners are told, as data: a vote their unit takes part in has opened. No personal data in the variables. */
export const notices: NoticeKindDefinition[] = [
  {
    id: VOTE_OPENED,
    label: { 'zh-CN': '业主表决开始', en: "An owners' vote opened" },
    vars: ['title', 'scope', 'closes'],
    template: {
      title: { 'zh-CN': '业主表决：{title}', en: "Owners' vote: {title}" },
      body: { 'zh-CN': '{scope}业主表决“{title}”已开始，请在{closes}前在“我的业主表决”中投票，每位业主一票。', en: 'The owners of {scope} vote on "{title}" until {closes}: vote under My owners’ votes, one vote per owner.' },
    },
    defaultChannels: ['sms', 'wecom'],
  },
];

/** Owners with accounts whose units are in the vote hear of it now. */
export async function tellOwnersVoteOpened(env: Env, vote: { id: number; title: string; scopeName: string; closesAt: Date }, unitIds: number[]): Promise<void> {
  if (!unitIds.length) return;
  const people = await env.db.selectFrom('owners_self_governance_owners').select('person_id').distinct().where('unit_id', 'in', unitIds).where('person_id', 'is not', null).where('removed_at', 'is', null).execute();
  const to = people.map((p) => String(p.person_id));
  if (!to.length) return;
  const closes = localDateTime(vote.closesAt, env.ctx.deployment.calendar.utcOffsetHours);
  await env.ctx.notify(env.trx, { kind: VOTE_OPENED, key: `vote:${vote.id}:opened`, to, vars: { title: vote.title, scope: vote.scopeName, closes } });
}
