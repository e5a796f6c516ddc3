import type { NoticeKindDefinition } from '@linli/sdk';
import type { Env } from './service/env.js';
import type { SessionRow } from './store/sessions.js';

export const TOPIC_SCHEDULED = 'weekend-deliberation-hall.topic-scheduled';
export const SESSION_EVE = 'weekend-deliberation-hall.session-eve';
export const OWNERS_VOTE_CLOSED = 'weekend-deliberation-hall.owners-vote-closed';
export const OWNERS_VOTE_RESULT = 'weekend-deliberation-hall.owners-vote-result';

/** What the hall tells the residents whose topic is on a session's agenda or put to the owners, and the conveners who record the owners' vote, as data. */
export const notices: NoticeKindDefinition[] = [
  {
    id: TOPIC_SCHEDULED,
    label: { 'zh-CN': '我的议题排入议事会', en: 'My topic is on a session' },
    vars: ['topic', 'date', 'place'],
    template: {
      title: { 'zh-CN': '议题已排入议程：{topic}', en: 'Your topic is on the agenda: {topic}' },
      body: { 'zh-CN': '您提出的“{topic}”将在{date}于{place}的周末议事会上讨论，欢迎到场。', en: 'Your topic "{topic}" will be discussed at the weekend session on {date}, {place}.' },
    },
    defaultChannels: ['sms', 'email'],
  },
  {
    id: SESSION_EVE,
    label: { 'zh-CN': '议事会前一天提醒', en: 'Reminder the day before a session' },
    vars: ['topic', 'date', 'place'],
    template: {
      title: { 'zh-CN': '明天议事：{topic}', en: 'Session tomorrow: {topic}' },
      body: { 'zh-CN': '明天（{date}）{place}的周末议事会将讨论“{topic}”。', en: 'Tomorrow ({date}) the session at {place} discusses "{topic}".' },
    },
    defaultChannels: ['sms', 'email'],
  },
  {
    id: OWNERS_VOTE_CLOSED,
    label: { 'zh-CN': '议题的业主表决已计票', en: "A referred topic's owners' vote is counted" },
    vars: ['topic', 'outcome', 'step'],
    template: {
      title: { 'zh-CN': '业主表决已计票：{topic}', en: "Owners' vote counted: {topic}" },
      body: { 'zh-CN': '议题“{topic}”的业主表决结果为{outcome}，请在议题中登记“{step}”。', en: 'The owners\' vote on "{topic}" {outcome}: record "{step}" on the topic.' },
    },
    defaultChannels: ['wecom', 'email'],
  },
  {
    id: OWNERS_VOTE_RESULT,
    label: { 'zh-CN': '我的议题业主表决结果', en: "The owners' vote on my topic" },
    vars: ['topic', 'outcome'],
    template: {
      title: { 'zh-CN': '业主表决结果：{topic}', en: "Owners' vote on your topic: {topic}" },
      body: { 'zh-CN': '您提出的“{topic}”经业主表决{outcome}，社区将在议题中登记结果，进展可在议题中查看。', en: 'The owners\' vote on your topic "{topic}" {outcome}. The community will record the result on the topic, where you can follow it.' },
    },
    defaultChannels: ['sms', 'email'],
  },
];

const DAY = 24 * 3_600_000;

/**
 * A topic put on a session: its proposer hears now, and again the day before
 * the session (a reminder the job queue keeps, keyed by topic and session).
 */
export async function tellTopicScheduled(env: Env, topic: { id: string; title: string; reporterId?: string | null }, session: SessionRow): Promise<void> {
  if (!topic.reporterId) return;
  const vars = { topic: topic.title, date: session.session_date, place: session.place };
  const base = { to: [topic.reporterId], vars, ticketId: topic.id };
  await env.ctx.notify(env.trx, { ...base, kind: TOPIC_SCHEDULED, key: `topic:${topic.id}:session:${session.id}` });
  await env.ctx.notify(env.trx, { ...base, kind: SESSION_EVE, key: eveKey(topic.id, session.id), at: new Date(session.starts_at.getTime() - DAY) });
}

const eveKey = (topicId: string | number, sessionId: string | number) => `topic:${topicId}:session:${sessionId}:eve`;

/** A topic taken off a session (the session cancelled or closed, or the topic unscheduled): its proposer is not reminded of it. */
export async function cancelSessionEve(env: Env, topicId: string | number, sessionId: string | number): Promise<void> {
  await env.ctx.cancelNotice(env.trx, { kind: SESSION_EVE, key: eveKey(topicId, sessionId) });
}

/** The owners' vote on a referred topic is counted: the conveners (`to`: the one who referred it and the others of the compound) record the outcome on the topic. */
export async function tellOwnersVoteClosed(env: Env, topic: { id: string; title: string }, passed: boolean, to: string[]): Promise<void> {
  const vars = passed
    ? { topic: topic.title, outcome: { 'zh-CN': '通过', en: 'passed' }, step: { 'zh-CN': '业主表决通过', en: "Owners' vote passed" } }
    : { topic: topic.title, outcome: { 'zh-CN': '未通过', en: 'did not pass' }, step: { 'zh-CN': '业主表决未通过', en: "Owners' vote not passed" } };
  await env.ctx.notify(env.trx, { kind: OWNERS_VOTE_CLOSED, key: `topic:${topic.id}:owners-vote-closed`, to, vars, ticketId: topic.id });
}

/** The owners' vote on a referred topic is counted: the resident who raised the topic hears whether it passed, once per topic. */
export async function tellReporterOwnersVote(env: Env, topic: { id: string; title: string }, passed: boolean, reporterId: string): Promise<void> {
  const outcome = passed ? { 'zh-CN': '通过', en: 'passed' } : { 'zh-CN': '未通过', en: 'did not pass' };
  await env.ctx.notify(env.trx, { kind: OWNERS_VOTE_RESULT, key: `topic:${topic.id}:owners-vote-result`, to: [reporterId], vars: { topic: topic.title, outcome }, ticketId: topic.id });
}
